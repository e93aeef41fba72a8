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
