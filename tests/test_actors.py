"""Actors: states, organisations and persons, coded and merged across mentions."""

import pytest


def actor(result, key):
    """The actor with id or name ``key``."""
    return next(a for a in result.actors if a.key == key)


def mention_texts(result, key):
    return [m.text for m in actor(result, key).mentions]


def test_state_by_name_genitive_and_inflected_adjective(extract):
    """A state is found by its name, its genitive and an inflected adjective, merged into one actor."""
    text = "Russlands Wirtschaft wächst. Die russischen Truppen stehen an der Grenze. Russland schweigt."
    result = extract(text)
    rus = actor(result, "RUS")
    assert (rus.kind, rus.name) == ("GPE", "Russland")
    assert [(m.text, m.start, m.end) for m in rus.mentions] == [
        ("Russlands", 0, 9), ("russischen", 33, 43), ("Russland", 74, 82)
    ]


@pytest.mark.parametrize(
    "text, key, mention",
    [
        ("Der NATO-Gipfel beginnt.", "NATO", "NATO"),
        ("Die EU-Außenbeauftragte reist ab.", "EU", "EU"),
        ("Der US-Präsident telefoniert.", "USA", "US"),
        ("Eine US-amerikanische Delegation kam an.", "USA", "US-amerikanische"),
    ],
)
def test_compound_prefix_and_compound_adjective(extract, text, key, mention):
    """Compound prefixes (NATO-Gipfel) and hyphenated adjectives code the state or organisation."""
    assert mention_texts(extract(text), key) == [mention]


def test_capital_as_metonym_is_actor_but_as_location_is_not(extract):
    """``Kiew kündigte an`` is the Ukrainian state; ``in Kiew`` is only a place."""
    acting = extract("Kiew kündigte neue Gespräche an.")
    located = extract("Die Minister trafen sich in Kiew.")
    assert mention_texts(acting, "UKR") == ["Kiew"]
    assert all(a.key != "UKR" for a in located.actors)
    assert [p.canonical for p in located.places] == ["Kyiv"]


def test_kremlin_is_russia(extract):
    """A seat of government (Kreml) codes its state."""
    assert mention_texts(extract("Der Kreml wies die Vorwürfe zurück."), "RUS") == ["Kreml"]


def test_paraphrase_counts_only_when_organisation_is_named(extract):
    """``Allianz`` is NATO only in an article that names NATO."""
    with_nato = extract("Die NATO tagt in Brüssel. Die Allianz will wachsen.")
    without = extract("Die Allianz will wachsen.")
    assert mention_texts(with_nato, "NATO") == ["NATO", "Allianz"]
    assert all(a.key != "NATO" for a in without.actors)


def test_person_with_role_affiliation_from_adjective_and_surname_coreference(extract):
    """Role title + name makes a person; the adjective gives the affiliation; the surname joins later."""
    text = "Der ukrainische Außenminister Olek Bondarenko traf Partner. Bondarenko sprach von Fortschritt."
    person = actor(extract(text), "Olek Bondarenko")
    assert (person.kind, person.role, person.affiliation) == ("PER", "Außenminister", "UKR")
    assert [(m.text, m.start) for m in person.mentions] == [("Olek Bondarenko", 30), ("Bondarenko", 60)]


def test_person_affiliation_from_compound_prefix(extract):
    """``EU-Außenbeauftragte Jana Ostrova``: role without prefix, affiliation from the prefix."""
    person = actor(extract("Die EU-Außenbeauftragte Jana Ostrova warnte."), "Jana Ostrova")
    assert (person.role, person.affiliation) == ("Außenbeauftragte", "EU")


def test_person_genitive_role_is_uninflected(extract):
    """``des katarischen Premierministers X`` gives role Premierminister, affiliation QAT."""
    person = actor(extract("Eine Rede des katarischen Premierministers Amir Haddad folgte."), "Amir Haddad")
    assert (person.role, person.affiliation) == ("Premierminister", "QAT")


def test_known_person_by_surname_gets_role_for_the_date(extract):
    """A bare surname from the lexicon of known politicians is coded with the office held that day."""
    person = actor(extract("Selenskyj bat um Hilfe.", published="2025-03-01"), "Wolodymyr Selenskyj")
    assert (person.role, person.affiliation) == ("Präsident", "UKR")


def test_role_without_name_is_no_person(extract):
    """``Die Minister berieten`` names no person."""
    assert [a.kind for a in extract("Die Minister berieten lange.").actors] == []


def test_role_followed_by_von_is_no_person(extract):
    """``Präsident von Venezuela`` names no person ``von Venezuela``; a title before a name is skipped."""
    assert [a.kind for a in extract("Der Präsident von Venezuela sprach.").actors] == ["GPE"]
    person = actor(extract("Generalsekretärin Dr. Lena Morgenroth sprach."), "Lena Morgenroth")
    assert person.role == "Generalsekretärin"
