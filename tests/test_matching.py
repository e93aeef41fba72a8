"""The name matcher: longest match, genitives, compounds, and declined phrases."""

import spacy

from lagebild.matching import NameIndex, declined


def test_declined_gives_the_case_forms_of_a_leading_adjective():
    """``humanitäre Hilfe`` also matches as ``humanitärer``/``humanitären`` …; a plain noun phrase stays as it is."""
    assert list(declined("humanitäre Hilfe")) == [
        "humanitäre Hilfe", "humanitären Hilfe", "humanitärer Hilfe", "humanitäres Hilfe", "humanitärem Hilfe"
    ]
    assert list(declined("Den Haag")) == ["Den Haag"]


def test_find_takes_the_longest_name_a_genitive_and_compound_parts():
    """``Den Haag`` beats ``Haag``; ``Russlands`` is Russland; ``NATO-Gipfel`` contains NATO."""
    index = NameIndex()
    for name, target in [("Haag", "haag"), ("Den Haag", "hague"), ("Russland", "rus"), ("NATO", "nato")]:
        index.add(name, target)
    doc = spacy.blank("de")("Russlands Gesandter reiste zum NATO-Gipfel in Den Haag.")
    assert [(h.text, h.start_char, h.targets, h.via) for h in index.find(doc)] == [
        ("Russlands", 0, ("rus",), "genitive"),
        ("NATO", 31, ("nato",), "compound"),
        ("Den Haag", 46, ("hague",), "name"),
    ]


def test_find_words_matches_plain_word_lists():
    """find_words works on lower-case word lists, returning word ranges."""
    index = NameIndex()
    index.add("humanitäre hilfe", "aid")
    assert list(index.find_words(["mehr", "humanitäre", "hilfe", "jetzt"])) == [(1, 3, ("aid",))]
