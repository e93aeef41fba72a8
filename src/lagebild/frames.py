"""pandas DataFrames of a Lagebild: one table per record type (``pip install lagebild[pandas]``).

``Extraction.to_pandas()`` returns the tables of one article; :func:`to_pandas` those of many,
with an ``article`` column first. pandas is imported inside the functions only, so
``import lagebild`` works without it. Column names and dtypes are listed in
``docs/notebooks.md`` and in :data:`COLUMNS`.

Conventions:

* text columns have the nullable ``string`` dtype (missing values are ``<NA>``);
  CAMEO codes are strings, leading zeros kept (``"0332"``);
* dates are ``datetime64[ns]`` at midnight (missing or open ends are ``NaT``);
* ``source`` / ``target`` / ``evidence`` of an event are joined with ``";"``
  (``"Mark Rutte;NATO"``), ``<NA>`` when empty; ``df.source.str.split(";").explode()``
  gives one row per actor key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .records import Actor, Event, Extraction, Place

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["COLUMNS", "QUAD_CLASSES", "SEPARATOR", "TABLES", "quad_class", "to_pandas", "extraction_frames"]

SEPARATOR = ";"
"""How the actor keys of ``source`` / ``target`` (and evidence texts) are joined in one cell."""

TABLES = ("actors", "places", "money", "times", "events")

# PLOVER quad classes, in the order of the PLOVER manual's event list
# (AGREE … CONCEDE, COOPERATE … RETREAT, REQUEST … THREATEN, PROTEST … ASSAULT).
QUAD_CLASSES: dict[str, tuple[str, ...]] = {
    "verbal cooperation": ("AGREE", "CONSULT", "SUPPORT", "CONCEDE"),
    "material cooperation": ("COOPERATE", "AID", "RETREAT"),
    "verbal conflict": ("REQUEST", "ACCUSE", "REJECT", "THREATEN"),
    "material conflict": ("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
}
_QUAD_OF = {kind: quad for quad, kinds in QUAD_CLASSES.items() for kind in kinds}


def quad_class(event_type: str) -> str:
    """The PLOVER quad class of an event type; ``"neutral"`` for ``STATEMENT`` and unknown types."""
    return _QUAD_OF.get(event_type, "neutral")


# column -> dtype, in column order. "date" columns become datetime64[ns].
COLUMNS: dict[str, dict[str, str]] = {
    "actors": {
        "key": "string",
        "id": "string",
        "name": "string",
        "kind": "string",
        "role": "string",
        "affiliation": "string",
        "mentions": "int64",
        "first_start": "Int64",
        "first_end": "Int64",
    },
    "places": {
        "name": "string",
        "canonical": "string",
        "country": "string",
        "lat": "float64",
        "lon": "float64",
        "mentions": "int64",
        "first_start": "Int64",
        "first_end": "Int64",
    },
    "money": {
        "text": "string",
        "start": "int64",
        "end": "int64",
        "value": "float64",
        "currency": "string",
        "qualifier": "string",
        "value_max": "float64",
    },
    "times": {
        "text": "string",
        "start": "int64",
        "end": "int64",
        "type": "string",
        "value": "string",
        "mod": "string",
        "interval_start": "date",
        "interval_end": "date",
    },
    "events": {
        "type": "string",
        "quad": "string",
        "cameo": "string",
        "mode": "string",
        "status": "string",
        "trigger": "string",
        "trigger_start": "int64",
        "trigger_end": "int64",
        "sentence_start": "int64",
        "sentence_end": "int64",
        "source": "string",
        "target": "string",
        "place": "string",
        "time_start": "date",
        "time_end": "date",
        "duration": "string",
        "amount_value": "float64",
        "amount_currency": "string",
        "evidence": "string",
    },
}


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as error:
        raise ImportError("lagebild's DataFrames need pandas: pip install 'lagebild[pandas]'") from error
    return pandas


def _join(items: Iterable[str]) -> str | None:
    items = list(items)
    return SEPARATOR.join(items) if items else None


def _first(mentions: tuple) -> tuple[int | None, int | None]:
    if not mentions:
        return None, None
    first = min(mentions, key=lambda m: (m.start, m.end))
    return first.start, first.end


def _actor_row(actor: Actor) -> dict[str, Any]:
    start, end = _first(actor.mentions)
    return {
        "key": actor.key,
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "role": actor.role,
        "affiliation": actor.affiliation,
        "mentions": len(actor.mentions),
        "first_start": start,
        "first_end": end,
    }


def _place_row(place: Place) -> dict[str, Any]:
    start, end = _first(place.mentions)
    return {
        "name": place.name,
        "canonical": place.canonical,
        "country": place.country,
        "lat": place.lat,
        "lon": place.lon,
        "mentions": len(place.mentions),
        "first_start": start,
        "first_end": end,
    }


def _event_row(event: Event) -> dict[str, Any]:
    return {
        "type": event.type,
        "quad": quad_class(event.type),
        "cameo": event.cameo,
        "mode": event.mode,
        "status": event.status,
        "trigger": event.trigger.text,
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        "sentence_start": event.sentence[0],
        "sentence_end": event.sentence[1],
        "source": _join(event.source),
        "target": _join(event.target),
        "place": event.place,
        "time_start": event.time.start if event.time else None,
        "time_end": event.time.end if event.time else None,
        "duration": event.duration,
        "amount_value": event.amount.value if event.amount else None,
        "amount_currency": event.amount.currency if event.amount else None,
        "evidence": _join(m.text for m in event.evidence),
    }


def _rows(result: Extraction) -> dict[str, list[dict[str, Any]]]:
    return {
        "actors": [_actor_row(a) for a in result.actors],
        "places": [_place_row(p) for p in result.places],
        "money": [
            {k: m.to_dict()[k] for k in COLUMNS["money"]} for m in result.money
        ],
        "times": [
            {
                "text": t.text,
                "start": t.start,
                "end": t.end,
                "type": t.type,
                "value": t.value,
                "mod": t.mod,
                "interval_start": t.interval.start if t.interval else None,
                "interval_end": t.interval.end if t.interval else None,
            }
            for t in result.times
        ],
        "events": [_event_row(e) for e in result.events],
    }


def _frame(table: str, rows: list[dict[str, Any]], article: list[Any] | None = None) -> pd.DataFrame:
    pd = _pandas()

    columns = COLUMNS[table]
    data: dict[str, Any] = {}
    if article is not None:
        data["article"] = _article_series(article)
    for name, dtype in columns.items():
        values = [row[name] for row in rows]
        if dtype == "date":
            stamps = [pd.Timestamp(v) if isinstance(v, dt.date) else pd.NaT for v in values]
            data[name] = pd.Series(stamps, dtype="datetime64[ns]")
        elif dtype == "string":
            data[name] = pd.Series(values, dtype="string")
        elif dtype == "float64":
            data[name] = pd.Series([float("nan") if v is None else v for v in values], dtype="float64")
        else:
            data[name] = pd.Series(values, dtype=dtype)
    return pd.DataFrame(data)


def _article_series(article: list[Any]) -> Any:
    pd = _pandas()

    if all(isinstance(a, int) and not isinstance(a, bool) for a in article):
        return pd.Series(article, dtype="int64")
    if all(isinstance(a, str) for a in article):
        return pd.Series(article, dtype="string")
    return pd.Series(article, dtype="object")


def extraction_frames(result: Extraction) -> dict[str, pd.DataFrame]:
    """The five tables of one article: ``{"actors", "places", "money", "times", "events"}``."""
    rows = _rows(result)
    return {table: _frame(table, rows[table]) for table in TABLES}


def _items(results: Any) -> list[tuple[Any, Extraction]]:
    if isinstance(results, Extraction):
        raise TypeError("to_pandas(results) takes many results; use result.to_pandas() for one")
    if isinstance(results, Mapping):
        pairs = list(results.items())
    else:
        pairs = []
        for index, item in enumerate(results):
            if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Extraction):
                pairs.append(item)
            else:
                pairs.append((index, item))
    for article, result in pairs:
        if not isinstance(result, Extraction):
            raise TypeError(f"article {article!r}: expected an Extraction, not {type(result).__name__}")
    return pairs


def to_pandas(results: Any) -> dict[str, pd.DataFrame]:
    """The five tables of many articles, each with an ``article`` column first.

    ``results`` is an iterable of :class:`~lagebild.Extraction` (``article`` is the position in
    the input, ``int64``), of ``(id, Extraction)`` pairs (``article`` is the id: ``string`` dtype
    when every id is a str), or a mapping ``{id: Extraction}``. Rows keep the input order.
    """
    pairs = _items(results)
    frames = {}
    per_article = [(article, _rows(result)) for article, result in pairs]
    for table in TABLES:
        rows: list[dict[str, Any]] = []
        article: list[Any] = []
        for key, tables in per_article:
            rows.extend(tables[table])
            article.extend([key] * len(tables[table]))
        frames[table] = _frame(table, rows, article)
    return frames
