"""Property tests (Hypothesis) over ``Extractor.extract``: any string gives a valid result or a LagebildError."""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lagebild
from lagebild.records import ACTOR_KINDS, EVENT_STATUSES, MONEY_QUALIFIERS, SCHEMA, TIME_MODS, TIME_TYPES

#: PLOVER 2021 event types plus lagebild's STATEMENT.
EVENT_TYPES = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN "
    "PROTEST SANCTION MOBILIZE COERCE ASSAULT STATEMENT".split()
)

#: ``LAGEBILD_PROPERTY_EXAMPLES=5000 pytest tests/test_properties.py`` for a longer hunt.
EXAMPLES = int(os.environ.get("LAGEBILD_PROPERTY_EXAMPLES", "200"))

SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)

# --------------------------------------------------------------------------- schema check


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _is_iso_date(value: Any) -> bool:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    dt.date.fromisoformat(value)
    return True


def _check_keys(record: dict[str, Any], keys: set[str], where: str) -> None:
    assert isinstance(record, dict), f"{where}: not an object"
    assert set(record) == keys, f"{where}: keys {sorted(record)} != {sorted(keys)}"


def _check_span(record: dict[str, Any], text: str, where: str, extra: set[str] = frozenset()) -> None:
    assert isinstance(record["text"], str), where
    assert _is_int(record["start"]) and _is_int(record["end"]), where
    assert 0 <= record["start"] <= record["end"] <= len(text), f"{where}: {record['start']}..{record['end']} outside text"
    assert text[record["start"] : record["end"]] == record["text"], f"{where}: text[start:end] != text"


def _check_interval(value: Any, where: str) -> None:
    _check_keys(value, {"start", "end"}, where)
    for key in ("start", "end"):
        assert value[key] is None or _is_iso_date(value[key]), f"{where}.{key}: {value[key]!r}"
    if value["start"] and value["end"]:
        assert value["start"] <= value["end"], f"{where}: start after end"


def check_schema(record: dict[str, Any], text: str) -> None:
    """Validate one ``Extraction.to_dict()`` against ``docs/schema.md`` (types, enums, spans)."""
    root = {"schema", "backbone", "published", "body_end", "language", "html", "actors", "places", "money", "times", "events"}
    _check_keys(record, root | ({"text"} if record.get("html") else set()), "root")
    assert record["language"] in ("de", "en", "unknown") and isinstance(record["html"], bool)
    if record["html"]:
        text = record["text"]  # offsets of an HTML input point into its text
    assert record["schema"] == SCHEMA
    assert isinstance(record["backbone"], str) and record["backbone"]
    assert record["published"] is None or _is_iso_date(record["published"])
    assert record["body_end"] is None or (_is_int(record["body_end"]) and 0 <= record["body_end"] <= len(text))
    actor_keys = set()
    for i, actor in enumerate(record["actors"]):
        where = f"actors[{i}]"
        _check_keys(actor, {"id", "name", "kind", "role", "affiliation", "mentions"}, where)
        assert actor["id"] is None or (isinstance(actor["id"], str) and actor["id"]), where
        assert isinstance(actor["name"], str) and actor["name"], where
        assert actor["kind"] in ACTOR_KINDS, where
        assert actor["role"] is None or isinstance(actor["role"], str), where
        assert actor["affiliation"] is None or isinstance(actor["affiliation"], str), where
        for j, mention in enumerate(actor["mentions"]):
            _check_keys(mention, {"text", "start", "end"}, f"{where}.mentions[{j}]")
            _check_span(mention, text, f"{where}.mentions[{j}]")
        actor_keys.add(actor["id"] or actor["name"])
        if actor["affiliation"]:
            actor_keys.add(actor["affiliation"])  # "a person acting is followed by the actor they act for"
    place_names = set()
    for i, place in enumerate(record["places"]):
        where = f"places[{i}]"
        _check_keys(place, {"name", "canonical", "country", "lat", "lon", "mentions"}, where)
        assert isinstance(place["name"], str) and isinstance(place["canonical"], str) and place["canonical"], where
        assert place["country"] is None or re.fullmatch(r"[A-Z]{2}", place["country"]), where
        assert place["lat"] is None or (_is_number(place["lat"]) and -90 <= place["lat"] <= 90), where
        assert place["lon"] is None or (_is_number(place["lon"]) and -180 <= place["lon"] <= 180), where
        for j, mention in enumerate(place["mentions"]):
            _check_keys(mention, {"text", "start", "end"}, f"{where}.mentions[{j}]")
            _check_span(mention, text, f"{where}.mentions[{j}]")
        place_names.add(place["canonical"])
    for i, money in enumerate(record["money"]):
        where = f"money[{i}]"
        _check_keys(money, {"text", "start", "end", "value", "currency", "qualifier", "value_max"}, where)
        _check_span(money, text, where)
        assert isinstance(money["value"], float) and math.isfinite(money["value"]) and money["value"] >= 0, where
        assert re.fullmatch(r"[A-Z]{3}", money["currency"]), where
        assert money["qualifier"] in MONEY_QUALIFIERS, where
        if money["qualifier"] == "range":
            assert isinstance(money["value_max"], float) and math.isfinite(money["value_max"]), where
        else:
            assert money["value_max"] is None, where
    for i, time in enumerate(record["times"]):
        where = f"times[{i}]"
        _check_keys(time, {"text", "start", "end", "type", "value", "mod", "interval"}, where)
        _check_span(time, text, where)
        assert time["type"] in TIME_TYPES, where
        assert isinstance(time["value"], str) and time["value"], where
        assert time["mod"] is None or time["mod"] in TIME_MODS, where
        _check_interval(time["interval"], f"{where}.interval")
    for i, event in enumerate(record["events"]):
        where = f"events[{i}]"
        _check_keys(
            event,
            {"type", "cameo", "mode", "status", "trigger", "sentence", "source", "target", "place", "time",
             "duration", "amount", "evidence"},
            where,
        )
        assert event["type"] in EVENT_TYPES, where
        assert event["cameo"] is None or re.fullmatch(r"\d{2,4}", event["cameo"]), where
        assert event["mode"] is None or isinstance(event["mode"], str), where
        assert event["status"] in EVENT_STATUSES, where
        _check_keys(event["trigger"], {"text", "start", "end"}, f"{where}.trigger")
        _check_span(event["trigger"], text, f"{where}.trigger")
        sentence = event["sentence"]
        _check_keys(sentence, {"start", "end"}, f"{where}.sentence")
        assert _is_int(sentence["start"]) and _is_int(sentence["end"]), where
        assert 0 <= sentence["start"] <= sentence["end"] <= len(text), f"{where}.sentence out of bounds"
        for role in ("source", "target"):
            assert isinstance(event[role], list), where
            for key in event[role]:
                assert key in actor_keys, f"{where}.{role}: {key!r} is no actor key or affiliation"
        assert event["place"] is None or isinstance(event["place"], str), where
        if event["time"] is not None:
            _check_interval(event["time"], f"{where}.time")
        assert event["duration"] is None or isinstance(event["duration"], str), where
        if event["amount"] is not None:
            _check_keys(event["amount"], {"value", "currency"}, f"{where}.amount")
            assert _is_number(event["amount"]["value"]) and re.fullmatch(r"[A-Z]{3}", event["amount"]["currency"]), where
        for j, mention in enumerate(event["evidence"]):
            _check_keys(mention, {"text", "start", "end"}, f"{where}.evidence[{j}]")
            _check_span(mention, text, f"{where}.evidence[{j}]")


def check_result(text: str, result: lagebild.Extraction) -> dict[str, Any]:
    """Assert every invariant of one result; return its dict."""
    for kind, span_text, start, end in result.spans():
        assert 0 <= start <= end <= len(text), (kind, start, end, len(text))
        assert text[start:end] == span_text, (kind, span_text, text[start:end])
    for event in result.events:
        assert 0 <= event.sentence[0] <= event.sentence[1] <= len(text), ("sentence", event.sentence)
    record = result.to_dict()
    check_schema(record, text)
    assert json.loads(result.to_json()) == record
    assert json.loads(result.to_json(ensure_ascii=True)) == record
    return record


def extract_or_error(extractor: lagebild.Extractor, text: str, published: Any = "2025-04-04") -> lagebild.Extraction | None:
    """Run ``extract``; a LagebildError is an allowed outcome, any other exception fails."""
    try:
        return extractor.extract(text, published=published)
    except lagebild.LagebildError:
        return None


# --------------------------------------------------------------------------- strategies

#: Characters that have broken text processors before.
TRICKY = [
    "\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u00a0", "\u00ad", "\u0301", "\u0308", "\u034f",
    "\u061c", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2028", "\u2029", "\u202a", "\u202e",
    "\u2066", "\u2069", "\u2060", "\ufeff", "\ufffd", "\r\n", "\r", "\n", "\t", "İ", "ß", "ẞ", "ﬁ", "ǅ",
    "👍🏽", "🇺🇦", "👨‍👩‍👧", "𝔑𝔄𝔗𝔒", "١٢٣", "۴", "߀", "Ⅻ", "½", "²", "١٫٥",
]

#: German news fragments the rules react to.
FRAGMENTS = [
    "Die NATO", "sagte", "der Ukraine", "am 4. April 2025", "in Kiew", "20 Milliarden Euro", "zu.",
    "Selenskyj", "traf", "Macron", "Russland griff", "Charkiw an.", "bis zu 5 Mio. €", "gestern Abend",
    "um 14.30 Uhr", "„Wir helfen“, sagte Scholz.", "Kiews", "NATO-Gipfel", "EU-Außenbeauftragte",
    "Mitte 2024", "seit drei Jahren", "1.1.1.1", "US$ 3", "3-4 Mrd. Dollar", "zwischen 2 und 3 Milliarden Euro",
    "KIEW (dpa) –", "BRÜSSEL / MÜNCHEN (AFP) -", "Lesen Sie auch", "\n© dpa", "Kommentare",
    "in der Nacht zum Sonntag", "Anfang des Jahres", "im ersten Quartal", "14. Kalenderwoche", "jährlich",
    "vor zwei Tagen", "zweitägigen", "Mitternacht", "Donnerstagabend", "1990er Jahre", "Jahresende 2025",
    "Putin", "Kreml", "Washington", "Hamas", "verurteilte", "kündigte an", "nicht", "dementierte",
]

EXOTIC_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=200)
RTL_TEXT = st.text(alphabet=st.characters(min_codepoint=0x0590, max_codepoint=0x06FF), max_size=50)
LONG_TOKEN = st.builds(lambda ch, n: ch * n, st.sampled_from(["a", "1", ".", "-", "ä", "\u200b", "€", "Ab1."]),
                       st.integers(200, 5000))

PIECE = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.sampled_from(TRICKY),
    EXOTIC_TEXT,
    RTL_TEXT,
    st.sampled_from([" ", "  ", ". ", ", ", "\n\n", "\r\n"]),
)

TEXTS = st.one_of(
    st.text(),
    EXOTIC_TEXT,
    st.lists(PIECE, max_size=30).map(" ".join),
    st.lists(PIECE, max_size=30).map("".join),
    st.tuples(st.lists(PIECE, max_size=10).map(" ".join), LONG_TOKEN, st.lists(PIECE, max_size=10).map(" ".join)).map(
        " ".join
    ),
)

PUBLISHED = st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)))


# --------------------------------------------------------------------------- arbitrary input


@SETTINGS
@given(text=TEXTS, published=PUBLISHED)
def test_any_text_gives_valid_result_or_lagebild_error(extractor, text, published):
    """Any string returns a schema-valid result whose spans match the text, or raises LagebildError."""
    result = extract_or_error(extractor, text, published)
    if result is None:
        assert not text.strip(), "only empty texts may be rejected"
        return
    check_result(text, result)


@SETTINGS
@given(text=st.lists(st.sampled_from(TRICKY + [" ", "a", "4", ".", "NATO", "Kiew"]), min_size=1, max_size=150).map("".join))
def test_control_and_format_characters(extractor, text):
    """Texts made only of control, format, combining and RTL-mark characters never crash."""
    result = extract_or_error(extractor, text)
    if result is not None:
        check_result(text, result)


@pytest.mark.parametrize(
    "text",
    [
        " ", "\n\r\n\t", "\u200b\u200b", "\ufeff", "\x00", "\u2028\u2029", "\u00a0\u3000",
    ],
)
def test_blank_text_is_input_error(extractor, text):
    """Texts without visible characters raise InputError (``str.strip`` blanks) or give an empty result."""
    result = extract_or_error(extractor, text)
    if not text.strip():
        assert result is None
    else:
        check_result(text, result)


@pytest.mark.parametrize("value", [None, 42, b"Die NATO", ["Die NATO"], 3.5])
def test_non_string_is_input_error(extractor, value):
    """A non-string text raises InputError, a LagebildError and a ValueError."""
    with pytest.raises(lagebild.InputError):
        extractor.extract(value)


@pytest.mark.parametrize("published", ["2025-02-30", "gestern", "04.04.2025", 20250404, [2025]])
def test_bad_published_is_input_error(extractor, published):
    """An impossible or non-ISO publication date raises InputError."""
    with pytest.raises(lagebild.InputError):
        extractor.extract("Die NATO sagte der Ukraine Hilfe zu.", published=published)


# --------------------------------------------------------------------------- German templates

#: (written form, actor id) of actors the lexicons must know.
ACTORS = [
    ("Frankreich", "FRA"), ("Deutschland", "DEU"), ("Polen", "POL"), ("Russland", "RUS"), ("Ukraine", "UKR"),
    ("China", "CHN"), ("Japan", "JPN"), ("Israel", "ISR"), ("Iran", "IRN"), ("Türkei", "TUR"),
    ("Italien", "ITA"), ("Spanien", "ESP"), ("Ungarn", "HUN"), ("Schweden", "SWE"), ("Kanada", "CAN"),
    ("NATO", "NATO"), ("EU", "EU"),
]
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
          "Dezember"]
SCALES = [("Millionen", 1e6), ("Mio.", 1e6), ("Milliarden", 1e9), ("Mrd.", 1e9), ("", 1.0)]
CURRENCIES = [("Euro", "EUR"), ("€", "EUR"), ("Dollar", "USD"), ("Franken", "CHF"), ("Pfund", "GBP"), ("Yen", "JPY")]
TEMPLATES = [
    "{a} sagte {b} am {date} {amount} zu.",
    "Am {date} kündigte {a} an, {b} {amount} zu überweisen.",
    "{a} und {b} vereinbarten am {date} Hilfen in Höhe von {amount}.",
    "BERLIN (dpa) – {a} hat {b} am {date} {amount} versprochen. Lesen Sie auch: Weitere Nachrichten",
    "Nach Angaben vom {date} will {a} {b} mit {amount} unterstützen.\r\nDas teilte die Regierung mit.",
]


@st.composite
def german_article(draw) -> tuple[str, dict[str, Any]]:
    """A German template filled with random actors, an amount and a date; returns (text, truth)."""
    (a, a_id), (b, b_id) = draw(st.lists(st.sampled_from(ACTORS), min_size=2, max_size=2, unique_by=lambda x: x[1]))
    day = draw(st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31)))
    date = f"{day.day}. {MONTHS[day.month - 1]} {day.year}"
    number = draw(st.integers(1, 999))
    decimals = draw(st.sampled_from(["", ",5", ",25"]))
    scale, factor = draw(st.sampled_from(SCALES))
    currency, code = draw(st.sampled_from(CURRENCIES))
    amount = " ".join(part for part in (f"{number}{decimals}", scale, currency) if part)
    value = (number + (float("0." + decimals[1:]) if decimals else 0.0)) * factor
    template = draw(st.sampled_from(TEMPLATES))
    text = template.format(a=a, b=b, date=date, amount=amount)
    return text, {"ids": {a_id, b_id}, "day": day, "amount": amount, "value": value, "currency": code}


@SETTINGS
@given(article=german_article(), published=st.dates(dt.date(2000, 1, 1), dt.date(2035, 12, 31)))
def test_templates_with_random_actors_amounts_dates(extractor, article, published):
    """Filled German templates give the written actors, the exact amount and the exact date."""
    text, truth = article
    result = extractor.extract(text, published=published)
    check_result(text, result)
    assert truth["ids"] <= {actor.id for actor in result.actors}
    amounts = [(m.text, m.currency) for m in result.money]
    assert (truth["amount"], truth["currency"]) in amounts, amounts
    (money,) = [m for m in result.money if m.text == truth["amount"]]
    assert money.value == pytest.approx(truth["value"], rel=1e-9)
    days = [t.interval.start for t in result.times if t.interval and t.interval.start == t.interval.end]
    assert truth["day"] in days, [t.to_dict() for t in result.times]


@SETTINGS
@given(article=german_article(), noise=st.lists(st.sampled_from(TRICKY), min_size=1, max_size=5), data=st.data())
def test_templates_with_injected_noise_keep_offsets(extractor, article, noise, data):
    """Inserting odd characters anywhere in a German text keeps every span exact."""
    text, _ = article
    for char in noise:
        position = data.draw(st.integers(0, len(text)))
        text = text[:position] + char + text[position:]
    result = extract_or_error(extractor, text)
    assert result is not None
    check_result(text, result)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(article=german_article())
def test_extract_many_equals_extract(extractor, article):
    """Batch extraction gives the same records as one-by-one extraction."""
    text, _ = article
    (batched,) = list(extractor.extract_many([(text, "2025-04-04")]))
    assert batched.to_dict() == extractor.extract(text, published="2025-04-04").to_dict()


def test_schema_check_rejects_broken_records(extractor):
    """The schema check itself fails on a wrong span, enum or type (so the properties can fail)."""
    text = "Die NATO sagte der Ukraine am 4. April 2025 in Kiew 20 Milliarden Euro zu."
    good = extractor.extract(text, published="2025-04-05").to_dict()
    check_schema(good, text)
    broken = [
        lambda r: r["money"][0].update(start=r["money"][0]["start"] + 1),
        lambda r: r["times"][0].update(type="MONTH"),
        lambda r: r["actors"][0].update(kind="LOC"),
        lambda r: r["money"][0].update(currency="euro"),
        lambda r: r["events"][0].update(status="rumoured"),
        lambda r: r["events"][0]["sentence"].update(end=len(text) + 1),
        lambda r: r["times"][0]["interval"].update(start="2025-13-01"),
        lambda r: r.update(body_end="12"),
    ]
    for breaker in broken:
        record = json.loads(json.dumps(good))
        breaker(record)
        with pytest.raises((AssertionError, ValueError)):
            check_schema(record, text)
