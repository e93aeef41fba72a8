"""Dask integration: a Bag or DataFrame of articles in, a Dask DataFrame of event rows out.

Each worker process loads the pipeline once (kept in a module global keyed by model) and
extracts its partitions with :meth:`lagebild.Extractor.extract_many`::

    import dask.bag
    from lagebild.dask import extract_bag

    items = [{"id": "a1", "text": "Die NATO sagte der Ukraine Hilfe zu.", "published": "2025-04-04"}]
    events = extract_bag(dask.bag.from_sequence(items), model="blank").compute()

This module is ``lagebild.dask``; the imports below are absolute, so ``dask`` is the
Dask package, never this module.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

import dask.bag
import dask.dataframe
import pandas as pd
from dask import delayed

from .api import Extractor, Item
from .records import Event, Extraction
from .store import default_article_id

# One row per event. Dates are ISO "YYYY-MM-DD" strings; source and target hold the
# actor keys joined by ";" (the DuckDB store has them one per row in event_actors).
EVENT_COLUMNS: dict[str, str] = {
    "article_id": "string",
    "event_index": "int64",
    "type": "string",
    "cameo": "string",
    "mode": "string",
    "status": "string",
    "source": "string",
    "target": "string",
    "place": "string",
    "time_start": "string",
    "time_end": "string",
    "amount_value": "float64",
    "amount_currency": "string",
    "trigger_text": "string",
    "trigger_start": "int64",
    "trigger_end": "int64",
}

_extractors: dict[str, Extractor] = {}
_extractors_lock = threading.Lock()  # a worker with several threads must load a model once


def worker_extractor(model: str) -> Extractor:
    """The extractor of ``model`` for this process, loaded on first use and then kept."""
    with _extractors_lock:
        if model not in _extractors:
            _extractors[model] = Extractor(model=model)
        return _extractors[model]


def event_rows(article_id: str, x: Extraction) -> list[dict[str, Any]]:
    """The event rows (see :data:`EVENT_COLUMNS`) of one extracted article."""
    return [_event_row(article_id, index, event) for index, event in enumerate(x.events)]


def _event_row(article_id: str, index: int, e: Event) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "event_index": index,
        "type": e.type,
        "cameo": e.cameo,
        "mode": e.mode,
        "status": e.status,
        "source": ";".join(e.source),
        "target": ";".join(e.target),
        "place": e.place,
        "time_start": e.time.start.isoformat() if e.time and e.time.start else None,
        "time_end": e.time.end.isoformat() if e.time and e.time.end else None,
        "amount_value": e.amount.value if e.amount else None,
        "amount_currency": e.amount.currency if e.amount else None,
        "trigger_text": e.trigger.text,
        "trigger_start": e.trigger.start,
        "trigger_end": e.trigger.end,
    }


def events_frame(rows: Iterable[dict[str, Any]]) -> pd.DataFrame:
    """A pandas DataFrame of event rows with the dtypes of :data:`EVENT_COLUMNS` (also the Dask meta)."""
    return pd.DataFrame(list(rows), columns=list(EVENT_COLUMNS)).astype(EVENT_COLUMNS)


def item_id(item: Item) -> str:
    """The article id of an item: its ``"id"``, else the content id of its text."""
    if isinstance(item, dict):
        if item.get("id") is not None:
            return str(item["id"])
        text = item.get("text")
    else:
        text = item[0] if isinstance(item, tuple) else item
    return default_article_id(text) if isinstance(text, str) else ""


def extract_items(items: Iterable[Item], model: str = "blank") -> pd.DataFrame:
    """The event rows of some items, extracted in this process; items that fail give no rows."""
    items = list(items)
    results = worker_extractor(model).extract_many(items)
    rows = []
    for item, result in zip(items, results):
        if isinstance(result, Extraction):
            rows += event_rows(item_id(item), result)
    return events_frame(rows)


def extract_bag(bag: dask.bag.Bag, model: str = "blank") -> dask.dataframe.DataFrame:
    """Extract a Bag of texts, ``(text, published)`` pairs or dicts into a DataFrame of event rows.

    Articles without an ``"id"`` get the content id of their text (see
    :func:`lagebild.store.default_article_id`).
    """
    parts = [delayed(extract_items)(part, model) for part in bag.to_delayed()]
    return dask.dataframe.from_delayed(parts, meta=events_frame([]), verify_meta=False)


def extract_dataframe(
    ddf: dask.dataframe.DataFrame,
    text_column: str,
    published_column: str | None = None,
    id_column: str | None = None,
    model: str = "blank",
) -> dask.dataframe.DataFrame:
    """Extract the articles of a Dask DataFrame into a DataFrame of event rows.

    The article id is the value of ``id_column``, or the row's index label if none is given.
    """
    return ddf.map_partitions(
        _extract_partition, text_column, published_column, id_column, model, meta=events_frame([])
    )


def _extract_partition(
    frame: pd.DataFrame, text_column: str, published_column: str | None, id_column: str | None, model: str
) -> pd.DataFrame:
    ids = frame[id_column] if id_column else frame.index.to_series()
    published = frame[published_column] if published_column else pd.Series(None, index=frame.index, dtype=object)
    items = [
        {"id": str(article_id), "text": text, "published": _date_or_none(day)}
        for article_id, text, day in zip(ids, frame[text_column], published)
    ]
    return extract_items(items, model)


def _date_or_none(value: Any) -> Any:
    # Missing dates arrive as NaN/NaT/None; pandas Timestamps are datetimes, which
    # parse_published accepts.
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value
