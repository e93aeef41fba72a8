"""Record types of a Lagebild (schema ``lagebild/1``).

Every record is an ``attrs`` frozen class with ``to_dict()``; character offsets point into
the input text (end exclusive) so that ``text[start:end] == record.text`` always holds.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import attrs

SCHEMA = "lagebild/1"

ACTOR_KINDS = ("PER", "ORG", "GPE")
TIME_TYPES = ("DATE", "TIME", "DURATION", "SET")
TIME_MODS = ("START", "MID", "END", "BEFORE", "AFTER", "APPROX")
MONEY_QUALIFIERS = ("exact", "more_than", "less_than", "about", "range")
EVENT_STATUSES = ("occurred", "pledged", "planned", "denied", "demanded")


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


@attrs.frozen
class Mention:
    """One place in the text where something is named."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """Return the mention as ``{"text", "start", "end"}``."""
        return {"text": self.text, "start": self.start, "end": self.end}


@attrs.frozen
class Interval:
    """An inclusive calendar interval; either end may be open (``None``)."""

    start: dt.date | None = None
    end: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"start": "YYYY-MM-DD"|None, "end": ...}``."""
        return {"start": _iso(self.start), "end": _iso(self.end)}


@attrs.frozen
class Actor:
    """A person, organisation or state, with every mention of it merged."""

    id: str | None
    name: str
    kind: str = attrs.field(validator=attrs.validators.in_(ACTOR_KINDS))
    role: str | None = None
    affiliation: str | None = None
    mentions: tuple[Mention, ...] = ()

    @property
    def key(self) -> str:
        """The id where one exists, else the name: how events refer to this actor."""
        return self.id or self.name

    def to_dict(self) -> dict[str, Any]:
        """Return the actor in schema ``lagebild/1``."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "role": self.role,
            "affiliation": self.affiliation,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@attrs.frozen
class Place:
    """A located place: canonical English GeoNames-style name, ISO alpha-2 country."""

    name: str
    canonical: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    mentions: tuple[Mention, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the place in schema ``lagebild/1``."""
        return {
            "name": self.name,
            "canonical": self.canonical,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@attrs.frozen
class Money:
    """A money amount: value in currency units, ISO 4217 currency, qualifier."""

    text: str
    start: int
    end: int
    value: float
    currency: str
    qualifier: str = attrs.field(default="exact", validator=attrs.validators.in_(MONEY_QUALIFIERS))
    value_max: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the amount in schema ``lagebild/1``."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "currency": self.currency,
            "qualifier": self.qualifier,
            "value_max": self.value_max,
        }


@attrs.frozen
class Time:
    """A TIMEX3-style temporal expression and the calendar interval it denotes."""

    text: str
    start: int
    end: int
    type: str = attrs.field(validator=attrs.validators.in_(TIME_TYPES))
    value: str
    mod: str | None = attrs.field(default=None, validator=attrs.validators.optional(attrs.validators.in_(TIME_MODS)))
    interval: Interval | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the expression in schema ``lagebild/1``."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
            "interval": (self.interval or Interval()).to_dict(),
        }


@attrs.frozen
class Amount:
    """The amount attached to an event."""

    value: float
    currency: str

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"value", "currency"}``."""
        return {"value": self.value, "currency": self.currency}


@attrs.frozen
class Event:
    """A coded interaction: PLOVER type, CAMEO code, status, roles and attachments."""

    type: str
    cameo: str | None
    status: str = attrs.field(validator=attrs.validators.in_(EVENT_STATUSES))
    trigger: Mention
    sentence: tuple[int, int]
    mode: str | None = None
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    place: str | None = None
    time: Interval | None = None
    duration: str | None = None
    amount: Amount | None = None
    evidence: tuple[Mention, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the event in schema ``lagebild/1``."""
        return {
            "type": self.type,
            "cameo": self.cameo,
            "mode": self.mode,
            "status": self.status,
            "trigger": self.trigger.to_dict(),
            "sentence": {"start": self.sentence[0], "end": self.sentence[1]},
            "source": list(self.source),
            "target": list(self.target),
            "place": self.place,
            "time": self.time.to_dict() if self.time else None,
            "duration": self.duration,
            "amount": self.amount.to_dict() if self.amount else None,
            "evidence": [m.to_dict() for m in self.evidence],
        }


@attrs.frozen
class Extraction:
    """Everything lagebild found in one article."""

    backbone: str
    published: dt.date | None = None
    body_end: int | None = None
    language: str = "unknown"
    html: bool = False
    #: the text all offsets point into: the input, or the text of an HTML input
    text: str | None = attrs.field(default=None, repr=False)
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    money: tuple[Money, ...] = ()
    times: tuple[Time, ...] = ()
    events: tuple[Event, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the whole result in schema ``lagebild/1`` (see ``docs/schema.md``)."""
        return {
            "schema": SCHEMA,
            "backbone": self.backbone,
            "published": _iso(self.published),
            "body_end": self.body_end,
            "language": self.language,
            "html": self.html,
            **({"text": self.text} if self.html else {}),
            "actors": [a.to_dict() for a in self.actors],
            "places": [p.to_dict() for p in self.places],
            "money": [m.to_dict() for m in self.money],
            "times": [t.to_dict() for t in self.times],
            "events": [e.to_dict() for e in self.events],
        }

    def spans(self) -> Iterator[tuple[str, str, int, int]]:
        """Every ``(kind, text, start, end)`` span of the result, in record order.

        Kinds are ``actor``, ``place``, ``money``, ``time``, ``trigger`` and ``evidence``;
        the offsets point into the analysed text (``text`` when the input was HTML).
        """
        for actor in self.actors:
            for m in actor.mentions:
                yield "actor", m.text, m.start, m.end
        for place in self.places:
            for m in place.mentions:
                yield "place", m.text, m.start, m.end
        for money in self.money:
            yield "money", money.text, money.start, money.end
        for time in self.times:
            yield "time", time.text, time.start, time.end
        for event in self.events:
            yield "trigger", event.trigger.text, event.trigger.start, event.trigger.end
            for m in event.evidence:
                yield "evidence", m.text, m.start, m.end

    def to_json(self, **kwargs: Any) -> str:
        """Return ``to_dict()`` as JSON (``ensure_ascii=False``; extra kwargs go to ``json.dumps``)."""
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    def to_pandas(self) -> dict[str, Any]:
        """Return pandas DataFrames ``{"actors", "places", "money", "times", "events"}`` (see ``docs/notebooks.md``)."""
        from .frames import extraction_frames

        return extraction_frames(self)

    def _repr_html_(self) -> str:
        """Jupyter display: the highlighted text if the result carries it, else entity lists; then the events."""
        from .display import render_html

        return render_html(getattr(self, "text", None), self)


@attrs.frozen
class ExtractionError:
    """Stands in for the result of one item of ``Extractor.extract_many`` that could not be extracted.

    ``index`` is the item's position in the input stream (from 0), ``id`` its ``"id"`` when
    the item was a dict that had one, ``reason`` a one-line description of what went wrong.
    """

    index: int
    id: str | None
    reason: str

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"index", "id", "reason"}``."""
        return {"index": self.index, "id": self.id, "reason": self.reason}
