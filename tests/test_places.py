"""Places: gazetteer names and exonyms to canonical GeoNames-style names."""

import pytest


def places(result):
    return [(p.canonical, p.country) for p in result.places]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Das Treffen fand in Brüssel statt.", ("Brussels", "BE")),
        ("Die Konferenz in Den Haag begann.", ("The Hague", "NL")),
        ("Er flog nach Peking.", ("Beijing", "CN")),
        ("Gespräche in Genf sind geplant.", ("Geneva", "CH")),
        ("Proteste gab es in Warschau.", ("Warsaw", "PL")),
        ("Sie lebt in München.", ("Munich", "DE")),
    ],
)
def test_german_exonyms_resolve_to_canonical_names(extract, text, expected):
    """German exonyms resolve to the English GeoNames name and ISO alpha-2 country."""
    assert places(extract(text)) == [expected]


def test_country_used_as_location_is_a_place_with_coordinates(extract):
    """``in der Ukraine`` is the place Ukraine (UA) with coordinates."""
    (place,) = extract("Die Kämpfe in der Ukraine gehen weiter.").places
    assert (place.name, place.canonical, place.country) == ("Ukraine", "Ukraine", "UA")
    assert place.lat is not None and place.lon is not None


def test_dateline_places_in_capitals(extract):
    """A dateline ``BRÜSSEL / MÜNCHEN (dpa) –`` gives two places, and no actor Belgium."""
    result = extract("BRÜSSEL / MÜNCHEN (dpa) – Die Minister berieten über den Haushalt.")
    assert places(result) == [("Brussels", "BE"), ("Munich", "DE")]
    assert result.places[0].name == "BRÜSSEL" or result.places[0].name == "Brüssel"
    assert all(a.key != "BEL" for a in result.actors)


def test_adjective_is_no_place(extract):
    """``ukrainische`` codes the actor but is no place."""
    assert places(extract("Die ukrainische Regierung tagte.")) == []


def test_ambiguous_name_needs_locative_evidence(extract):
    """``Essen`` is a place after ``in``, not in ``das Essen wurde serviert``."""
    assert places(extract("Das Essen wurde serviert.")) == []
    assert places(extract("Die Demonstration in Essen blieb friedlich.")) == [("Essen", "DE")]


def test_organisation_name_is_no_place(extract):
    """An organisation's name never doubles as a town (Hamas is no alternate name of Hamm here)."""
    assert places(extract("Die Hamas ließ Geiseln frei.")) == []


def test_small_town_needs_locative_evidence_or_a_list(extract):
    """A town under 100,000 people is a place after ``in``/a place noun/a list, not as a bare word."""
    assert places(extract("Gori liegt im Landesinneren.")) == []
    listed = extract("Kundgebungen gab es in Batumi, Gori und Sugdidi.")
    assert places(listed) == [("Batumi", "GE"), ("Gori", "GE"), ("Zugdidi", "GE")]


def test_words_that_name_towns_are_no_places(extract):
    """``in der Lage`` is an idiom, ``Basis`` no genitive of a town: neither is a place."""
    assert places(extract("Die Regierung ist nicht in der Lage, die Basis zu überzeugen.")) == []
