"""Events: PLOVER type, CAMEO, status, source, target, place, time and amount on German sentences.

The cases in ``tests/cases/events.json`` were written for lagebild (see its README). Cases
the rule coder does not yet get right are listed in ``KNOWN_GAPS`` and run as strict
expected failures, so that fixing one shows up and the list stays honest.
"""

import json
from pathlib import Path

import pytest

CASES = json.loads((Path(__file__).parent / "cases" / "events.json").read_text(encoding="utf-8"))
CASES = CASES["cases"] if isinstance(CASES, dict) else CASES

KNOWN_GAPS: set[str] = {
    "berlin-verurteilt-huthi-angriff",
    "deu-fordert-freilassung-venezuela",
    "geberkonferenz-sudan-london",
    "gefangenenaustausch-vereinbart",
    "guterres-sudan-aufruf",
    "hisbollah-droht-vergeltung",
    "hodeidah-passiv-von-agens",
    "israel-weist-un-vorwuerfe-zurueck",
    "kreml-dementi-polen",
    "mali-fordert-abzug",
    "nato-antalya-ohne-erklaerung",
    "russland-truppen-finnland",
    "russland-veto-sudan",
    "serbien-kosovo-einigung",
    "sudan-un-konvoi-passiv",
    "venezuela-grenze-nicht-abgeriegelt",
}


def _matches(expected, event):
    return (
        event.type == expected["type"]
        and expected["trigger"] in (event.trigger.text, *(m.text for m in event.evidence))
        and event.status == expected["status"]
        and event.cameo == expected["cameo"]
        and (not expected["source"] or bool(set(expected["source"]) & set(event.source)))
        and set(event.target) <= set(expected["target"])
        and bool(event.target) == bool(expected["target"])
        and event.place == expected.get("place")
        and (event.amount.to_dict() if event.amount else None) == expected.get("amount")
        and (event.time.to_dict() if event.time else None) == expected.get("time")
    )


def _case_id(case):
    return case["id"]


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="known gap")) if c["id"] in KNOWN_GAPS else c for c in CASES],
    ids=_case_id,
)
def test_event_case(extract, extract_with_statements, case):
    """Each required event of the case is extracted with exactly the expected coding."""
    statements = any(e["type"] == "STATEMENT" and not e.get("optional") for e in case["events"])
    result = (extract_with_statements if statements else extract)(case["text"], published=case.get("published"))
    for expected in case["events"]:
        if expected.get("optional"):
            continue
        assert any(_matches(expected, e) for e in result.events), (expected, [e.to_dict() for e in result.events])


def test_no_events_after_body_end(extract):
    """Nothing is coded from page boilerplate after the article body."""
    text = (
        "Die EU verhängte neue Sanktionen gegen Russland. Die Minister berieten lange darüber.\n"
        "Stellenangebote\nDie NATO kritisierte Russland scharf.\n"
    )
    result = extract(text, published="2025-05-05")
    assert result.body_end == text.index("Stellenangebote")
    assert [e.type for e in result.events] == ["SANCTION"]
    assert all(e.trigger.start < result.body_end for e in result.events)


def test_parserless_separable_verb_pledge(extract):
    """``sagte … zu`` with an aid noun on the blank backbone: AID, pledged, CAMEO 0332, amount attached."""
    result = extract("Die NATO sagte der Ukraine am Freitag Militärhilfe über 3 Milliarden Euro zu.", published="2025-04-04")
    (event,) = [e for e in result.events if e.type == "AID"]
    assert (event.cameo, event.status, event.source, event.target) == ("0332", "pledged", ("NATO",), ("UKR",))
    assert (event.amount.value, event.amount.currency) == (3e9, "EUR")


def _codes(result):
    return [(e.type, e.cameo, e.status, e.trigger.text, e.source, e.target, e.place) for e in result.events]


def test_agreement_of_two_parties(extract):
    """``A und B einigten sich``: both parties are the source of an AGREE (030), no target."""
    result = extract("Armenien und Aserbaidschan einigten sich am Freitag auf den Verlauf ihrer gemeinsamen Grenze.", published="2025-08-11")
    assert _codes(result) == [("AGREE", "030", "occurred", "einigten", ("ARM", "AZE"), (), None)]
    assert result.events[0].time.to_dict() == {"start": "2025-08-08", "end": "2025-08-08"}


def test_agreed_event_is_planned_by_the_parties(extract):
    """What the parties agree on (``auf eine Waffenruhe``) is their planned event."""
    result = extract("Die Ukraine und Russland haben sich auf eine Waffenruhe für Energieanlagen geeinigt.", published="2025-03-25")
    assert _codes(result) == [
        ("RETREAT", "0871", "planned", "Waffenruhe", ("UKR", "RUS"), (), None),
        ("AGREE", "030", "occurred", "geeinigt", ("UKR", "RUS"), (), None),
    ]


def test_demand_addressed_to_an_actor(extract):
    """``X forderte Y auf, sich Sanktionen anzuschließen``: one REQUEST of Y; what it demands is its content, no second event."""
    result = extract("Die EU forderte Georgien auf, sich den Sanktionen gegen Belarus anzuschließen.", published="2025-03-25")
    assert _codes(result) == [("REQUEST", "100", "occurred", "forderte", ("EU",), ("GEO",), None)]


def test_call_to_protest_is_a_demanded_protest(extract):
    """``rief zu Kundgebungen auf``: the protest called for, demanded; not a REQUEST besides."""
    result = extract("Der Oppositionsführer Tomás Herrera rief am Montag zu landesweiten Kundgebungen gegen die Regierung auf.", published="2025-03-25")
    assert [(e.type, e.status, e.trigger.text, [m.text for m in e.evidence]) for e in result.events] == [
        ("PROTEST", "demanded", "rief", ["auf", "Kundgebungen"])
    ]


def test_dateline_locates_an_attack_and_its_target(extract):
    """An attack with no place in its sentence happens at the dateline; the place's state is hit."""
    result = extract(
        "JEREWAN (dpa) – Aserbaidschanische Truppen haben nach armenischen Angaben Stellungen an der Grenze beschossen.",
        published="2025-08-11",
    )
    assert _codes(result) == [("ASSAULT", "194", "occurred", "beschossen", ("AZE",), ("ARM",), "Yerevan")]


def test_police_act_against_protesters_where_the_report_is(extract):
    """In a protest report, police actions target the protesters and happen where the scene was set."""
    text = (
        "In Tiflis demonstrierten am Abend Tausende Menschen gegen die Regierung. "
        "Die Polizei setzte Wasserwerfer ein und nahm Dutzende Demonstranten fest."
    )
    codes = _codes(extract(text, published="2024-12-02"))
    assert ("PROTEST", "141", "occurred", "demonstrierten", ("Demonstranten", "GEO"), ("GEO",), "Tbilisi") in codes
    assert ("COERCE", "173", "occurred", "nahm", ("Polizei", "GEO"), ("Demonstranten",), "Tbilisi") in codes


def test_agreed_content_is_planned_but_not_the_setting(extract):
    """``bei Gesprächen … auf eine Waffenruhe geeinigt``: the ceasefire is planned; the talks are no agreed content."""
    result = extract(
        "Armenien und Aserbaidschan haben sich bei Gesprächen in Genf auf eine einwöchige Waffenruhe geeinigt.",
        published="2025-06-06",
    )
    codes = [code[:6] for code in _codes(result)]
    assert ("RETREAT", "0871", "planned", "Waffenruhe", ("ARM", "AZE"), ()) in codes
    assert ("AGREE", "030", "occurred", "geeinigt", ("ARM", "AZE"), ()) in codes
    assert all(e.type != "CONSULT" or e.status != "planned" for e in result.events)
    waffenruhe = next(e for e in result.events if e.type == "RETREAT")
    agree = next(e for e in result.events if e.type == "AGREE")
    assert (waffenruhe.duration, agree.duration) == ("P1W", None)


def test_each_group_keeps_its_own_state(extract):
    """Protesters in Georgia and in Serbia in one article act for their own states, not the last one named."""
    text = (
        "In Tiflis demonstrierten am Montag Tausende Menschen gegen die Regierung.\n"
        "In Belgrad demonstrierten am Dienstag ebenfalls Tausende Menschen gegen die Regierung."
    )
    protests = [e for e in extract(text, published="2025-03-05").events if e.type == "PROTEST"]
    assert [(e.source, e.target, e.place) for e in protests] == [
        (("Demonstranten", "GEO"), ("GEO",), "Tbilisi"),
        (("Demonstranten", "SRB"), ("SRB",), "Belgrade"),
    ]


def test_statements_only_when_asked(extract, extract_with_statements):
    """A public statement is a STATEMENT event only with ``statements=True``; PLOVER's 16 types by default."""
    text = "Kremlsprecher Dmitri Peskow sagte am Montag, die Lage sei ernst."
    assert [e.type for e in extract(text, published="2025-03-03").events] == []
    assert [(e.type, e.cameo, e.trigger.text) for e in extract_with_statements(text, published="2025-03-03").events] == [("STATEMENT", "010", "sagte")]


def test_present_tense_with_a_weekday_is_planned_and_dated_forward(extract):
    """``reist am Dienstag`` published on a Saturday: a planned visit on the coming Tuesday."""
    result = extract("Bundeskanzler Olaf Scholz reist am Dienstag nach Kiew.", published="2025-03-08")
    assert [(e.type, e.status, e.source, e.target, e.time.to_dict()) for e in result.events] == [
        ("CONSULT", "planned", ("Olaf Scholz", "DEU"), ("UKR",), {"start": "2025-03-11", "end": "2025-03-11"})
    ]


def test_the_object_decides_the_type(extract):
    """A frame codes the verb with what it governs: sanctions imposed, a curfew imposed, a conviction, a condemnation."""
    cases = {
        "Die EU verhängte am Montag neue Sanktionen gegen Belarus.": ("SANCTION", "163"),
        "Die Regierung von Ecuador verhängte am Montag eine nächtliche Ausgangssperre.": ("COERCE", "1723"),
        "Die Regierung von Litauen hat das Vorgehen Minsks scharf verurteilt.": ("ACCUSE", "111"),
        "Ein Gericht in Minsk hat den Oppositionellen zu zehn Jahren Haft verurteilt.": ("SANCTION", "116"),
    }
    for text, (kind, cameo) in cases.items():
        events = extract(text, published="2025-03-05").events
        assert [e.type for e in events] == [kind], (text, [e.to_dict() for e in events])
        assert cameo is None or events[0].cameo == cameo
