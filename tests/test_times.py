"""Tests for lagebild.times.find_times: German temporal expressions, TIMEX3 values, intervals."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from lagebild.times import find_times

D = dt.date.fromisoformat
FRI = D("2025-04-04")  # a Friday, ISO week 14

# (sentence, published, span, type, value, mod, interval start, interval end)
CASES = [
    # absolute dates
    ("Der Vertrag wurde am 4. April 2025 unterzeichnet.", FRI, "am 4. April 2025", "DATE", "2025-04-04", None, "2025-04-04", "2025-04-04"),
    ("Er kam 4. April 2025 zurück.", FRI, "4. April 2025", "DATE", "2025-04-04", None, "2025-04-04", "2025-04-04"),
    ("Die Frist endete am 12.03.2025 ohne Einigung.", FRI, "am 12.03.2025", "DATE", "2025-03-12", None, "2025-03-12", "2025-03-12"),
    ("Die Wahl fand am 9.11.2024 statt.", FRI, "am 9.11.2024", "DATE", "2024-11-09", None, "2024-11-09", "2024-11-09"),
    ("Die Delegation reiste am 2. März ab.", FRI, "am 2. März", "DATE", "2025-03-02", None, "2025-03-02", "2025-03-02"),
    ("Die Konferenz soll am 20. Mai beginnen.", FRI, "am 20. Mai", "DATE", "2025-05-20", None, "2025-05-20", "2025-05-20"),
    ("Der Minister trat am 20. Mai zurück.", FRI, "am 20. Mai", "DATE", "2024-05-20", None, "2024-05-20", "2024-05-20"),
    ("Am 1.4. trat das Gesetz in Kraft.", FRI, "Am 1.4.", "DATE", "2025-04-01", None, "2025-04-01", "2025-04-01"),
    ("Am 29. Februar hatte es geschneit.", FRI, "Am 29. Februar", "DATE", "2024-02-29", None, "2024-02-29", "2024-02-29"),
    ("Am Montag, 3. März 2025, begann der Prozess.", FRI, "Am Montag, 3. März 2025", "DATE", "2025-03-03", None, "2025-03-03", "2025-03-03"),
    ("Es war Montag, den 3. März 2025.", FRI, "Montag, den 3. März 2025", "DATE", "2025-03-03", None, "2025-03-03", "2025-03-03"),
    # a weekday in a present-tense sentence is the coming day; in a past one the last; ``vom`` names a past day
    ("Die Außenministerin reist am Dienstag nach Warschau.", FRI, "am Dienstag", "DATE", "2025-04-08", None, "2025-04-08", "2025-04-08"),
    ("Die Außenministerin reiste am Dienstag nach Warschau.", FRI, "am Dienstag", "DATE", "2025-04-01", None, "2025-04-01", "2025-04-01"),
    ("Die Minister treffen sich am Freitag in Genf.", FRI, "am Freitag", "DATE", "2025-04-04", None, "2025-04-04", "2025-04-04"),
    ("Die Delegation trafen am Montag in Genf ein.", FRI, "am Montag", "DATE", "2025-03-31", None, "2025-03-31", "2025-03-31"),
    ("Das steht in einem Brief vom Mittwoch an die Regierung.", FRI, "vom Mittwoch", "DATE", "2025-04-02", None, "2025-04-02", "2025-04-02"),
    ("Der Bericht erschien im Februar 2023.", FRI, "im Februar 2023", "DATE", "2023-02", None, "2023-02-01", "2023-02-28"),
    ("Im Februar 2024 wurde gewählt.", FRI, "Im Februar 2024", "DATE", "2024-02", None, "2024-02-01", "2024-02-29"),
    ("Im März gingen die Zahlen zurück.", FRI, "Im März", "DATE", "2025-03", None, "2025-03-01", "2025-03-31"),
    ("Im Juni werden die Gespräche fortgesetzt.", FRI, "Im Juni", "DATE", "2025-06", None, "2025-06-01", "2025-06-30"),
    ("Im Oktober hatte die Regierung gewechselt.", FRI, "Im Oktober", "DATE", "2024-10", None, "2024-10-01", "2024-10-31"),
    ("In der 14. Kalenderwoche ruht der Betrieb.", FRI, "In der 14. Kalenderwoche", "DATE", "2025-W14", None, "2025-03-31", "2025-04-06"),
    # years, decades, prepositions
    ("Das Abkommen stammt aus dem Jahr 1990.", FRI, "Jahr 1990", "DATE", "1990", None, "1990-01-01", "1990-12-31"),
    ("Im Jahr 2019 begann der Konflikt.", FRI, "Im Jahr 2019", "DATE", "2019", None, "2019-01-01", "2019-12-31"),
    ("Seit 2014 herrscht dort Krieg.", FRI, "Seit 2014", "DATE", "2014", "AFTER", "2014-01-01", "2025-04-04"),
    ("Bis 2030 sollen alle Kohlekraftwerke schließen.", FRI, "Bis 2030", "DATE", "2030", None, None, "2030-12-31"),
    ("Ab 2027 gilt die neue Regel.", FRI, "Ab 2027", "DATE", "2027", "AFTER", "2027-01-01", None),
    ("Vor 2020 war das anders.", FRI, "Vor 2020", "DATE", "2020", "BEFORE", None, "2019-12-31"),
    ("Nach 2030 wird es schwieriger.", FRI, "Nach 2030", "DATE", "2030", "AFTER", "2031-01-01", None),
    ("Ende 2026 läuft das Mandat aus.", FRI, "Ende 2026", "DATE", "2026", "END", "2026-09-01", "2026-12-31"),
    ("Anfang 2026 wird gewählt.", FRI, "Anfang 2026", "DATE", "2026", "START", "2026-01-01", "2026-04-30"),
    ("Mitte 2025 steigen die Preise.", FRI, "Mitte 2025", "DATE", "2025", "MID", "2025-05-01", "2025-08-31"),
    ("Vor Ende 2027 werde es keine Einigung geben.", FRI, "Vor Ende 2027", "DATE", "2027", "END", None, "2027-12-31"),
    ("Mitte der 1980er Jahre wuchs die Stadt.", FRI, "Mitte der 1980er Jahre", "DATE", "198X", "MID", "1984-01-01", "1986-12-31"),
    ("In den 1970er-Jahren war das üblich.", FRI, "In den 1970er-Jahren", "DATE", "197X", None, "1970-01-01", "1979-12-31"),
    ("In den 90er Jahren zog er um.", FRI, "In den 90er Jahren", "DATE", "199X", None, "1990-01-01", "1999-12-31"),
    ("Im Sommer 2024 brannten die Wälder.", FRI, "Im Sommer 2024", "DATE", "2024-SU", None, "2024-06-01", "2024-08-31"),
    ("Im Winter 2024 fehlte Gas.", FRI, "Im Winter 2024", "DATE", "2024-WI", None, "2024-12-01", "2025-02-28"),
    # parts of months
    ("Anfang März begannen die Proteste.", FRI, "Anfang März", "DATE", "2025-03", "START", "2025-03-01", "2025-03-10"),
    ("Mitte Januar fiel der erste Schnee.", FRI, "Mitte Januar", "DATE", "2025-01", "MID", "2025-01-11", "2025-01-20"),
    ("Ende Februar 2024 lag der Wert höher.", FRI, "Ende Februar 2024", "DATE", "2024-02", "END", "2024-02-21", "2024-02-29"),
    ("Ende Februar 2025 lag der Wert niedriger.", FRI, "Ende Februar 2025", "DATE", "2025-02", "END", "2025-02-21", "2025-02-28"),
    ("Ende Mai soll der Gipfel stattfinden.", FRI, "Ende Mai", "DATE", "2025-05", "END", "2025-05-21", "2025-05-31"),
    ("Die Bauarbeiten dauern bis Ende Juni.", FRI, "bis Ende Juni", "DATE", "2025-06", "END", None, "2025-06-30"),
    ("Seit dem 1. Januar gilt das Gesetz.", FRI, "Seit dem 1. Januar", "DATE", "2025-01-01", "AFTER", "2025-01-01", "2025-04-04"),
    ("Die Frist läuft bis zum 30. Juni.", FRI, "bis zum 30. Juni", "DATE", "2025-06-30", None, None, "2025-06-30"),
    # quarters, halves, parts of years
    ("Im ersten Quartal 2024 schrumpfte die Wirtschaft.", FRI, "Im ersten Quartal 2024", "DATE", "2024-Q1", None, "2024-01-01", "2024-03-31"),
    ("Im dritten Quartal soll sie wachsen.", FRI, "Im dritten Quartal", "DATE", "2025-Q3", None, "2025-07-01", "2025-09-30"),
    ("Im zweiten Halbjahr folgt die Reform.", FRI, "Im zweiten Halbjahr", "DATE", "2025-H2", None, "2025-07-01", "2025-12-31"),
    ("In der ersten Jahreshälfte 2023 sank der Absatz.", FRI, "In der ersten Jahreshälfte 2023", "DATE", "2023-H1", None, "2023-01-01", "2023-06-30"),
    ("Das geschah in den ersten sechs Monaten des Jahres 2024.", FRI, "in den ersten sechs Monaten des Jahres 2024", "DATE", "2024-H1", None, "2024-01-01", "2024-06-30"),
    ("Das geschah in den letzten drei Monaten des Jahres 2024.", FRI, "in den letzten drei Monaten des Jahres 2024", "DATE", "2024-Q4", None, "2024-10-01", "2024-12-31"),
    ("Das geschah in den ersten Monaten des Jahres 2024.", FRI, "in den ersten Monaten des Jahres 2024", "DATE", "2024", "START", "2024-01-01", None),
    ("Das geschah in den ersten zwei Wochen des Jahres 2025.", FRI, "in den ersten zwei Wochen des Jahres 2025", "DATE", "2025", "START", "2025-01-01", "2025-01-14"),
    ("Die Wahl ist für Ende des Jahres geplant.", FRI, "Ende des Jahres", "DATE", "2025", "END", "2025-09-01", "2025-12-31"),
    ("Der Bericht kommt zum Jahresende.", FRI, "zum Jahresende", "DATE", "2025", "END", "2025-09-01", "2025-12-31"),
    ("Die Strategie gilt bis zum Ende des Jahrzehnts.", FRI, "bis zum Ende des Jahrzehnts", "DATE", "202X", "END", None, "2029-12-31"),
    ("Mitte des Jahres wird abgerechnet.", FRI, "Mitte des Jahres", "DATE", "2025", "MID", "2025-05-01", "2025-08-31"),
    ("Anfang nächsten Jahres wird gewählt.", FRI, "Anfang nächsten Jahres", "DATE", "2026", "START", "2026-01-01", "2026-04-30"),
    ("Anfang der Woche kam es zu Streiks.", FRI, "Anfang der Woche", "DATE", "2025-W14", "START", "2025-03-31", "2025-04-01"),
    ("Der Gipfel wird später in diesem Jahr stattfinden.", FRI, "später in diesem Jahr", "DATE", "2025", "AFTER", "2025-04-04", "2025-12-31"),
    # deictic days, including month and year boundaries
    ("Heute tagt der Rat.", FRI, "Heute", "DATE", "2025-04-04", None, "2025-04-04", "2025-04-04"),
    ("Der Rat tagte gestern.", FRI, "gestern", "DATE", "2025-04-03", None, "2025-04-03", "2025-04-03"),
    ("Der Rat tagte vorgestern.", FRI, "vorgestern", "DATE", "2025-04-02", None, "2025-04-02", "2025-04-02"),
    ("Das Parlament stimmt morgen ab.", FRI, "morgen", "DATE", "2025-04-05", None, "2025-04-05", "2025-04-05"),
    ("Das Parlament stimmt übermorgen ab.", FRI, "übermorgen", "DATE", "2025-04-06", None, "2025-04-06", "2025-04-06"),
    ("Das Parlament stimmt morgen ab.", D("2024-12-31"), "morgen", "DATE", "2025-01-01", None, "2025-01-01", "2025-01-01"),
    ("Der Rat tagte gestern.", D("2024-03-01"), "gestern", "DATE", "2024-02-29", None, "2024-02-29", "2024-02-29"),
    ("Gestern Abend fielen Schüsse.", FRI, "Gestern Abend", "TIME", "2025-04-03TEV", None, "2025-04-03", "2025-04-03"),
    # relative periods and offsets
    ("Das Treffen fand vor zwei Tagen statt.", FRI, "vor zwei Tagen", "DATE", "2025-04-02", None, "2025-04-02", "2025-04-02"),
    ("Das Treffen fand vor zwei Tagen statt.", D("2025-03-01"), "vor zwei Tagen", "DATE", "2025-02-27", None, "2025-02-27", "2025-02-27"),
    ("Das begann vor drei Wochen.", FRI, "vor drei Wochen", "DATE", "2025-W11", None, "2025-03-10", "2025-03-16"),
    ("Das endet in drei Wochen.", FRI, "in drei Wochen", "DATE", "2025-W17", None, "2025-04-21", "2025-04-27"),
    ("Das war vor einem Jahr.", FRI, "vor einem Jahr", "DATE", "2024", None, "2024-01-01", "2024-12-31"),
    ("Das war vor fünf Monaten.", FRI, "vor fünf Monaten", "DATE", "2024-11", None, "2024-11-01", "2024-11-30"),
    ("Vergangene Woche wurde gestreikt.", FRI, "Vergangene Woche", "DATE", "2025-W13", None, "2025-03-24", "2025-03-30"),
    ("Letzte Woche wurde gestreikt.", FRI, "Letzte Woche", "DATE", "2025-W13", None, "2025-03-24", "2025-03-30"),
    ("Nächste Woche wird verhandelt.", FRI, "Nächste Woche", "DATE", "2025-W15", None, "2025-04-07", "2025-04-13"),
    ("Die Preise stiegen letzten Monat.", FRI, "letzten Monat", "DATE", "2025-03", None, "2025-03-01", "2025-03-31"),
    ("Die Preise stiegen im vergangenen Monat.", D("2025-01-15"), "im vergangenen Monat", "DATE", "2024-12", None, "2024-12-01", "2024-12-31"),
    ("Im vergangenen Jahr sank die Zahl.", FRI, "Im vergangenen Jahr", "DATE", "2024", None, "2024-01-01", "2024-12-31"),
    ("Im kommenden Jahr steigt sie.", FRI, "Im kommenden Jahr", "DATE", "2026", None, "2026-01-01", "2026-12-31"),
    ("Nächstes Jahr wird gewählt.", FRI, "Nächstes Jahr", "DATE", "2026", None, "2026-01-01", "2026-12-31"),
    ("In diesem Jahr wird gewählt.", FRI, "In diesem Jahr", "DATE", "2025", None, "2025-01-01", "2025-12-31"),
    ("Dieses Jahr wird gewählt.", FRI, "Dieses Jahr", "DATE", "2025", None, "2025-01-01", "2025-12-31"),
    # weekdays and parts of days
    ("Die Gespräche begannen am Montag.", FRI, "am Montag", "DATE", "2025-03-31", None, "2025-03-31", "2025-03-31"),
    ("Die Gespräche sollen am Montag beginnen.", FRI, "am Montag", "DATE", "2025-04-07", None, "2025-04-07", "2025-04-07"),
    ("Die Minister trafen sich am Freitag.", FRI, "am Freitag", "DATE", "2025-04-04", None, "2025-04-04", "2025-04-04"),
    ("Er sprach am vergangenen Freitag.", FRI, "am vergangenen Freitag", "DATE", "2025-03-28", None, "2025-03-28", "2025-03-28"),
    ("Er spricht am kommenden Mittwoch.", FRI, "am kommenden Mittwoch", "DATE", "2025-04-09", None, "2025-04-09", "2025-04-09"),
    ("Die Waffenruhe soll Sonntagmittag beginnen.", FRI, "Sonntagmittag", "TIME", "2025-04-06TMI", None, "2025-04-06", "2025-04-06"),
    ("Sie demonstrierten am späten Mittwochabend.", FRI, "am späten Mittwochabend", "TIME", "2025-04-02TEV", "END", "2025-04-02", "2025-04-02"),
    ("Die Proteste dauerten am frühen Morgen an.", FRI, "am frühen Morgen", "TIME", "2025-04-04TMO", "START", "2025-04-04", "2025-04-04"),
    ("Am Abend sprach der Präsident.", FRI, "Am Abend", "TIME", "2025-04-04TEV", None, "2025-04-04", "2025-04-04"),
    ("Man hoffe, dass dies noch in der Nacht gelinge.", FRI, "noch in der Nacht", "TIME", "2025-04-04TNI", None, "2025-04-04", "2025-04-05"),
    ("In der Nacht gab es Explosionen.", FRI, "In der Nacht", "TIME", "2025-04-03TNI", None, "2025-04-03", "2025-04-04"),
    ("In der Nacht zum Sonntag soll die Feuerpause beginnen.", FRI, "In der Nacht zum Sonntag", "TIME", "2025-04-05TNI", None, "2025-04-05", "2025-04-06"),
    ("Am späten Donnerstagabend sammelten sich Tausende. Nach Mitternacht räumte die Polizei.", FRI, "Nach Mitternacht", "TIME", "2025-04-04T00:00", "AFTER", "2025-04-04", "2025-04-04"),
    ("Nach Mitternacht räumte die Polizei den Platz.", D("2025-04-05"), "Nach Mitternacht", "TIME", "2025-04-05T00:00", "AFTER", "2025-04-05", "2025-04-05"),
    ("Die Sitzung beginnt um 14 Uhr.", FRI, "um 14 Uhr", "TIME", "2025-04-04T14:00", None, "2025-04-04", "2025-04-04"),
    ("Am 2. April um 14.30 Uhr Ortszeit begann die Sitzung.", FRI, "um 14.30 Uhr Ortszeit", "TIME", "2025-04-02T14:30", None, "2025-04-02", "2025-04-02"),
    ("Gegen 9 Uhr fielen die ersten Schüsse.", FRI, "Gegen 9 Uhr", "TIME", "2025-04-04T09:00", "APPROX", "2025-04-04", "2025-04-04"),
    # durations
    ("Das folgte auf einen zweitägigen Gipfel.", FRI, "zweitägigen", "DURATION", "P2D", None, "2025-04-03", "2025-04-04"),
    ("Der Gipfel soll am 10. Mai beginnen. Die dreitägige Konferenz wird teuer.", FRI, "dreitägige", "DURATION", "P3D", None, "2025-05-10", "2025-05-12"),
    ("Nach einem zweiwöchigen Aufenthalt reiste er ab.", FRI, "zweiwöchigen", "DURATION", "P2W", None, "2025-03-22", "2025-04-04"),
    ("Nach einem mehrtägigen Besuch reiste er ab.", FRI, "mehrtägigen", "DURATION", "PXD", None, None, None),
    ("Die Waffenruhe soll am Sonntag beginnen. Sie ist auf eine Dauer von 42 Tagen angelegt.", FRI, "42 Tagen", "DURATION", "P42D", None, "2025-04-06", "2025-05-17"),
    ("Seit drei Jahren herrscht Krieg.", FRI, "Seit drei Jahren", "DURATION", "P3Y", None, "2022-04-04", "2025-04-04"),
    ("Was ich in den letzten zwei Tagen hörte, war gut.", FRI, "in den letzten zwei Tagen", "DURATION", "P2D", None, "2025-04-03", "2025-04-04"),
    ("Sie stiegen in den vergangenen drei Wochen.", FRI, "in den vergangenen drei Wochen", "DURATION", "P3W", None, "2025-03-15", "2025-04-04"),
    ("Sie steigen in den kommenden zwei Monaten.", FRI, "in den kommenden zwei Monaten", "DURATION", "P2M", None, "2025-04-04", "2025-06-03"),
    ("Die Verhandlungen dauerten zwei Wochen.", FRI, "zwei Wochen", "DURATION", "P2W", None, None, None),
    ("Er saß fünf Jahre in Haft.", FRI, "fünf Jahre", "DURATION", "P5Y", None, None, None),
    ("Im Laufe der Jahre wuchs das Bündnis.", FRI, "Im Laufe der Jahre", "DURATION", "PXY", None, None, None),
    ("Seit Jahren streiten die Parteien.", FRI, "Seit Jahren", "DURATION", "PXY", None, None, None),
    # sets and references
    ("Der Bericht erscheint jährlich.", FRI, "jährlich", "SET", "P1Y", None, None, None),
    ("Der Bericht erscheint monatlich.", FRI, "monatlich", "SET", "P1M", None, None, None),
    ("Der Zug fährt täglich.", FRI, "täglich", "SET", "P1D", None, None, None),
    ("Der Rat tagt jeden Montag.", FRI, "jeden Montag", "SET", "XXXX-WXX-1", None, None, None),
    ("Derzeit wird verhandelt.", FRI, "Derzeit", "DATE", "PRESENT_REF", None, "2025-04-04", "2025-04-04"),
    ("Das soll auch in Zukunft so bleiben.", FRI, "in Zukunft", "DATE", "FUTURE_REF", None, "2025-04-04", None),
    # without a publication date
    ("Am 2. Februar 2024 wurde gewählt. Gestern kam das Ergebnis.", None, "Gestern", "DATE", "2024-02-01", None, "2024-02-01", "2024-02-01"),
    ("Das Treffen am 15. März wird vorbereitet.", None, "am 15. März", "DATE", "XXXX-03-15", None, None, None),
    ("Gestern kam das Ergebnis.", None, "Gestern", "DATE", "XXXX-XX-XX", None, None, None),
    ("Im Jahr 2022 kam das Ergebnis.", None, "Im Jahr 2022", "DATE", "2022", None, "2022-01-01", "2022-12-31"),
]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


@pytest.mark.parametrize(("sentence", "published", "span", "kind", "value", "mod", "start", "end"), CASES)
def test_expression(sentence, published, span, kind, value, mod, start, end):
    """The expression is found with exactly this span, type, value, mod and interval."""
    offset = sentence.index(span)
    found = {(t.start, t.end): t for t in find_times(sentence, published)}
    assert (offset, offset + len(span)) in found, [t.text for t in found.values()]
    record = found[(offset, offset + len(span))]
    assert sentence[record.start : record.end] == record.text == span
    assert (record.type, record.value, record.mod) == (kind, value, mod)
    interval = record.interval
    assert (_iso(interval.start) if interval else None, _iso(interval.end) if interval else None) == (start, end)


@pytest.mark.parametrize(
    "sentence",
    [
        "2025 Menschen flohen aus der Stadt.",
        "Die Zustimmung sank auf 20 Prozent.",
        "Rufen Sie an: Tel. 030 1234567.",
        "Er zahlte 2025 Euro für das Ticket.",
        "Die Version 4.4 ist erschienen.",
        "Das Jahr war für die Partei schwer.",
        "Mai Thi Nguyen sprach mit der Presse.",
        "Die Minister stimmten mit der Mehrheit.",
        "Die Zahl stieg auf 2025.",
    ],
)
def test_no_time(sentence):
    """Counts, money, percentages, phone numbers and names are not time expressions."""
    assert find_times(sentence, FRI) == []


def test_output_sorted_and_disjoint():
    """Results come sorted by start and never overlap."""
    text = "Am 3. März 2025 um 9 Uhr begann der zweitägige Gipfel, der seit Jahren geplant war. Gestern endete er."
    times = find_times(text, FRI)
    assert [t.text for t in times] == ["Am 3. März 2025", "um 9 Uhr", "zweitägige", "seit Jahren", "Gestern"]
    assert all(a.end <= b.start for a, b in zip(times, times[1:]))


def test_clock_inherits_date_of_sentence():
    """A clock time takes the day named earlier in its sentence."""
    times = find_times("Am 3. März 2025 um 9 Uhr begann der Gipfel.", FRI)
    assert times[1].value == "2025-03-03T09:00"


@pytest.mark.parametrize("text", ["1" * 100_000, "Ende " * 20_000, "in den " * 20_000, "Jahr " * 20_000, "1. " * 30_000])
def test_pathological_input_is_fast(text):
    """Long repetitive inputs are processed in well under a second."""
    began = time.perf_counter()
    find_times(text, FRI)
    assert time.perf_counter() - began < 1.0
