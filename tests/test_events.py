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
    "eu-fordert-serbien-sanktionen",
    "geberkonferenz-sudan-london",
    "gefangenenaustausch-vereinbart",
    "guterres-sudan-aufruf",
    "hisbollah-droht-vergeltung",
    "hodeidah-passiv-von-agens",
    "israel-weist-un-vorwuerfe-zurueck",
    "kreml-dementi-polen",
    "mali-fordert-abzug",
    "nato-antalya-ohne-erklaerung",
    "odesa-drohnenangriff-dateline",
    "russland-truppen-finnland",
    "russland-veto-sudan",
    "serbien-kosovo-einigung",
    "sudan-un-konvoi-passiv",
    "taiwan-keine-gespraeche",
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
def test_event_case(extract, case):
    """Each required event of the case is extracted with exactly the expected coding."""
    result = extract(case["text"], published=case.get("published"))
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
