"""The event scores on the real-news gold sets may not drop below the figures in docs/evaluation.md.

The gold folders live in ``../shared/eval`` beside the checkout; without them the test skips.
``docs/evaluation.md`` records the scores in a ``json recorded-scores`` block (written by
``scripts/evaluation_report.py``); a drop of more than 0.02 in events F1 or precision on
either set fails, so later work cannot quietly undo the event work.
"""

import json
import re
from pathlib import Path

import pytest

from lagebild.evaluate import evaluate

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
TOLERANCE = 0.02


def _recorded() -> dict:
    text = (ROOT / "docs" / "evaluation.md").read_text(encoding="utf-8")
    block = re.search(r"```json recorded-scores\n(.*?)```", text, re.S)
    assert block, "docs/evaluation.md has no recorded-scores block"
    return json.loads(block.group(1))


@pytest.mark.parametrize("name", ["dev", "events"])
def test_event_scores_hold(extractor, name):
    """Events F1 and precision stay within 0.02 of the recorded figures."""
    folder = EVAL / name
    if not folder.is_dir():
        pytest.skip(f"{folder} is not here (the gold sets sit beside the checkout)")
    recorded = _recorded()[name]
    events = evaluate(folder, extractor)["total"]["events"]
    assert events["f1"] >= recorded["f1"] - TOLERANCE, (events, recorded)
    assert events["precision"] >= recorded["precision"] - TOLERANCE, (events, recorded)
