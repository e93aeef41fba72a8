"""HTML views of a Lagebild for Jupyter and static HTML export (inline CSS only, no dependencies).

* :func:`render_html(text, result) <render_html>` – the article with actors, places, money and
  times highlighted (``<mark>`` elements, overlaps allowed), event triggers underlined, a legend
  and the events table beneath;
* ``render_html(None, result)`` – what ``Extraction._repr_html_`` shows: the entities as
  lists of their mentions' own texts, and the events table;
* :func:`view` – an object that Jupyter renders as ``render_html(text, result)``;
* :func:`html_document` – a standalone HTML page (what ``view(...).save(path)`` writes).

Every piece of text is HTML-escaped. Overlapping spans are rendered by cutting the text at
every span boundary: each piece is one ``<mark>`` whose background is the colour of the
innermost span covering it (the shortest; ties in the order actor, place, money, time), and
every further category covering it adds a coloured bar under the text.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from .records import Event, Extraction

__all__ = ["CATEGORIES", "HTMLView", "Span", "html_document", "render_html", "spans", "view"]


class Category(NamedTuple):
    """How one kind of span is drawn: a light background and a darker bar colour."""

    label: str
    background: str
    bar: str


CATEGORIES: dict[str, Category] = {
    "actor": Category("actor", "#fde68a", "#b45309"),
    "place": Category("place", "#a7f3d0", "#047857"),
    "money": Category("money", "#bfdbfe", "#1d4ed8"),
    "time": Category("time", "#fbcfe8", "#be185d"),
}
TRIGGER_COLOUR = "#b91c1c"

QUAD_COLOURS = {
    "verbal cooperation": "#60a5fa",
    "material cooperation": "#1d4ed8",
    "verbal conflict": "#f59e0b",
    "material conflict": "#b91c1c",
    "neutral": "#9ca3af",
}

_BOX = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:14px;" \
    "line-height:1.9;color:#111827;background:#ffffff;padding:12px 14px;border:1px solid #e5e7eb;" \
    "border-radius:6px;max-width:100%;"
_TH = "text-align:left;padding:4px 8px;border-bottom:2px solid #d1d5db;background:#f3f4f6;color:#111827;"
_TD = "text-align:left;padding:4px 8px;border-bottom:1px solid #e5e7eb;vertical-align:top;color:#111827;"


class Span(NamedTuple):
    """One highlighted stretch of the text: ``category`` is a key of :data:`CATEGORIES` or ``"trigger"``."""

    start: int
    end: int
    category: str
    title: str


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def spans(result: Extraction) -> list[Span]:
    """Every mention of ``result`` as a :class:`Span`, sorted by position (triggers included)."""
    out: list[Span] = []
    for actor in result.actors:
        detail = " · ".join(x for x in (actor.kind, actor.role, actor.affiliation and f"for {actor.affiliation}") if x)
        for m in actor.mentions:
            out.append(Span(m.start, m.end, "actor", f"actor {actor.key} ({detail})"))
    for place in result.places:
        where = ", ".join(x for x in (place.canonical, place.country) if x)
        for m in place.mentions:
            out.append(Span(m.start, m.end, "place", f"place {where}"))
    for money in result.money:
        out.append(Span(money.start, money.end, "money", f"money {_amount(money.value, money.currency)} ({money.qualifier})"))
    for time in result.times:
        out.append(Span(time.start, time.end, "time", f"time {time.type} {time.value} {_interval(time.interval)}".rstrip()))
    for event in result.events:
        for m in (event.trigger, *event.evidence):
            out.append(Span(m.start, m.end, "trigger", f"event {event.type} {event.cameo or ''} ({event.status})"))
    out.sort(key=lambda s: (s.start, -s.end, s.category))
    return out


def _check(text: str, result: Extraction) -> None:
    def bad(what: str, mention_text: str, start: int, end: int) -> None:
        if not (0 <= start <= end <= len(text)) or text[start:end] != mention_text:
            raise ValueError(
                f"render_html: the text does not match the result ({what} {mention_text!r} at {start}-{end}"
                f" reads {text[start:end]!r}); pass the text the result was extracted from"
            )

    for actor in result.actors:
        for m in actor.mentions:
            bad("actor", m.text, m.start, m.end)
    for place in result.places:
        for m in place.mentions:
            bad("place", m.text, m.start, m.end)
    for money in result.money:
        bad("money", money.text, money.start, money.end)
    for time in result.times:
        bad("time", time.text, time.start, time.end)
    for event in result.events:
        for m in (event.trigger, *event.evidence):
            bad("trigger", m.text, m.start, m.end)


def _mark(piece: str, active: list[Span]) -> str:
    """One piece of text covered by the spans ``active`` (innermost first)."""
    cats = []
    for span in active:
        if span.category not in cats:
            cats.append(span.category)
    marked = [c for c in cats if c in CATEGORIES]
    trigger = "trigger" in cats
    titles = "\n".join(dict.fromkeys(s.title for s in active))
    if not marked:  # an event trigger only
        return (
            f'<span data-labels="trigger" title="{_e(titles)}" style="font-weight:600;text-decoration:underline;'
            f'text-decoration-color:{TRIGGER_COLOUR};text-decoration-thickness:2px;text-underline-offset:3px">'
            f"{_e(piece)}</span>"
        )
    primary = CATEGORIES[marked[0]]
    style = f"background:{primary.background};color:#111827;padding:2px 0;"
    bars = [f"inset 0 -{3 * (i + 1)}px 0 {CATEGORIES[c].bar}" for i, c in enumerate(marked[1:])]
    if bars:
        style += f"box-shadow:{','.join(bars)};"
    if trigger:
        style += (f"font-weight:600;text-decoration:underline;text-decoration-color:{TRIGGER_COLOUR};"
                  "text-decoration-thickness:2px;text-underline-offset:3px;")
    labels = " ".join(marked + (["trigger"] if trigger else []))
    return f'<mark data-labels="{labels}" title="{_e(titles)}" style="{style}">{_e(piece)}</mark>'


def highlight_text(text: str, result: Extraction) -> str:
    """The article as HTML, every span marked; text after ``body_end`` (boilerplate) greyed out."""
    _check(text, result)
    all_spans = spans(result)
    body_end = result.body_end if result.body_end is not None else len(text)
    cuts = {0, len(text), max(0, min(body_end, len(text)))}
    for span in all_spans:
        cuts.update((span.start, span.end))
    points = sorted(cuts)
    parts = []
    for lo, hi in zip(points, points[1:]):
        piece = text[lo:hi]
        active = [s for s in all_spans if s.start <= lo and hi <= s.end]
        active.sort(key=lambda s: (s.end - s.start, list(CATEGORIES).index(s.category) if s.category in CATEGORIES else 9))
        rendered = _mark(piece, active) if active else _e(piece)
        if lo >= body_end:
            rendered = f'<span style="color:#9ca3af">{rendered}</span>'
        parts.append(rendered)
    return "".join(parts)


def _legend() -> str:
    items = [
        f'<mark style="background:{c.background};color:#111827;padding:2px 6px;border-radius:3px">{c.label}</mark>'
        for c in CATEGORIES.values()
    ]
    items.append(
        f'<span style="font-weight:600;text-decoration:underline;text-decoration-color:{TRIGGER_COLOUR};'
        'text-decoration-thickness:2px;text-underline-offset:3px">event trigger</span>'
    )
    return (
        '<div style="font-size:12px;color:#4b5563;margin:0 0 8px 0">'
        + " ".join(items)
        + ' <span style="margin-left:6px">· a bar under the text marks a further category; hover for details</span></div>'
    )


def _amount(value: float, currency: str) -> str:
    for size, unit in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(value) >= size:
            return f"{value / size:g} {unit} {currency}"
    return f"{value:,.2f} {currency}".replace(".00 ", " ")


def _interval(interval: Any) -> str:
    if interval is None or (interval.start is None and interval.end is None):
        return ""
    start = interval.start.isoformat() if interval.start else "…"
    end = interval.end.isoformat() if interval.end else "…"
    return start if start == end else f"{start} – {end}"


def _roles(event: Event) -> str:
    source = ", ".join(event.source) or "–"
    target = ", ".join(event.target) or "–"
    return f"{source} → {target}"


def events_table(events: Iterable[Event]) -> str:
    """The events as an HTML table: type, status, source → target, place, time, amount, trigger."""
    from .frames import quad_class

    events = list(events)
    if not events:
        return '<p style="color:#6b7280;margin:8px 0 0 0">No events.</p>'
    head = "".join(f'<th style="{_TH}">{h}</th>' for h in
                   ("type", "status", "source → target", "place", "time", "amount", "trigger"))
    rows = []
    for event in events:
        quad = quad_class(event.type)
        dot = (f'<span title="{_e(quad)}" style="display:inline-block;width:10px;height:10px;border-radius:50%;'
               f'background:{QUAD_COLOURS[quad]};margin-right:6px"></span>')
        kind = f'{dot}<b>{_e(event.type)}</b> <span style="color:#6b7280">{_e(event.cameo)}</span>'
        if event.mode:
            kind += f' <span style="color:#6b7280">({_e(event.mode)})</span>'
        time = _interval(event.time)
        if event.duration:
            time = f"{time} ({event.duration})" if time else event.duration
        amount = _amount(event.amount.value, event.amount.currency) if event.amount else ""
        trigger = " … ".join(m.text for m in (event.trigger, *event.evidence))
        cells = (kind, _e(event.status), _e(_roles(event)), _e(event.place), _e(time), _e(amount),
                 f"<i>{_e(trigger)}</i> <span style=\"color:#6b7280\">@{event.trigger.start}</span>")
        rows.append("<tr>" + "".join(f'<td style="{_TD}">{c}</td>' for c in cells) + "</tr>")
    return (
        '<table style="border-collapse:collapse;margin:10px 0 0 0;font-size:13px;line-height:1.4;width:auto">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _chip(category: str, name: str, note: str) -> str:
    c = CATEGORIES[category]
    return (f'<span style="display:inline-block;margin:2px 8px 2px 0"><mark style="background:{c.background};'
            f'color:#111827;padding:2px 5px;border-radius:3px">{_e(name)}</mark>'
            f' <span style="color:#6b7280;font-size:12px">{_e(note)}</span></span>')


def entity_lists(result: Extraction) -> str:
    """The entities without the article text: one line per category, each mention's own text."""
    def said(mentions: Iterable[Any]) -> str:
        return ", ".join(dict.fromkeys(m.text for m in mentions))

    lines = {
        "actor": [_chip("actor", a.key, " · ".join(x for x in (a.kind, a.role, said(a.mentions)) if x))
                  for a in result.actors],
        "place": [_chip("place", p.canonical, " · ".join(x for x in (p.country, said(p.mentions)) if x))
                  for p in result.places],
        "money": [_chip("money", m.text, f"{_amount(m.value, m.currency)} · {m.qualifier}") for m in result.money],
        "time": [_chip("time", t.text, " · ".join(x for x in dict.fromkeys((t.value, _interval(t.interval))) if x))
                 for t in result.times],
    }
    rows = []
    for category, chips in lines.items():
        body = "".join(chips) if chips else '<span style="color:#9ca3af">none</span>'
        heading = {"actor": "actors", "place": "places", "money": "money", "time": "times"}[category]
        rows.append(f'<div><b style="display:inline-block;min-width:60px">{heading}</b> {body}</div>')
    return "".join(rows)


def _header(result: Extraction) -> str:
    bits = [f"published {result.published.isoformat()}" if result.published else "no publication date",
            f"backbone {result.backbone}"]
    counts = ", ".join(f"{len(getattr(result, f))} {f}" for f in ("actors", "places", "money", "times", "events"))
    return (f'<div style="font-size:12px;color:#4b5563;margin:0 0 6px 0"><b style="color:#111827">Lagebild</b>'
            f" · {_e(' · '.join(bits))} · {_e(counts)}</div>")


def render_html(text: str | None, result: Extraction) -> str:
    """An HTML fragment (inline CSS only) showing ``result``; highlights ``text`` when given.

    With ``text`` (the article ``result`` was extracted from) the article is shown with every
    actor, place, money and time mention highlighted, event triggers underlined, and the
    events table beneath. Without it (``None``), the entities are listed with their mentions'
    own texts. Raises :class:`ValueError` if ``text`` does not match the result's offsets.
    """
    if text is None:
        body = entity_lists(result)
    else:
        body = _legend() + f'<div style="white-space:pre-wrap;overflow-wrap:anywhere">{highlight_text(text, result)}</div>'
    return f'<div class="lagebild" style="{_BOX}">{_header(result)}{body}{events_table(result.events)}</div>'


def html_document(text: str | None, result: Extraction, title: str = "Lagebild") -> str:
    """A standalone HTML page of :func:`render_html` (UTF-8, no external resources)."""
    return (
        '<!DOCTYPE html>\n<html lang="de"><head><meta charset="utf-8">'
        f"<title>{_e(title)}</title></head>"
        f'<body style="margin:16px;background:#ffffff">{render_html(text, result)}</body></html>\n'
    )


class HTMLView:
    """``render_html(text, result)`` for Jupyter: displayed as HTML, ``save()`` writes a page."""

    def __init__(self, text: str | None, result: Extraction) -> None:
        if text is not None:
            _check(text, result)
        self.text = text
        self.result = result

    def _repr_html_(self) -> str:
        return render_html(self.text, self.result)

    def save(self, path: str | Path, title: str = "Lagebild") -> Path:
        """Write :func:`html_document` to ``path`` and return it."""
        path = Path(path)
        path.write_text(html_document(self.text, self.result, title), encoding="utf-8")
        return path


def view(text: str | None, result: Extraction) -> HTMLView:
    """The highlighted article for a notebook cell: ``lagebild.display.view(text, result)``."""
    return HTMLView(text, result)
