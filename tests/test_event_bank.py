"""Event sentence banks: type, trigger, status, source and target on 300 sentences of our own.

``tests/cases/events_{conflict,cooperation,pressure}.json`` were written for lagebild (see
``tests/cases/README.md``) by analysts' conventions, without looking at the coder's output.
A case passes when every required event is extracted with its type, status and trigger
word, a source that names one of the listed actors and a target whose actors are all
listed (empty when none is). A case with no events must yield none but statements.

Cases the coder does not get right yet are listed in ``tests/cases/known_gaps.txt`` and run
as strict expected failures: a fix shows up as an XPASS, and the list stays honest.
"""

import json
from pathlib import Path

import pytest

CASES_DIR = Path(__file__).parent / "cases"
BANKS = ("events_conflict.json", "events_cooperation.json", "events_pressure.json")
CASES = [case for bank in BANKS for case in json.loads((CASES_DIR / bank).read_text(encoding="utf-8"))]
KNOWN_GAPS = {
    line.split("#")[0].strip()
    for line in (CASES_DIR / "known_gaps.txt").read_text(encoding="utf-8").splitlines()
    if line.split("#")[0].strip()
}


def _matches(expected, event):
    words = (event.trigger.text, *(m.text for m in event.evidence))
    return (
        event.type == expected["type"]
        and event.status == expected["status"]
        and any(expected["trigger"] in word.split() for word in words)
        and bool(set(expected["source"]) & set(event.source))
        and set(event.target) <= set(expected["target"])
        and bool(event.target) == bool(expected["target"])
    )


def case_is_right(case, events):
    """Every required event of the case is among ``events``; a case without events got none but statements."""
    if not case["events"] and any(e.type != "STATEMENT" for e in events):
        return False
    return all(any(_matches(expected, e) for e in events) for expected in case["events"] if not expected.get("optional"))


def _params():
    for case in CASES:
        marks = [pytest.mark.xfail(strict=True, reason="known gap")] if case["id"] in KNOWN_GAPS else []
        yield pytest.param(case, marks=marks, id=case["id"])


def test_known_gaps_name_existing_cases():
    """Every listed gap is a case of the banks (a renamed case must not hide a stale entry)."""
    assert KNOWN_GAPS <= {case["id"] for case in CASES}


@pytest.mark.parametrize("case", list(_params()))
def test_bank_case(extract, case):
    """The case's required events are extracted exactly; a case without events yields none but statements."""
    result = extract(case["text"], published=case.get("published"))
    coded = [e for e in result.events if e.type != "STATEMENT"]
    required = [e for e in case["events"] if not e.get("optional")]
    if not case["events"]:
        assert coded == [], [e.to_dict() for e in coded]
    for expected in required:
        assert any(_matches(expected, e) for e in result.events), (expected, [e.to_dict() for e in result.events])
