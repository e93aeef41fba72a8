"""Corpus runs: extract_many error records, `lagebild run` into DuckDB, resume, Parquet export."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lagebild.cli import main
from lagebild.records import Extraction, ExtractionError
from lagebild.store import TABLES, Store, default_article_id

duckdb = pytest.importorskip("duckdb")

NATO = "Die NATO sagte der Ukraine am Montag Hilfe zu. Putin traf Xi in Moskau."
ATTACK = "Russland griff in der Nacht Ziele in Charkiw an."
MEETING = "Die Bundesregierung verhandelte in Berlin mit Polen über Waffen im Wert von 200 Millionen Euro."


def query(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def count(db: Path, table: str) -> int:
    return query(db, f"SELECT count(*) FROM {table}")[0][0]


def all_counts(db: Path) -> dict[str, int]:
    return {table: count(db, table) for table in TABLES}


def run(*args: str) -> int:
    return main(["run", *args, "--model", "blank"])


def write_jsonl(path: Path, records: list[dict | str]) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def shared_pipeline(extractor, monkeypatch):
    """In-process runs reuse the session's blank extractor instead of loading one per run."""
    monkeypatch.setattr("lagebild.store.Extractor", lambda model: extractor)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three articles as .txt files, one with a metadata sidecar."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "nato.txt").write_text(NATO, encoding="utf-8")
    (corpus / "nato.meta.json").write_text('{"published": "2025-04-04", "url": "https://example.org/nato"}')
    (corpus / "attack.txt").write_text(ATTACK, encoding="utf-8")
    (corpus / "meeting.txt").write_text(MEETING, encoding="utf-8")
    return corpus


# ---------------------------------------------------------------- extract_many


def test_extract_many_puts_error_records_in_place_of_bad_items(extractor):
    """Bad items yield ExtractionError at their position and the good ones still come out."""
    items = [NATO, "", 42, {"id": "x", "text": ATTACK, "published": "2025-13-01"}, (MEETING, "2025-04-04")]
    results = list(extractor.extract_many(items, batch_size=2))
    assert [type(r).__name__ for r in results] == [
        "Extraction", "ExtractionError", "ExtractionError", "ExtractionError", "Extraction",
    ]
    assert results[1] == ExtractionError(index=1, id=None, reason="text is empty")
    assert results[2].reason == "an item must be a text, a (text, published) pair or a dict, not int"
    assert results[3] == ExtractionError(
        index=3, id="x", reason="published date '2025-13-01' is not a valid YYYY-MM-DD date"
    )
    assert results[0] == extractor.extract(NATO)
    assert results[4] == extractor.extract(MEETING, "2025-04-04")


def test_extract_many_isolates_an_item_that_breaks_a_stage(extractor, monkeypatch):
    """A stage failing on one article turns only that article into an error record."""
    original = extractor.to_extraction

    def fail_on_attack(doc):
        if "Charkiw" in doc.text:
            raise RuntimeError("stage broke")
        return original(doc)

    monkeypatch.setattr(extractor, "to_extraction", fail_on_attack)
    results = list(extractor.extract_many([NATO, ATTACK, MEETING], batch_size=8))
    assert results[1] == ExtractionError(index=1, id=None, reason="RuntimeError: stage broke")
    assert isinstance(results[0], Extraction) and isinstance(results[2], Extraction)
    assert results[2] == original(extractor.nlp(extractor.make_doc(MEETING)))


def test_extract_many_in_two_processes_matches_one(extractor):
    """n_process=2 gives the same results, errors included, in the same order as n_process=1."""
    items = [NATO, "", ATTACK, {"id": 7, "text": MEETING}, NATO, ATTACK, "  ", MEETING]
    one = list(extractor.extract_many(items, batch_size=2))
    two = list(extractor.extract_many(items, batch_size=2, n_process=2))
    assert two == one
    assert two[3] == extractor.extract(MEETING)
    assert two[6] == ExtractionError(index=6, id=None, reason="text is empty")


# ---------------------------------------------------------------- lagebild run


def test_run_folder_into_duckdb(folder, tmp_path, extractor, capsys):
    """A folder run stores every article, its sidecar metadata and the records of extract()."""
    db = tmp_path / "out.db"
    assert run(str(folder), "--db", str(db)) == 0
    assert query(db, "SELECT article_id, published, url FROM articles ORDER BY article_id") == [
        ("attack", None, None),
        ("meeting", None, None),
        ("nato", dt.date(2025, 4, 4), "https://example.org/nato"),
    ]
    expected = extractor.extract(NATO, "2025-04-04")
    stored_events = query(db, "SELECT type, cameo, status, trigger_text FROM events WHERE article_id = 'nato' ORDER BY event_index")
    assert stored_events == [(e.type, e.cameo, e.status, e.trigger.text) for e in expected.events]
    stored_actors = query(db, "SELECT actor_key, name, kind FROM actors WHERE article_id = 'nato' ORDER BY actor_index")
    assert stored_actors == [(a.key, a.name, a.kind) for a in expected.actors]
    assert count(db, "event_actors") == sum(
        len(e.source) + len(e.target)
        for text, day in ((NATO, "2025-04-04"), (ATTACK, None), (MEETING, None))
        for e in extractor.extract(text, day).events
    )
    assert count(db, "errors") == 0
    # no progress bar off a terminal: the summary line is all there is on stderr
    summary = r"lagebild: 3 articles stored, 0 already stored, \d+ events, 0 errors in [\d.]+ s \([\d.]+ articles/s\)\n"
    assert re.fullmatch(summary, capsys.readouterr().err)


def test_run_jsonl_into_duckdb(tmp_path, extractor):
    """A JSONL run stores articles under their ids, or under the content id when a line has none."""
    corpus = write_jsonl(tmp_path / "c.jsonl", [
        {"id": "a1", "text": NATO, "published": "2025-04-04", "url": "https://example.org/a1"},
        {"text": ATTACK},
    ])
    db = tmp_path / "out.db"
    assert run(str(corpus), "--db", str(db)) == 0
    assert query(db, "SELECT article_id, line, url FROM articles ORDER BY line") == [
        ("a1", 1, "https://example.org/a1"),
        (default_article_id(ATTACK), 2, None),
    ]
    assert count(db, "events") == len(extractor.extract(NATO, "2025-04-04").events) + len(extractor.extract(ATTACK).events)
    assert query(db, "SELECT value, interval_start FROM times WHERE article_id = 'a1'") == [
        (t.value, t.interval.start) for t in extractor.extract(NATO, "2025-04-04").times
    ]


def test_run_jsonl_from_stdin(tmp_path, monkeypatch):
    """`lagebild run -` reads JSON Lines from standard input."""
    data = (json.dumps({"id": "s1", "text": NATO}) + "\n" + json.dumps({"id": "s2", "text": ATTACK}) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    db = tmp_path / "out.db"
    assert run("-", "--db", str(db)) == 0
    assert query(db, "SELECT article_id, source FROM articles ORDER BY article_id") == [("s1", "<stdin>"), ("s2", "<stdin>")]


def test_rerun_is_idempotent(folder, tmp_path, capsys):
    """A second run over the same input stores nothing new and leaves every row count unchanged."""
    db = tmp_path / "out.db"
    assert run(str(folder), "--db", str(db)) == 0
    first = all_counts(db)
    assert run(str(folder), "--db", str(db)) == 0
    assert all_counts(db) == first
    assert "0 articles stored, 3 already stored, 0 events, 0 errors" in capsys.readouterr().err.splitlines()[-1]


def test_changed_article_is_replaced(tmp_path, extractor):
    """An article whose text changed under the same id is extracted again and its old rows removed."""
    db = tmp_path / "out.db"
    assert run(str(write_jsonl(tmp_path / "v1.jsonl", [{"id": "a", "text": NATO}])), "--db", str(db)) == 0
    assert run(str(write_jsonl(tmp_path / "v2.jsonl", [{"id": "a", "text": ATTACK}])), "--db", str(db)) == 0
    assert count(db, "articles") == 1
    assert query(db, "SELECT trigger_text FROM events ORDER BY event_index") == [
        (e.trigger.text,) for e in extractor.extract(ATTACK).events
    ]
    assert count(db, "actors") == len(extractor.extract(ATTACK).actors)


def test_malformed_jsonl_line_is_recorded_with_its_line_number(tmp_path, capsys):
    """A line that is not JSON becomes an errors row with its line number; the other lines are stored."""
    corpus = write_jsonl(tmp_path / "c.jsonl", [
        {"id": "a1", "text": NATO},
        '{"id": "a2", "text": "kaputt',
        {"id": "a3", "text": 17},
        {"id": "a4", "text": ATTACK},
    ])
    db = tmp_path / "out.db"
    assert run(str(corpus), "--db", str(db)) == 1
    assert query(db, "SELECT article_id FROM articles ORDER BY article_id") == [("a1",), ("a4",)]
    assert query(db, "SELECT file, line, article_id, stage, reason FROM errors ORDER BY line") == [
        (str(corpus), 2, None, "input", "malformed JSON: Unterminated string starting at (column 22)"),
        (str(corpus), 3, "a3", "input", '"text" must be a string, not int'),
    ]
    err = capsys.readouterr().err
    assert "lagebild: error: 2 items failed" in err


def test_undecodable_and_empty_files_are_recorded(folder, tmp_path):
    """A file that is not UTF-8 and an empty file become errors rows; the rest of the folder is stored."""
    (folder / "latin1.txt").write_bytes("Die Gespräche in Genf".encode("latin-1"))
    (folder / "empty.txt").write_text("   ")
    db = tmp_path / "out.db"
    assert run(str(folder), "--db", str(db)) == 1
    assert count(db, "articles") == 3
    assert query(db, "SELECT file, article_id, stage, reason FROM errors ORDER BY article_id") == [
        (str(folder / "empty.txt"), "empty", "extract", "text is empty"),
        (str(folder / "latin1.txt"), "latin1", "input", "not UTF-8 text (byte 9: b'\\xe4')"),
    ]
    # errors are those of the latest run over a source, not piled up run after run
    assert run(str(folder), "--db", str(db)) == 1
    assert count(db, "errors") == 2


def test_parquet_export_has_every_table_with_its_rows(folder, tmp_path):
    """--parquet writes one Parquet file per table with as many rows as the table."""
    db, out = tmp_path / "out.db", tmp_path / "parquet"
    (folder / "latin1.txt").write_bytes(b"Gespr\xe4che")
    assert run(str(folder), "--db", str(db), "--parquet", str(out)) == 1
    counts = all_counts(db)
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{table}.parquet" for table in TABLES)
    for table in TABLES:
        assert query(db, f"SELECT count(*) FROM read_parquet('{out / (table + '.parquet')}')")[0][0] == counts[table]
    assert counts["errors"] == 1 and counts["events"] > 0


def test_store_write_is_one_transaction(tmp_path, extractor, monkeypatch):
    """When a batch fails half-way through writing, none of its rows stay in the database."""
    from lagebild.store import Article

    store = Store(tmp_path / "out.db")
    article = Article(id="a", text=NATO, published=None, url=None, source="test")
    original = store._insert

    def break_on_events(name, rows):
        if name == "events":
            raise RuntimeError("disk full")
        original(name, rows)

    monkeypatch.setattr(store, "_insert", break_on_events)
    with pytest.raises(RuntimeError):
        store.write([(article, extractor.extract(NATO))], [])
    assert store.counts() == {table: 0 for table in TABLES}
    store.close()


# ---------------------------------------------------------------- resume after kill

ACTORS = ["Die NATO", "Russland", "Die Bundesregierung", "China", "Frankreich", "Die Ukraine", "Polen"]
CLAUSES = [
    "sagte der Ukraine Hilfe zu",
    "kritisierte Russland scharf",
    "traf Vertreter Chinas in Berlin",
    "griff Ziele in Charkiw an",
    "verhandelte mit Polen über Waffen im Wert von 200 Millionen Euro",
]


def generated_articles(n: int) -> list[dict]:
    """n small articles of twelve sentences each, the same every time."""
    articles = []
    for i in range(n):
        rng = random.Random(i)
        text = " ".join(f"{rng.choice(ACTORS)} {rng.choice(CLAUSES)}." for _ in range(12))
        articles.append({"id": f"art-{i:03d}", "text": text, "published": "2025-04-04"})
    return articles


def table_contents(db: Path) -> dict[str, list[tuple]]:
    """Every row of every article table, without the extraction timestamp."""
    contents = {}
    for table in TABLES:
        if table != "errors":
            exclude = " EXCLUDE (extracted_at)" if table == "articles" else ""
            contents[table] = query(db, f"SELECT *{exclude} FROM {table} ORDER BY ALL")
    return contents


def test_resume_after_kill(tmp_path, capsys):
    """A run killed with SIGKILL mid-corpus and then rerun stores every article exactly once."""
    corpus = write_jsonl(tmp_path / "corpus.jsonl", generated_articles(300))
    db = tmp_path / "corpus.db"
    wal = db.with_name(db.name + ".wal")
    command = [sys.executable, "-m", "lagebild.cli", "run", str(corpus), "--db", str(db), "--model", "blank", "--batch-size", "4"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # The database is locked while the run writes, so watch its write-ahead log instead:
    # it holds ~3 kB once the tables exist and grows by ~25 kB per committed batch.
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > 150_000:
            break
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL

    stored_before = count(db, "articles")
    assert 0 < stored_before < 300
    assert run(str(corpus), "--db", str(db)) == 0
    summary = capsys.readouterr().err.splitlines()[-1]
    assert f"{300 - stored_before} articles stored, {stored_before} already stored, " in summary

    ids = query(db, "SELECT article_id FROM articles ORDER BY article_id")
    assert ids == [(f"art-{i:03d}",) for i in range(300)]
    reference = tmp_path / "reference.db"
    assert run(str(corpus), "--db", str(reference)) == 0
    assert table_contents(db) == table_contents(reference)


def test_lone_surrogate_is_one_error_row(tmp_path, capsys):
    """A text that is not valid Unicode becomes one errors row; the rest of its batch is stored."""
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": "bad", "text": "Die NATO \\ud800 sagte Hilfe zu.", "published": "2025-01-01"}\n'
        '{"id": "good", "text": "Die NATO sagte der Ukraine Hilfe zu.", "published": "2025-01-01"}\n',
        encoding="utf-8",
    )
    db = tmp_path / "out.duckdb"
    assert main(["run", str(source), "--db", str(db), "--model", "blank"]) == 1
    import duckdb

    with duckdb.connect(str(db)) as con:
        errors = con.sql("select article_id, reason from errors").fetchall()
        stored = con.sql("select article_id from articles").fetchall()
    assert [e[0] for e in errors] == ["bad"] and "lone surrogate" in errors[0][1]
    assert stored == [("good",)]
    assert "1 errors" in capsys.readouterr().err
