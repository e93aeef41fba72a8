"""Public API, backbone selection, records and the schema."""

import datetime as dt
import json

import pytest
import spacy

import lagebild
from lagebild.backbone import load_backbone

TEXT = "Die NATO hat der Ukraine am 4. April 2025 Militärhilfe über 2 Milliarden Euro zugesagt."


def test_extract_end_to_end_with_exact_values(extract):
    """One sentence gives coded actors, money, an absolute date and a pledged AID event."""
    result = extract(TEXT, published="2025-04-05")
    assert [(a.id, a.kind) for a in result.actors] == [("NATO", "ORG"), ("UKR", "GPE")]
    (money,) = result.money
    assert (money.text, money.value, money.currency, money.qualifier) == ("über 2 Milliarden Euro", 2e9, "EUR", "more_than")
    (time,) = result.times
    assert (time.text, time.value, time.interval.start) == ("am 4. April 2025", "2025-04-04", dt.date(2025, 4, 4))
    (event,) = result.events
    assert (event.type, event.cameo, event.status, event.source, event.target) == ("AID", "0332", "pledged", ("NATO",), ("UKR",))
    assert TEXT[event.trigger.start : event.trigger.end] == event.trigger.text == "Militärhilfe"


def test_to_dict_follows_schema_and_offsets_point_into_text(extract):
    """to_dict has exactly the schema keys and every span's offsets reproduce its text."""
    data = json.loads(extract(TEXT, published=dt.date(2025, 4, 5)).to_json())
    assert list(data) == ["schema", "backbone", "published", "body_end", "language", "html", "actors", "places", "money", "times", "events"]
    assert (data["schema"], data["published"], data["body_end"], data["language"], data["html"]) == (
        "lagebild/1", "2025-04-05", len(TEXT), "de", False
    )
    spans = [m for a in data["actors"] for m in a["mentions"]] + data["money"] + data["times"] + [e["trigger"] for e in data["events"]]
    assert spans and all(TEXT[s["start"] : s["end"]] == s["text"] for s in spans)


@pytest.mark.parametrize("published", ["2025-02-30", "gestern", 20250404])
def test_invalid_published_is_a_clear_error(extract, published):
    """An impossible or malformed publication date raises InputError."""
    with pytest.raises(lagebild.InputError, match="published"):
        extract(TEXT, published=published)


@pytest.mark.parametrize("text", ["", "   \n", None])
def test_empty_or_non_text_input_is_a_clear_error(extract, text):
    """Empty text or a non-string raises InputError."""
    with pytest.raises(lagebild.InputError, match="text"):
        extract(text)


def test_extract_many_keeps_order_and_accepts_pairs_and_dicts(extractor):
    """extract_many takes texts, (text, published) pairs and dicts, and yields results in input order."""
    items = ["Die EU tagte.", ("Russland drohte.", "2025-01-02"), {"text": "Japan half.", "published": None}]
    results = list(extractor.extract_many(items, batch_size=2))
    assert [r.actors[0].id for r in results] == ["EU", "RUS", "JPN"]
    assert [r.published for r in results] == [None, dt.date(2025, 1, 2), None]


def test_backbone_is_reported_and_blank_has_sentences(extractor):
    """The blank backbone is named in every result and splits sentences."""
    assert extractor.backbone == extractor.extract("Die EU tagte.").backbone
    assert extractor.backbone.startswith("blank_de")
    assert extractor.nlp.pipe_names[0] == "sentencizer"


def test_named_model_not_installed_says_how_to_install():
    """Asking for a pipeline that is not installed raises an error naming the download command."""
    with pytest.raises(lagebild.ModelNotInstalledError, match="python -m spacy download de_core_news_xl"):
        load_backbone("de_core_news_xl")


def test_statistical_entities_feed_the_actor_stage(tmp_path):
    """A pipeline with an NER (here a tiny one built in the test) adds persons the rules cannot see."""
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PER", "pattern": [{"ORTH": "Lena"}, {"ORTH": "Sommerfeld"}]}])
    nlp.meta["name"] = "tiny_ner"
    nlp.to_disk(tmp_path / "tiny")
    ex = lagebild.Extractor(model=str(tmp_path / "tiny"))
    result = ex.extract("Lena Sommerfeld besuchte Kiew. Sommerfeld sprach mit der EU.")
    person = next(a for a in result.actors if a.kind == "PER")
    assert (person.name, [m.text for m in person.mentions]) == ("Lena Sommerfeld", ["Lena Sommerfeld", "Sommerfeld"])
    assert result.backbone.startswith("de_tiny_ner")


def test_public_api_is_exported():
    """__all__ lists the public names and each is importable from the package."""
    assert lagebild.__all__ == sorted(lagebild.__all__, key=str.lower) or lagebild.__all__ == sorted(lagebild.__all__)
    assert all(hasattr(lagebild, name) for name in lagebild.__all__)


def test_html_input_is_converted_and_offsets_point_into_its_text():
    """HTML is detected and converted; the result carries the text its offsets point into."""
    result = lagebild.Extractor(model="blank").extract("<p>Die NATO sagte der Ukraine Hilfe zu.</p><script>var x;</script>")
    data = result.to_dict()
    assert (data["html"], data["text"]) == (True, "Die NATO sagte der Ukraine Hilfe zu.")
    assert [(m["text"], m["start"]) for a in data["actors"] for m in a["mentions"]] == [("NATO", 4), ("Ukraine", 19)]


def test_html_policy_reject_and_keep():
    """html='reject' refuses HTML with InputError; html='keep' analyses the markup as text."""
    with pytest.raises(lagebild.InputError, match="HTML"):
        lagebild.Extractor(model="blank", html="reject").extract("<p>Die EU tagte.</p>")
    assert lagebild.Extractor(model="blank", html="keep").extract("<p>Die EU tagte.</p>").html is False
    with pytest.raises(lagebild.InputError, match="html must be one of"):
        lagebild.Extractor(model="blank", html="maybe")


def test_language_is_reported(extract):
    """Non-German text is reported as such rather than silently coded."""
    assert extract("Die Regierung in Berlin hat am Montag neue Hilfen für die Ukraine beschlossen.").language == "de"
    assert extract("The government said on Monday that it will send more aid to the region.").language == "en"


def test_text_longer_than_the_backbone_limit_is_an_input_error(extractor):
    """A text over spaCy's max_length raises InputError with the limit, not spaCy's ValueError."""
    with pytest.raises(lagebild.InputError, match="the limit is 1,000,000"):
        extractor.extract("a" * 1_000_001)


def test_currency_compound_is_no_actor(extract):
    """``US-Dollar`` in an amount does not make the USA an actor."""
    result = extract("Die EU gab 3,5 Mrd. US-Dollar frei.")
    assert [a.id for a in result.actors] == ["EU"]
    assert [(m.value, m.currency) for m in result.money] == [(3.5e9, "USD")]


def test_stages_added_to_a_users_own_pipeline():
    """add_to_pipeline puts the registered stages into any German pipeline; results land in doc.spans."""
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    lagebild.add_to_pipeline(nlp)
    assert nlp.pipe_names[1:] == ["lagebild_body", "lagebild_money", "lagebild_times", "lagebild_actors", "lagebild_places", "lagebild_events"]
    doc = nlp("Die NATO sagte der Ukraine am 4. April 2025 Militärhilfe zu.")
    assert [(s.text, s.label_) for s in doc.spans["lagebild_actors"]] == [("NATO", "NATO"), ("Ukraine", "UKR")]
    assert [(s.text, s.label_) for s in doc.spans["lagebild_times"]] == [("am 4. April 2025", "DATE")]
    assert [e.type for e in doc._.lagebild.events] == ["AID"]


def test_load_pipeline_reports_the_backbone_and_stages():
    """load_pipeline('blank') gives the rule backbone with every stage, in order."""
    nlp = lagebild.load_pipeline("blank")
    assert nlp.pipe_names == [
        "sentencizer", "lagebild_sentences", "lagebild_body", "lagebild_money", "lagebild_times",
        "lagebild_actors", "lagebild_places", "lagebild_events",
    ]


def test_spans_lists_every_span_with_its_kind(extract):
    """Extraction.spans() yields each mention, amount, time and trigger as (kind, text, start, end)."""
    spans = list(extract(TEXT, published="2025-04-05").spans())
    assert spans == [
        ("actor", "NATO", 4, 8), ("actor", "Ukraine", 17, 24), ("place", "Ukraine", 17, 24),
        ("money", "über 2 Milliarden Euro", 55, 77), ("time", "am 4. April 2025", 25, 41), ("trigger", "Militärhilfe", 42, 54),
    ]
    assert all(TEXT[start:end] == text for _, text, start, end in spans)


def test_lone_surrogate_is_an_input_error(extract):
    """A str that is not valid Unicode is refused with a LagebildError naming where, not a UnicodeEncodeError."""
    with pytest.raises(lagebild.LagebildError, match="lone surrogate '\\\\ud800' at character 9"):
        extract("Die NATO \ud800 sagte Hilfe zu.")
