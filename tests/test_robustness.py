"""Robustness: linear running time on adversarial input, input hygiene (HTML, language), the fuzz harness."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import spacy

import lagebild
from lagebild.body import dateline_span, find_body_end
from lagebild.hygiene import guess_language, html_to_text, language_scores, looks_like_html
from lagebild.lexicons import read_data_json
from lagebild.matching import NameIndex
from lagebild.money import find_money
from lagebild.times import find_times

ROOT = Path(__file__).resolve().parents[1]

#: Time(4n) / time(n) must stay below this: linear code gives ~4, quadratic ~16.
MAX_GROWTH = 12.0

#: German news sentences written for these tests; repeated, they make a large real-ish article.
SENTENCES = [
    "KIEW (dpa) – Russland hat die Ukraine in der Nacht zum Sonntag erneut mit Drohnen angegriffen.",
    "Nach Angaben der Behörden in Charkiw wurden mindestens drei Menschen verletzt.",
    "Die NATO sagte der Ukraine am 4. April 2025 in Brüssel weitere 20 Milliarden Euro zu.",
    "Bundeskanzler Olaf Scholz traf gestern Abend um 18.30 Uhr den französischen Präsidenten Emmanuel Macron.",
    "„Wir stehen fest an der Seite der Ukraine“, sagte Scholz nach dem Treffen.",
    "Der Kreml wies die Vorwürfe zurück und drohte mit Gegenmaßnahmen.",
    "Die EU-Außenminister wollen Mitte Mai über neue Sanktionen gegen Moskau beraten.",
    "Seit drei Jahren fordert Polen mehr Geld für den Schutz der Ostgrenze, zuletzt bis zu 2,5 Mrd. €.",
]
ARTICLE = " ".join(SENTENCES) + "\n\n"


def repeat(unit: str, size: int) -> str:
    """``unit`` repeated to exactly ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def _seconds(fn: Callable[[str], object], text: str, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - start)
    return best


def growth(fn: Callable[[str], object], make: Callable[[int], str], n: int, factor: int = 4) -> float:
    """time(make(factor*n)) / time(make(n)), best of a few runs after a warm-up (a ratio, not a clock)."""
    small, large = make(n), make(factor * n)
    fn(small)  # warm-up both: lazy regex compilation, spaCy's tokenizer cache (a cached
    fn(large)  # huge token makes the small run look fast and the ratio look quadratic)
    t_small = _seconds(fn, small, 2)
    t_large = _seconds(fn, large, 1 if factor * len(small) > 100_000 else 2)
    # Below ~2 ms timings are noise (GC, scheduling): a large run under 24 ms always passes.
    return t_large / max(t_small, 2e-3)


#: Inputs known to make naive regexes backtrack: name -> unit repeated to the wanted size.
ADVERSARIAL = {
    "digits": "1",
    "milliarden": "Milliarden ",
    "dotted_digits": "1.",
    "thousands": "1.000",
    "decimal_commas": "1,",
    "no_spaces": "a",
    "am_4_april": "am 4. April ",
    "zwischen": "zwischen ",
    "bis_ranges": "5 bis ",
    "dashes": "-",
    "hyphen_compounds": "NATO-",
    "spaces": " ",
    "newlines": "\n",
    "tabs": "\t",
    "dateline_words": "Kiew ",
    "dateline_slashes": "Kiew / ",
    "open_parenthesis": "Kiew (",
    "ordinals": "4. ",
    "clock_times": "14.30 ",
    "prepositions": "vor ",
    "in_den": "in den ",
    "amounts": "1 Euro ",
    "qualifiers": "rund über bis zu ",
    "anfang_des": "Anfang des ",
    "weekday_commas": "Montag, ",
    "quarters": "im ersten ",
    "zero_width": "\u200b",
    "combining": "a\u0301",
    "html_tags": "<a ",
    "entities": "&amp",
}


# --------------------------------------------------------------------------- linear time: stages


@pytest.mark.parametrize("unit", list(ADVERSARIAL.values()), ids=list(ADVERSARIAL))
def test_find_money_is_linear(unit):
    """find_money grows linearly on adversarial input (2·10^4 vs 8·10^4 characters)."""
    assert growth(find_money, lambda n: repeat(unit, n), 20_000) < MAX_GROWTH


@pytest.mark.parametrize("unit", list(ADVERSARIAL.values()), ids=list(ADVERSARIAL))
def test_find_times_is_linear(unit):
    """find_times grows linearly on adversarial input (10^4 vs 4·10^4 characters)."""
    assert growth(lambda t: find_times(t, None), lambda n: repeat(unit, n), 10_000) < MAX_GROWTH


@pytest.mark.parametrize("unit", list(ADVERSARIAL.values()), ids=list(ADVERSARIAL))
def test_body_and_dateline_are_linear(unit):
    """find_body_end and dateline_span grow linearly on adversarial input."""
    assert growth(lambda t: (find_body_end(t), dateline_span(t)), lambda n: repeat(unit, n), 100_000) < MAX_GROWTH


@pytest.mark.parametrize("unit", ["Kiew / ", "Kiew ", "Frankfurt am Main / ", "A. "])
def test_dateline_regex_no_exponential_backtracking(unit):
    """The dateline regex fails fast on name-and-slash runs (it used to take exponential time)."""
    start = time.perf_counter()
    assert dateline_span(unit * 40) == (0, 0)
    assert time.perf_counter() - start < 0.5


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("BRÜSSEL / MÜNCHEN (IT BOLTWISE) – x", "BRÜSSEL / MÜNCHEN"),
        ("Kiew (dpa) - Die", "Kiew"),
        ("  Frankfurt am Main (AFP): x", "Frankfurt am Main"),
        ("St. Petersburg  (dpa) — y", "St. Petersburg"),
        ("Ost-Jerusalem/Gaza (Reuters) – z", "Ost-Jerusalem/Gaza"),
        ("Washington/Kiew/Moskau (AP) - x", "Washington/Kiew/Moskau"),
        ("Berlin\n(dpa) - x", "Berlin"),
        ("Kiew (dpa)", None),
        ("1 Kiew (dpa) - x", None),
        ("X" * 45 + " (dpa) - x", None),
        ("A (dpa) - x", None),
    ],
)
def test_dateline_span_exact(text, span):
    """The rewritten dateline regex finds exactly these place-name spans (and none for non-datelines)."""
    start, end = dateline_span(text)
    assert (text[start:end] or None) == span


def test_name_index_is_linear():
    """NameIndex.find (longest match, genitives, compounds) grows linearly over a large doc."""
    nlp = spacy.blank("de")
    nlp.max_length = 10_000_000
    index: NameIndex[str] = NameIndex()
    for name in ("Ukraine", "NATO", "Olaf Scholz", "Emmanuel Macron", "Vereinte Nationen", "Brüssel"):
        index.add(name, name, upper=True)
    unit = "Olaf Olaf Scholz NATO-NATO-Gipfel Ukraines Vereinte Vereinte Nationen "
    docs = {n: nlp.make_doc(repeat(unit, n)) for n in (100_000, 400_000)}
    assert growth(lambda key: list(index.find(docs[int(key)])), str, 100_000) < MAX_GROWTH


@pytest.mark.parametrize("size", [2_000_000])
def test_stages_linear_on_large_german_text(size):
    """Times, money, body and hygiene grow linearly from 0.5 MB to 2 MB of repeated German news."""
    for fn in (lambda t: find_times(t, None), find_money, find_body_end, looks_like_html, guess_language, html_to_text):
        assert growth(fn, lambda n: repeat(ARTICLE, n), size // 4) < MAX_GROWTH


# --------------------------------------------------------------------------- linear time: whole pipeline


#: Whole-pipeline adversarial inputs; the ones from "milliarden" on used to make events.py
#: quadratic (one long sentence without clause breaks: ``_clause_end`` ran for every token).
PIPELINE_LINEAR = {
    "digits": "1", "dotted": "1.", "no_spaces": "a", "dashes": "-", "compounds": "NATO-", "spaces": " ",
    "newlines": "\n", "zero_width": "\u200b", "combining": "a\u0301", "german_article": ARTICLE,
    "milliarden": "Milliarden ", "am_4_april": "am 4. April ", "ordinals": "4. ", "clock": "14.30 ",
    "amounts": "1 Euro ", "dateline": "Kiew / ",
}


@pytest.mark.parametrize("unit", list(PIPELINE_LINEAR.values()), ids=list(PIPELINE_LINEAR))
def test_extract_is_linear_on_adversarial_input(extractor, unit):
    """The whole pipeline grows linearly on adversarial input (10^4 vs 4·10^4 characters)."""
    make = lambda n: repeat(unit, n) + " x."  # noqa: E731 - never blank, so never an InputError
    assert growth(lambda t: extractor.extract(t, published="2025-04-04"), make, 10_000) < MAX_GROWTH


def test_extract_digits_and_no_space_megabyte(extractor):
    """10^5 digits and 1 MB without spaces (spaCy's default max_length) are extracted, linearly."""
    assert extractor.extract("1" * 100_000).money == ()
    assert growth(lambda t: extractor.extract(t), lambda n: "x" * n, 125_000) < MAX_GROWTH
    assert extractor.extract("x" * 1_000_000).actors == ()


# --------------------------------------------------------------------------- hygiene: HTML


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<p>Die NATO tagte.</p>", True),
        ("Die NATO<br/>tagte.", True),
        ('<div class="teaser">Kiew</div>', True),
        ("<!DOCTYPE html><html></html>", True),
        ("Text <!-- Kommentar --> Text", True),
        ("Forschung &amp; Entwicklung", True),
        ("&#8222;Wir helfen&#8220;", True),
        ("&#x201E;Wir helfen&#x201C;", True),
        ("Preis &euro; 5", True),
        ("Forschung & Entwicklung", False),
        ("Wenn a < b und b > c gilt", False),
        ('"Wir erhalten 5 Mio. €", sagte <Selenskyj>.', False),
        ("Tom &amp Jerry", False),
        ("&foo; ist kein Entity", False),
        ("Die NATO sagte der Ukraine Hilfe zu.", False),
        ("", False),
    ],
)
def test_looks_like_html(text, expected):
    """HTML is recognised by known tags, comments, doctype and character references, nothing else."""
    assert looks_like_html(text) is expected


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>Die NATO &amp; die EU</p><p>tagten.</p>", "Die NATO & die EU\n\ntagten."),
        ("<p>Erste Zeile<br>zweite Zeile</p>", "Erste Zeile\nzweite Zeile"),
        ("<ul><li>eins</li><li>zwei</li></ul>", "eins\nzwei"),
        ("<h1>Kiew</h1><p>Text</p>", "Kiew\n\nText"),
        ("<p>&#8222;Wir helfen&#8220;, sagte er.</p>", "„Wir helfen“, sagte er."),
        ("<p>Die   NATO\n   tagte</p>", "Die NATO tagte"),
        ("<script>var x = '<p>nein</p>';</script><p>ja</p>", "ja"),
        ("<style>p { color: red }</style>Text", "Text"),
        ("<html><head><title>Titel</title></head><body><p>Körper</p></body></html>", "Körper"),
        ("Die <b>NATO</b> und <a href='/eu'>die EU</a>", "Die NATO und die EU"),
        ("kein HTML", "kein HTML"),
        ("<p>offen", "offen"),
        ("<!-- weg --><p>da</p>", "da"),
        ("a&nbsp;b", "a\u00a0b"),
    ],
)
def test_html_to_text(html, text):
    """html_to_text drops tags, script and style, unescapes entities and keeps paragraph breaks."""
    assert html_to_text(html) == text


def test_html_input_extracts_like_plain_text(extractor):
    """An HTML article, converted, gives the same records as the same article written as plain text."""
    html = "<article><h1>Hilfe</h1><p>Die NATO sagte der Ukraine am 4. April 2025 20 Milliarden &euro; zu.</p></article>"
    plain = "Hilfe\n\nDie NATO sagte der Ukraine am 4. April 2025 20 Milliarden € zu."
    assert html_to_text(html) == plain
    converted = extractor.extract(html_to_text(html), published="2025-04-05").to_dict()
    assert converted == extractor.extract(plain, published="2025-04-05").to_dict()
    assert converted["money"][0]["text"] == "20 Milliarden €"


# --------------------------------------------------------------------------- hygiene: language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Die NATO sagte der Ukraine weitere Hilfe zu.", "de"),
        ("Russland hat die Ukraine in der Nacht zum Sonntag erneut mit Drohnen angegriffen.", "de"),
        (ARTICLE, "de"),
        ("DIE NATO SAGTE DER UKRAINE HILFE ZU.", "de"),
        ("NATO pledged more aid to Ukraine on Friday.", "en"),
        ("The Kremlin said that the talks with Kyiv had been cancelled.", "en"),
        ("Selenskyj Macron Scholz", "unknown"),
        ("Le président a dit que la France soutiendra l'Ukraine.", "unknown"),
        ("Die NATO said the talks are over.", "en"),
        ("Die NATO und the EU", "unknown"),
        ("", "unknown"),
        ("12345 !!! ???", "unknown"),
        ("der", "unknown"),
    ],
)
def test_guess_language(text, language):
    """guess_language tells German from English by stopword shares and says unknown otherwise."""
    assert guess_language(text) == language


def test_language_scores_are_shares():
    """language_scores gives each language's share of stopwords among the words."""
    assert language_scores("der und the Kiew") == {"de": 0.5, "en": 0.25}
    assert language_scores("") == {"de": 0.0, "en": 0.0}


def test_stopwords_data_file():
    """stopwords.json has a complete meta block and disjoint, lower-case word lists."""
    data = read_data_json("stopwords.json")
    assert {"name", "version", "source", "licence", "known_problems"} <= set(data["meta"])
    lists = {code: set(words) for code, words in data["languages"].items()}
    assert set(lists) == {"de", "en"}
    assert not lists["de"] & lists["en"]
    for words in lists.values():
        assert all(word == word.lower() and word.strip() == word for word in words)


# --------------------------------------------------------------------------- fuzz harness


@pytest.mark.skipif(importlib.util.find_spec("atheris") is None, reason="atheris is not installed")
def test_fuzz_harness_runs(tmp_path):
    """fuzz/fuzz_extract.py runs 300 libFuzzer inputs without finding a crash."""
    completed = subprocess.run(
        [sys.executable, str(ROOT / "fuzz" / "fuzz_extract.py"), "-runs=300", "-seed=1", "-max_len=2048",
         f"-artifact_prefix={tmp_path}/"],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert "Done 300 runs" in completed.stderr
    assert not list(tmp_path.glob("crash-*"))


def test_fuzz_harness_check_catches_broken_spans(monkeypatch):
    """The harness's invariant check raises on a result whose span does not match the text."""
    spec = importlib.util.spec_from_file_location("fuzz_extract_check", ROOT / "fuzz" / "fuzz_extract.py")
    if importlib.util.find_spec("atheris") is None:
        pytest.skip("atheris is not installed")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    class Fake:
        def extract(self, text, published=None):
            return lagebild.Extraction(backbone="x", money=(lagebild.Money("1 €", 1, 4, 1.0, "EUR"),))

    monkeypatch.setattr(module, "EXTRACTOR", Fake())
    with pytest.raises(AssertionError):
        module.check("1 € und mehr", None)
    result = lagebild.Extraction(backbone="x")
    assert json.loads(result.to_json())["schema"] == "lagebild/1"


@pytest.mark.skipif(not os.environ.get("LAGEBILD_SLOW"), reason="slow (about a minute): set LAGEBILD_SLOW=1")
def test_extract_linear_on_megabytes_of_german(extractor):
    """The whole pipeline grows linearly from 0.5 MB to 2 MB of repeated German news (max_length raised)."""
    old = extractor.nlp.max_length
    extractor.nlp.max_length = 10_000_000
    try:
        assert growth(lambda t: extractor.extract(t, published="2025-04-06"), lambda n: repeat(ARTICLE, n), 500_000) < MAX_GROWTH
    finally:
        extractor.nlp.max_length = old
