"""The command line: extract, evaluate, and one clear line on stderr for bad input."""

import json
from pathlib import Path

import pytest

from lagebild.cli import main

GOLD = Path(__file__).parent / "data" / "gold"


def test_extract_prints_schema_json(tmp_path, capsys):
    """``lagebild extract FILE --published`` prints the lagebild/1 record."""
    article = tmp_path / "a.txt"
    article.write_text("Die EU verhängte am Montag Sanktionen gegen Belarus.", encoding="utf-8")
    assert main(["extract", str(article), "--published", "2025-03-05", "--model", "blank"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["schema"], data["published"]) == ("lagebild/1", "2025-03-05")
    assert [(e["type"], e["source"], e["target"]) for e in data["events"]] == [("SANCTION", ["EU"], ["BLR"])]


def test_extract_table_format(tmp_path, capsys):
    """``--format table`` prints a readable summary with the sections."""
    article = tmp_path / "a.txt"
    article.write_text("Die EU verhängte Sanktionen gegen Belarus.", encoding="utf-8")
    assert main(["extract", str(article), "--format", "table", "--model", "blank"]) == 0
    out = capsys.readouterr().out
    assert "ACTORS (2)" in out and "SANCTION" in out


@pytest.mark.parametrize(
    "content, args, message",
    [
        (None, ["--published", "2025-01-01"], "no such file"),
        (b"Die EU tagte.", ["--published", "2025-13-01"], "not a valid YYYY-MM-DD"),
        (b"\xff\xfe Die EU", [], "not UTF-8"),
        (b"   ", [], "text is empty"),
    ],
)
def test_bad_input_gives_one_line_on_stderr_and_exit_1(tmp_path, capsys, content, args, message):
    """Missing file, impossible date, undecodable bytes, empty text: one clear line, exit 1, no traceback."""
    path = tmp_path / "in.txt"
    if content is not None:
        path.write_bytes(content)
    assert main(["extract", str(path), "--model", "blank", *args]) == 1
    err = capsys.readouterr().err
    assert err.startswith("lagebild: error:") and message in err and "Traceback" not in err and err.count("\n") == 1


def test_evaluate_scores_a_gold_folder(capsys):
    """``lagebild evaluate --json`` scores the small gold case written for the tests."""
    assert main(["evaluate", str(GOLD), "--model", "blank", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    actors = report["total"]["actors"]
    assert (actors["tp"], actors["fn"], actors["fp"]) == (2, 1, 0)
    assert report["total"]["money"]["f1"] == 1.0
    assert report["total"]["places"]["tp"] == 1


def test_evaluate_missing_folder_is_an_error(tmp_path, capsys):
    """A folder without gold cases is one clear error line."""
    assert main(["evaluate", str(tmp_path), "--model", "blank"]) == 1
    assert "no *.gold.json cases" in capsys.readouterr().err


def _gold_folder(tmp_path):
    """A case annotating actors and events only, with one event right, one of another type and one not found."""
    (tmp_path / "fall.txt").write_text(
        "Die EU sagte der Ukraine am Montag neue Hilfe zu. Russische Truppen griffen Charkiw an. Das Wetter blieb mild.",
        encoding="utf-8",
    )
    gold = {
        "id": "fall", "text_file": "fall.txt", "published": "2025-03-05",
        "actors": [{"names": ["EU"], "kind": "ORG", "id": "EU"}, {"names": ["Ukraine"], "kind": "GPE", "id": "UKR"},
                   {"names": ["Russland"], "kind": "GPE", "id": "RUS"}],
        "events": [
            {"type": "AID", "status": "pledged", "trigger": "Hilfe", "source": ["EU"], "target": ["UKR"]},
            {"type": "COERCE", "trigger": "griffen", "source": ["RUS"], "target": ["UKR"]},
            {"type": "PROTEST", "trigger": "Wetter", "source": ["Demonstranten"], "target": []},
        ],
    }
    (tmp_path / "fall.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return tmp_path


def test_evaluate_errors_classify_misses_and_spurious_events(tmp_path, capsys):
    """``--errors --json``: misses by class, the spurious event with its sentence's gold, per-type counts;
    a case is scored only on the categories it annotates."""
    assert main(["evaluate", str(_gold_folder(tmp_path)), "--model", "blank", "--json", "--errors"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert sorted(report["cases"]["fall"]) == ["actors", "events"]
    assert [(e["error"], e.get("gold", e.get("event"))["type"]) for e in report["event_errors"]] == [
        ("missed:other_type", "COERCE"), ("missed:no_event", "PROTEST"), ("spurious", "ASSAULT"),
    ]
    assert [g["type"] for g in report["event_errors"][2]["gold_in_sentence"]] == ["COERCE"]
    assert {t: (s["tp"], s["fp"], s["fn"]) for t, s in report["event_types"].items()} == {
        "AID": (1, 0, 0), "ASSAULT": (0, 1, 0), "COERCE": (0, 0, 1), "PROTEST": (0, 0, 1),
    }
    assert main(["evaluate", str(tmp_path), "--model", "blank", "--errors"]) == 0
    assert "EVENT ERRORS  missed:no_event 1  missed:other_type 1  spurious 1" in capsys.readouterr().out
