"""Tests for lagebild.money.find_money: German amounts, currencies, qualifiers and ranges."""

from __future__ import annotations

import time

import pytest

from lagebild.money import find_money

# (sentence, span, value, currency, qualifier, value_max)
CASES = [
    ("Das Bündnis sagte über 20 Milliarden Euro zu.", "über 20 Milliarden Euro", 20e9, "EUR", "more_than", None),
    ("Der Bau kostet 1.500.000 Euro.", "1.500.000 Euro", 1.5e6, "EUR", "exact", None),
    ("Die Gemeinde erhielt 45 000 Euro Entschädigung.", "45 000 Euro", 45000.0, "EUR", "exact", None),
    ("Die Stiftung überwies 350'000 Franken.", "350'000 Franken", 350000.0, "CHF", "exact", None),
    ("Die Buße betrug 1\u202f200\u202f000 Dollar.", "1\u202f200\u202f000 Dollar", 1.2e6, "USD", "exact", None),
    ("Im Jahr 2023 500 Millionen Euro zugesagt.", "500 Millionen Euro", 5e8, "EUR", "exact", None),
    ("Der Umsatz lag bei 2,4 Mio. US-Dollar.", "2,4 Mio. US-Dollar", 2.4e6, "USD", "exact", None),
    ("Die Stadt zahlt 1.500 € Prämie.", "1.500 €", 1500.0, "EUR", "exact", None),
    ("Die Regierung gab zwei Milliarden Euro frei.", "zwei Milliarden Euro", 2e9, "EUR", "exact", None),
    ("Eine Milliarde Dollar fließt in den Wiederaufbau.", "Eine Milliarde Dollar", 1e9, "USD", "exact", None),
    ("Der Fonds umfasst drei Millionen Franken.", "drei Millionen Franken", 3e6, "CHF", "exact", None),
    ("Ein Ticket kostet zehn Euro.", "zehn Euro", 10.0, "EUR", "exact", None),
    ("Die Spende betrug hundert Pfund.", "hundert Pfund", 100.0, "GBP", "exact", None),
    ("Der Kredit beläuft sich auf 5 Mrd. €.", "5 Mrd. €", 5e9, "EUR", "exact", None),
    ("Der Etat wächst um 300 Tsd. Euro.", "300 Tsd. Euro", 3e5, "EUR", "exact", None),
    ("Die Schulden erreichen 1,2 Billionen Yen.", "1,2 Billionen Yen", 1.2e12, "JPY", "exact", None),
    ("Washington stellt $ 5 Mrd. bereit.", "$ 5 Mrd.", 5e9, "USD", "exact", None),
    ("Der Konzern meldet US$ 20 Millionen Gewinn.", "US$ 20 Millionen", 2e7, "USD", "exact", None),
    ("Der Vertrag hat ein Volumen von EUR 300 Millionen.", "EUR 300 Millionen", 3e8, "EUR", "exact", None),
    ("Die Strafe beträgt 4.000 USD.", "4.000 USD", 4000.0, "USD", "exact", None),
    ("Ein Brot kostet 50 Cent mehr.", "50 Cent", 0.5, "EUR", "exact", None),
    ("Moskau bot 3 Milliarden Rubel.", "3 Milliarden Rubel", 3e9, "RUB", "exact", None),
    ("Peking investiert 80 Milliarden Yuan.", "80 Milliarden Yuan", 8e10, "CNY", "exact", None),
    ("Kiew erhielt 40 Milliarden Hrywnja.", "40 Milliarden Hrywnja", 4e10, "UAH", "exact", None),
    ("Die Mieten stiegen um 2.000 Lira.", "2.000 Lira", 2000.0, "TRY", "exact", None),
    ("Die Hilfe umfasst 500 Millionen Schekel.", "500 Millionen Schekel", 5e8, "ILS", "exact", None),
    ("Indien zahlt 900 Millionen Rupien.", "900 Millionen Rupien", 9e8, "INR", "exact", None),
    ("Warschau plant 12 Milliarden Zloty ein.", "12 Milliarden Zloty", 1.2e10, "PLN", "exact", None),
    ("Kopenhagen gibt 500 Millionen dänische Kronen.", "500 Millionen dänische Kronen", 5e8, "DKK", "exact", None),
    ("Stockholm zahlt mit 2 Milliarden schwedischen Kronen.", "2 Milliarden schwedischen Kronen", 2e9, "SEK", "exact", None),
    ("Oslo spendet 100 Millionen norwegische Kronen.", "100 Millionen norwegische Kronen", 1e8, "NOK", "exact", None),
    ("Es gibt mehr als 4 Millionen Euro.", "mehr als 4 Millionen Euro", 4e6, "EUR", "more_than", None),
    ("Es gibt mindestens 4 Millionen Euro.", "mindestens 4 Millionen Euro", 4e6, "EUR", "more_than", None),
    ("Es gibt knapp über 4 Millionen Euro.", "knapp über 4 Millionen Euro", 4e6, "EUR", "more_than", None),
    ("Es gibt bis zu 4 Millionen Euro.", "bis zu 4 Millionen Euro", 4e6, "EUR", "less_than", None),
    ("Es kostet weniger als 4 Millionen Euro.", "weniger als 4 Millionen Euro", 4e6, "EUR", "less_than", None),
    ("Es kostet höchstens 4 Millionen Euro.", "höchstens 4 Millionen Euro", 4e6, "EUR", "less_than", None),
    ("Es kostet rund 4 Millionen Euro.", "rund 4 Millionen Euro", 4e6, "EUR", "about", None),
    ("Es kostet ca. 4 Millionen Euro.", "ca. 4 Millionen Euro", 4e6, "EUR", "about", None),
    ("Es kostet knapp 4 Millionen Euro.", "knapp 4 Millionen Euro", 4e6, "EUR", "about", None),
    ("Es kostet zwischen 2 und 3 Milliarden Dollar.", "zwischen 2 und 3 Milliarden Dollar", 2e9, "USD", "range", 3e9),
    ("Es kostet 2 bis 3 Mrd. Euro.", "2 bis 3 Mrd. Euro", 2e9, "EUR", "range", 3e9),
    ("Es kostet 10-20 Millionen Euro.", "10-20 Millionen Euro", 1e7, "EUR", "range", 2e7),
    ("Es kostet 500.000 bis 1 Million Euro.", "500.000 bis 1 Million Euro", 5e5, "EUR", "range", 1e6),
]


@pytest.mark.parametrize(("sentence", "span", "value", "currency", "qualifier", "value_max"), CASES)
def test_amount(sentence, span, value, currency, qualifier, value_max):
    """The amount is found with exactly this span, value, currency, qualifier and upper bound."""
    (money,) = find_money(sentence)
    offset = sentence.index(span)
    assert (money.text, money.start, money.end) == (span, offset, offset + len(span))
    assert sentence[money.start : money.end] == money.text
    assert money.value == pytest.approx(value)
    assert (money.currency, money.qualifier) == (currency, qualifier)
    assert money.value_max == (pytest.approx(value_max) if value_max is not None else None)


@pytest.mark.parametrize(
    "sentence",
    [
        "2025 Menschen flohen aus der Stadt.",
        "Die Zustimmung sank auf 20 Prozent.",
        "Rufen Sie an: Tel. 030 1234567.",
        "Am 4. April 2025 wurde gewählt.",
        "Es kamen 1.500 Besucher und 3 Millionen Zuschauer.",
        "Das Paket ist ein 50-Milliarden-Euro-Paket.",
        "Es geht um 20 Euro-Milliarden.",
        "Sie tauschten 30 Kronen.",
        "Es wurden Milliarden Euro investiert.",
    ],
)
def test_no_money(sentence):
    """Counts, years, dates, percentages, phone numbers and compounds are not amounts."""
    assert find_money(sentence) == []


def test_several_amounts_sorted():
    """Several amounts in one text come back in text order."""
    text = "Berlin gibt 5 Millionen Euro, Paris 7 Millionen Euro und London 2 Millionen Pfund."
    assert [(m.value, m.currency) for m in find_money(text)] == [(5e6, "EUR"), (7e6, "EUR"), (2e6, "GBP")]


@pytest.mark.parametrize("text", ["1" * 100_000, "Milliarden " * 10_000, "1.000" * 20_000, "über " * 20_000])
def test_pathological_input_is_fast(text):
    """Long repetitive inputs are processed in well under a second."""
    began = time.perf_counter()
    find_money(text)
    assert time.perf_counter() - began < 0.5
