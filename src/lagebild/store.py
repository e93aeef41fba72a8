"""Corpus runs: read many articles, extract them, keep the records in a DuckDB database.

``lagebild run`` (see ``docs/corpus-runs.md``) is :func:`run_corpus`. The database has one
table per record kind, every row keyed by its article id. A run writes whole batches of
whole articles in one transaction, and skips articles whose id and content hash are
already stored, so a run that is killed can simply be started again.
"""

from __future__ import annotations

import collections
import datetime as dt
import hashlib
import json
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from .api import Extractor
from .errors import LagebildError
from .records import Event, Extraction, ExtractionError, Mention

STDIN_SOURCE = "<stdin>"

# ---------------------------------------------------------------------------- input


@attrs.frozen
class Article:
    """One input article as read from a folder or a JSON Lines stream."""

    id: str
    text: str
    published: str | None
    url: str | None
    source: str
    file: str | None = None
    line: int | None = None

    @property
    def content_hash(self) -> str:
        """SHA-256 of what the stored records depend on: text, publication date and URL."""
        return content_hash(self.text, self.published, self.url)


@attrs.frozen
class InputFailure:
    """An input item that could not be read or extracted; becomes a row of the ``errors`` table."""

    source: str
    stage: str  # "input" (reading, decoding, parsing) or "extract"
    reason: str
    file: str | None = None
    line: int | None = None
    article_id: str | None = None


def content_hash(text: str, published: str | None = None, url: str | None = None) -> str:
    """The hex SHA-256 of text, publication date and URL (NUL-separated)."""
    # surrogatepass: a text that is not valid Unicode still gets a stable hash, and then its errors row
    return hashlib.sha256(f"{text}\0{published or ''}\0{url or ''}".encode("utf-8", "surrogatepass")).hexdigest()


def default_article_id(text: str) -> str:
    """The id of an article that comes without one: the first 16 hex digits of its text's SHA-256.

    Derived from the content rather than the position, so a rerun over a reordered
    input still recognises the articles it has already stored.
    """
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def read_folder(folder: Path) -> Iterator[Article | InputFailure]:
    """The ``*.txt`` files of a folder in name order, each with its optional ``NAME.meta.json``."""
    source = str(folder.resolve())
    for path in sorted(folder.glob("*.txt")):
        yield _read_text_file(path, source)


def _read_text_file(path: Path, source: str) -> Article | InputFailure:
    def failure(reason: str) -> InputFailure:
        return InputFailure(source=source, stage="input", reason=reason, file=str(path), article_id=path.stem)

    try:
        data = path.read_bytes()
    except OSError as exc:
        return failure(f"cannot read the file: {exc.strerror or exc}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return failure(f"not UTF-8 text (byte {exc.start}: {data[exc.start:exc.start + 1]!r})")
    meta_path = path.with_suffix(".meta.json")
    meta: Any = {}
    if meta_path.exists():
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            return failure(f"{meta_path.name} is not readable JSON: {exc}")
    problem = _check_metadata(meta)
    if problem:
        return failure(f"{meta_path.name}: {problem}")
    return Article(
        id=path.stem, text=text, published=meta.get("published"), url=meta.get("url"), source=source, file=str(path)
    )


def _check_metadata(record: Any) -> str | None:
    """Why a sidecar or JSONL record cannot be used (``None`` if it can); ``text`` is checked elsewhere."""
    if not isinstance(record, dict):
        return f"expected a JSON object, found {type(record).__name__}"
    for key in ("published", "url"):
        if record.get(key) is not None and not isinstance(record[key], str):
            return f'"{key}" must be a string, not {type(record[key]).__name__}'
    if record.get("id") is not None and not isinstance(record["id"], (str, int)):
        return f'"id" must be a string or an integer, not {type(record["id"]).__name__}'
    return None


def read_jsonl(lines: Iterable[bytes], source: str, file: str | None = None) -> Iterator[Article | InputFailure]:
    """One article per line of ``{"id", "text", "published", "url"}``; blank lines are skipped."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        yield _parse_jsonl_line(raw, number, source, file)


def _parse_jsonl_line(raw: bytes, number: int, source: str, file: str | None) -> Article | InputFailure:
    def failure(reason: str, article_id: Any = None) -> InputFailure:
        article_id = None if article_id is None else str(article_id)
        return InputFailure(source=source, stage="input", reason=reason, file=file, line=number, article_id=article_id)

    try:
        record = json.loads(raw.decode("utf-8").lstrip("\ufeff").strip())
    except UnicodeDecodeError as exc:
        return failure(f"not UTF-8 text (byte {exc.start} of the line)")
    except json.JSONDecodeError as exc:
        return failure(f"malformed JSON: {exc.msg} (column {exc.colno})")
    problem = _check_metadata(record)
    if problem:
        return failure(problem)
    text = record.get("text")
    if not isinstance(text, str):
        return failure(f'"text" must be a string, not {type(text).__name__}', record.get("id"))
    article_id = default_article_id(text) if record.get("id") is None else str(record["id"])
    return Article(
        id=article_id,
        text=text,
        published=record.get("published"),
        url=record.get("url"),
        source=source,
        file=file,
        line=number,
    )


def open_input(spec: str) -> tuple[str, Iterator[Article | InputFailure], int | None]:
    """``(source name, article stream, number of items if cheaply known)`` for a folder, a JSONL file or ``-``."""
    if spec == "-":
        return STDIN_SOURCE, read_jsonl(sys.stdin.buffer, STDIN_SOURCE), None
    path = Path(spec)
    if path.is_dir():
        return str(path.resolve()), read_folder(path), sum(1 for _ in path.glob("*.txt"))
    if path.is_file():
        source = str(path.resolve())
        return source, _read_jsonl_file(path, source), None
    raise LagebildError(f"{spec}: no such file or folder")


def _read_jsonl_file(path: Path, source: str) -> Iterator[Article | InputFailure]:
    with path.open("rb") as lines:
        yield from read_jsonl(lines, source, file=str(path))


def count_jsonl_items(path: Path) -> int:
    """The number of non-blank lines of a file (for the progress bar's total)."""
    with path.open("rb") as lines:
        return sum(1 for line in lines if line.strip())


# ---------------------------------------------------------------------------- tables

# Every table in column order, as (name, DuckDB type). Record tables start with the
# article id; "<kind>_index" is the record's position in its Extraction tuple.
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (
        ("article_id", "VARCHAR"), ("content_hash", "VARCHAR"), ("source", "VARCHAR"), ("file", "VARCHAR"),
        ("line", "INTEGER"), ("url", "VARCHAR"), ("published", "DATE"), ("backbone", "VARCHAR"),
        ("body_end", "INTEGER"), ("text_chars", "INTEGER"), ("extracted_at", "TIMESTAMP"),
    ),
    "actors": (
        ("article_id", "VARCHAR"), ("actor_index", "INTEGER"), ("actor_key", "VARCHAR"), ("id", "VARCHAR"),
        ("name", "VARCHAR"), ("kind", "VARCHAR"), ("role", "VARCHAR"), ("affiliation", "VARCHAR"),
    ),
    "mentions": (
        ("article_id", "VARCHAR"), ("owner", "VARCHAR"), ("owner_index", "INTEGER"), ("mention_index", "INTEGER"),
        ("text", "VARCHAR"), ("start_char", "INTEGER"), ("end_char", "INTEGER"),
    ),
    "places": (
        ("article_id", "VARCHAR"), ("place_index", "INTEGER"), ("name", "VARCHAR"), ("canonical", "VARCHAR"),
        ("country", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"),
    ),
    "money": (
        ("article_id", "VARCHAR"), ("money_index", "INTEGER"), ("text", "VARCHAR"), ("start_char", "INTEGER"),
        ("end_char", "INTEGER"), ("value", "DOUBLE"), ("currency", "VARCHAR"), ("qualifier", "VARCHAR"),
        ("value_max", "DOUBLE"),
    ),
    "times": (
        ("article_id", "VARCHAR"), ("time_index", "INTEGER"), ("text", "VARCHAR"), ("start_char", "INTEGER"),
        ("end_char", "INTEGER"), ("type", "VARCHAR"), ("value", "VARCHAR"), ("mod", "VARCHAR"),
        ("interval_start", "DATE"), ("interval_end", "DATE"),
    ),
    "events": (
        ("article_id", "VARCHAR"), ("event_index", "INTEGER"), ("type", "VARCHAR"), ("cameo", "VARCHAR"),
        ("mode", "VARCHAR"), ("status", "VARCHAR"), ("trigger_text", "VARCHAR"), ("trigger_start", "INTEGER"),
        ("trigger_end", "INTEGER"), ("sentence_start", "INTEGER"), ("sentence_end", "INTEGER"),
        ("place", "VARCHAR"), ("time_start", "DATE"), ("time_end", "DATE"), ("duration", "VARCHAR"),
        ("amount_value", "DOUBLE"), ("amount_currency", "VARCHAR"),
    ),
    "event_actors": (
        ("article_id", "VARCHAR"), ("event_index", "INTEGER"), ("role", "VARCHAR"), ("role_index", "INTEGER"),
        ("actor_key", "VARCHAR"),
    ),
    "errors": (
        ("source", "VARCHAR"), ("file", "VARCHAR"), ("line", "INTEGER"), ("article_id", "VARCHAR"),
        ("stage", "VARCHAR"), ("reason", "VARCHAR"), ("recorded_at", "TIMESTAMP"),
    ),
}
ARTICLE_TABLES = tuple(name for name in TABLES if name != "errors")

Rows = dict[str, list[tuple[Any, ...]]]


def article_rows(article: Article, x: Extraction, extracted_at: dt.datetime) -> Rows:
    """The rows of every article table for one extracted article."""
    key = article.id
    rows: Rows = {name: [] for name in ARTICLE_TABLES}
    rows["articles"].append((
        key, article.content_hash, article.source, article.file, article.line, article.url, x.published,
        x.backbone, x.body_end, len(article.text), extracted_at,
    ))
    for i, a in enumerate(x.actors):
        rows["actors"].append((key, i, a.key, a.id, a.name, a.kind, a.role, a.affiliation))
        rows["mentions"] += _mention_rows(key, "actor", i, a.mentions)
    for i, p in enumerate(x.places):
        rows["places"].append((key, i, p.name, p.canonical, p.country, p.lat, p.lon))
        rows["mentions"] += _mention_rows(key, "place", i, p.mentions)
    for i, m in enumerate(x.money):
        rows["money"].append((key, i, m.text, m.start, m.end, m.value, m.currency, m.qualifier, m.value_max))
    for i, t in enumerate(x.times):
        interval = t.interval
        rows["times"].append((
            key, i, t.text, t.start, t.end, t.type, t.value, t.mod,
            interval.start if interval else None, interval.end if interval else None,
        ))
    for i, e in enumerate(x.events):
        rows["events"].append(_event_row(key, i, e))
        rows["event_actors"] += [(key, i, "source", j, actor) for j, actor in enumerate(e.source)]
        rows["event_actors"] += [(key, i, "target", j, actor) for j, actor in enumerate(e.target)]
        rows["mentions"] += _mention_rows(key, "evidence", i, e.evidence)
    return rows


def _mention_rows(key: str, owner: str, owner_index: int, mentions: Iterable[Mention]) -> list[tuple[Any, ...]]:
    return [(key, owner, owner_index, j, m.text, m.start, m.end) for j, m in enumerate(mentions)]


def _event_row(key: str, index: int, e: Event) -> tuple[Any, ...]:
    return (
        key, index, e.type, e.cameo, e.mode, e.status, e.trigger.text, e.trigger.start, e.trigger.end,
        e.sentence[0], e.sentence[1], e.place, e.time.start if e.time else None, e.time.end if e.time else None,
        e.duration, e.amount.value if e.amount else None, e.amount.currency if e.amount else None,
    )


def error_row(failure: InputFailure, recorded_at: dt.datetime) -> tuple[Any, ...]:
    """The ``errors`` row of a failure."""
    return (failure.source, failure.file, failure.line, failure.article_id, failure.stage, failure.reason, recorded_at)


class Store:
    """A DuckDB database of extracted articles (created with its tables if it does not exist)."""

    def __init__(self, path: str | Path) -> None:
        try:
            import duckdb
        except ImportError:
            raise LagebildError("corpus runs need DuckDB: pip install 'lagebild[store]'") from None
        try:
            self.db = duckdb.connect(str(path))
        except duckdb.Error as exc:
            raise LagebildError(f"cannot open the database {path}: {exc}") from None
        for name, columns in TABLES.items():
            definition = ", ".join(f'"{column}" {kind}' for column, kind in columns)
            primary_key = ", PRIMARY KEY (article_id)" if name == "articles" else ""
            self.db.execute(f"CREATE TABLE IF NOT EXISTS {name} ({definition}{primary_key})")

    def close(self) -> None:
        """Close the connection (everything written is already committed)."""
        self.db.close()

    def stored_hashes(self, ids: list[str]) -> dict[str, str]:
        """``{article id: content hash}`` of those of ``ids`` that are stored."""
        if not ids:
            return {}
        found = self.db.execute(
            "SELECT article_id, content_hash FROM articles WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids]
        ).fetchall()
        return dict(found)

    def write(self, extracted: list[tuple[Article, Extraction]], failures: list[InputFailure]) -> None:
        """Store whole articles (replacing older versions) and failures, all in one transaction."""
        now = dt.datetime.now()
        # The last version of an article wins when the input holds the same id twice.
        latest = {article.id: (article, x) for article, x in extracted}
        rows: Rows = {name: [] for name in TABLES}
        for article, x in latest.values():
            for name, table_rows in article_rows(article, x, now).items():
                rows[name] += table_rows
        rows["errors"] = [error_row(failure, now) for failure in failures]
        self.db.execute("BEGIN TRANSACTION")
        try:
            self._delete_articles(list(self.stored_hashes(list(latest))))
            for name, table_rows in rows.items():
                self._insert(name, table_rows)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _delete_articles(self, ids: list[str]) -> None:
        if ids:
            for name in ARTICLE_TABLES:
                self.db.execute(f"DELETE FROM {name} WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids])

    def _insert(self, name: str, rows: list[tuple[Any, ...]]) -> None:
        # One list parameter per column, zipped back into rows by unnest(): DuckDB's
        # executemany runs one statement per row, which is a hundred times slower.
        if not rows:
            return
        columns = TABLES[name]
        selects = ", ".join(f"unnest(${i}::{kind}[])" for i, (_, kind) in enumerate(columns, start=1))
        self.db.execute(f"INSERT INTO {name} SELECT {selects}", [list(values) for values in zip(*rows)])

    def clear_errors(self, source: str) -> None:
        """Forget the failures of an earlier run over ``source``: a run records its own afresh."""
        self.db.execute("DELETE FROM errors WHERE source = ?", [source])

    def counts(self) -> dict[str, int]:
        """The number of rows of every table."""
        return {name: self.db.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in TABLES}

    def export_parquet(self, folder: str | Path) -> list[Path]:
        """Write every table to ``folder/<table>.parquet``; return the paths."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for name in TABLES:
            path = folder / f"{name}.parquet"
            quoted = str(path).replace("'", "''")  # COPY takes no parameter for its file name
            self.db.execute(f"COPY {name} TO '{quoted}' (FORMAT PARQUET)")
            paths.append(path)
        return paths


# ---------------------------------------------------------------------------- runs


@attrs.define
class RunSummary:
    """What a corpus run did."""

    stored: int = 0
    skipped: int = 0
    events: int = 0
    failed: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        """The one-line summary printed at the end of ``lagebild run``."""
        rate = self.stored / self.seconds if self.seconds > 0 else 0.0
        return (
            f"{self.stored} articles stored, {self.skipped} already stored, {self.events} events, "
            f"{self.failed} errors in {self.seconds:.1f} s ({rate:.1f} articles/s)"
        )


class CorpusRun:
    """Streams articles through an extractor into a store, skipping what is stored already."""

    def __init__(self, store: Store, extractor: Extractor, *, batch_size: int = 32, n_process: int = 1) -> None:
        self.store = store
        self.extractor = extractor
        self.batch_size = batch_size
        self.n_process = n_process
        self.summary = RunSummary()
        self._in_extraction: collections.deque[Article] = collections.deque()
        self._failures: list[InputFailure] = []
        self._done: list[tuple[Article, Extraction]] = []
        self._progress: Any = None

    def run(self, items: Iterable[Article | InputFailure], progress: Any = None) -> RunSummary:
        """Extract and store every item not stored yet; ``progress`` is a tqdm bar or ``None``."""
        self._progress = progress
        started = time.perf_counter()
        to_extract = self._articles_to_extract(items)
        results = self.extractor.extract_many(
            ({"id": a.id, "text": a.text, "published": a.published} for a in to_extract),
            batch_size=self.batch_size,
            n_process=self.n_process,
        )
        for result in results:
            # extract_many yields one result per item in input order, so the oldest
            # article in extraction is the one this result belongs to.
            self._collect(self._in_extraction.popleft(), result)
            if len(self._done) >= self.batch_size:
                self._commit()
        self._commit()
        self.summary.seconds = time.perf_counter() - started
        return self.summary

    def _articles_to_extract(self, items: Iterable[Article | InputFailure]) -> Iterator[Article]:
        for batch in _chunks(items, self.batch_size):
            stored = self.store.stored_hashes([item.id for item in batch if isinstance(item, Article)])
            for item in batch:
                if isinstance(item, InputFailure):
                    self._fail(item)
                elif stored.get(item.id) == item.content_hash:
                    self.summary.skipped += 1
                    self._advance()
                else:
                    self._in_extraction.append(item)
                    yield item

    def _collect(self, article: Article, result: Extraction | ExtractionError) -> None:
        if isinstance(result, ExtractionError):
            self._fail(InputFailure(
                source=article.source, stage="extract", reason=result.reason,
                file=article.file, line=article.line, article_id=article.id,
            ))
            return
        self._done.append((article, result))
        self.summary.stored += 1
        self.summary.events += len(result.events)
        self._advance()

    def _fail(self, failure: InputFailure) -> None:
        self._failures.append(failure)
        self.summary.failed += 1
        self._advance()

    def _advance(self) -> None:
        if self._progress is not None:
            self._progress.update(1)

    def _commit(self) -> None:
        if self._done or self._failures:
            self.store.write(self._done, self._failures)
            self._done, self._failures = [], []


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_corpus(
    spec: str,
    db_path: str | Path,
    *,
    model: str = "auto",
    batch_size: int = 32,
    n_process: int = 1,
    parquet: str | Path | None = None,
    show_progress: bool = False,
) -> RunSummary:
    """Extract a folder of ``.txt`` files, a JSON Lines file or ``-`` (JSONL on stdin) into ``db_path``."""
    source, items, total = open_input(spec)
    if show_progress and total is None and spec != "-":
        total = count_jsonl_items(Path(spec))
    store = Store(db_path)
    try:
        store.clear_errors(source)
        run = CorpusRun(store, Extractor(model=model), batch_size=batch_size, n_process=n_process)
        progress = _progress_bar(total) if show_progress else None
        try:
            summary = run.run(items, progress)
        finally:
            if progress is not None:
                progress.close()
        if parquet is not None:
            store.export_parquet(parquet)
        return summary
    finally:
        store.close()


def _progress_bar(total: int | None) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=True)
