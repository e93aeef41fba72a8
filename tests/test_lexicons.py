"""Lexicon data files: valid, unique, documented, NFC, and extendable by users."""

import json
import unicodedata

import pytest

import lagebild
from lagebild.lexicons import DATA_DIR, load_lexicons


def test_every_data_file_documents_source_licence_and_version():
    """Each JSON data file has a meta block; each TSV a commented header naming source and licence."""
    for path in DATA_DIR.iterdir():
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            meta = json.loads(text)["meta"]
            assert {"name", "version", "source", "licence"} <= set(meta), path.name
        elif path.suffix == ".tsv":
            header = "".join(line for line in text.splitlines(True)[:30] if line.startswith("#")).lower()
            assert "source" in header and "licen" in header, path.name


def test_data_files_are_nfc():
    """Data is in Unicode NFC, like German news text, so that names compare equal."""
    for path in DATA_DIR.iterdir():
        text = path.read_text(encoding="utf-8")
        assert unicodedata.normalize("NFC", text) == text, path.name


def test_ids_unique_and_affiliations_known():
    """State, organisation and person ids are unique; every affiliation and country is a known id."""
    lex = load_lexicons()
    ids = [s.id for s in lex.states] + [o.id for o in lex.organisations] + [p.id for p in lex.persons]
    assert len(ids) == len(set(ids))
    known = lex.actor_ids()
    assert all(o.affiliation in known for p in lex.persons for o in p.offices if o.affiliation)
    assert all(o.country in known for o in lex.organisations if o.country)


def test_no_empty_names_and_sizes():
    """Every entry has names; the lexicons cover all states, ≥150 organisations and every capital."""
    lex = load_lexicons()
    assert all(e.names for e in (*lex.states, *lex.organisations, *lex.persons, *lex.places))
    assert len([s for s in lex.states if s.adjectives]) >= 190
    assert len(lex.organisations) >= 150
    assert {"Kyiv", "Brussels", "Tbilisi", "Doha", "The Hague", "Beijing"} <= {p.canonical for p in lex.places}


def test_user_lexicon_adds_an_organisation_without_editing_the_package(tmp_path):
    """Extractor(lexicons=[file]) merges a user's organisations after the built-ins."""
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps({"organisations": [
        {"id": "NORDRAT", "name": "Nordischer Küstenrat", "names": ["Nordischer Küstenrat", "Küstenrat"]}
    ]}), encoding="utf-8")
    result = lagebild.Extractor(model="blank", lexicons=[extra]).extract("Der Küstenrat tagte in Oslo.")
    assert [(a.id, a.name, a.mentions[0].text) for a in result.actors] == [("NORDRAT", "Nordischer Küstenrat", "Küstenrat")]


def test_malformed_user_lexicon_is_a_clear_error(tmp_path):
    """A user file with unknown keys raises LexiconError naming the file."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"staaten": []}', encoding="utf-8")
    with pytest.raises(lagebild.LexiconError, match="bad.json"):
        load_lexicons([bad])
