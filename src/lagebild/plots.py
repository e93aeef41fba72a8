"""matplotlib plots of a Lagebild (``pip install lagebild[plot]``): event timeline, actor network.

Both functions return a :class:`matplotlib.figure.Figure`. Figures are created without
``pyplot`` (so they are not shown twice in Jupyter and not kept alive by pyplot); in a
notebook run ``%matplotlib inline`` once, then a returned figure is displayed as an image.
Pass ``ax=`` to draw into an existing axes instead. matplotlib is imported inside the
functions only. Colours are the PLOVER quad classes of :data:`lagebild.frames.QUAD_CLASSES`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .display import QUAD_COLOURS
from .frames import quad_class
from .records import Event, Extraction

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["QUAD_COLOURS", "actor_network", "event_timeline", "events_of", "network_edges"]


def _require_matplotlib() -> None:
    try:
        import matplotlib  # noqa: F401
    except ImportError as error:
        raise ImportError("lagebild's plots need matplotlib: pip install 'lagebild[plot]'") from error


def events_of(results_or_events: Any) -> list[Event]:
    """Flatten an Extraction, Events, Extractions, ``(id, Extraction)`` pairs or ``{id: Extraction}``."""
    if isinstance(results_or_events, Extraction):
        return list(results_or_events.events)
    if isinstance(results_or_events, Event):
        return [results_or_events]
    if isinstance(results_or_events, Mapping):
        results_or_events = results_or_events.values()
    events: list[Event] = []
    for item in results_or_events:
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Extraction):
            item = item[1]
        if isinstance(item, Extraction):
            events.extend(item.events)
        elif isinstance(item, Event):
            events.append(item)
        else:
            raise TypeError(f"expected Extraction or Event objects, not {type(item).__name__}")
    return events


def _axes(ax: Axes | None, size: tuple[float, float]) -> tuple[Figure, Axes]:
    if ax is not None:
        return ax.figure, ax
    from matplotlib.figure import Figure

    fig = Figure(figsize=size, layout="constrained")
    return fig, fig.add_subplot()


def _label(event: Event) -> str:
    roles = ", ".join(event.source) or "?"
    if event.target:
        roles += " → " + ", ".join(event.target)
    return f"{event.type} {event.cameo or ''}: {roles}".replace("  ", " ")


def _quad_legend(ax: Axes, quads: Iterable[str], **kwargs: Any) -> None:
    from matplotlib.patches import Patch

    seen = set(quads)
    present = [q for q in QUAD_COLOURS if q in seen]
    if present:
        handles = [Patch(facecolor=QUAD_COLOURS[q], label=q) for q in present]
        ax.legend(handles=handles, fontsize="small", **kwargs)


def event_timeline(results_or_events: Any, ax: Axes | None = None) -> Figure:
    """Events on their time intervals, one row each, coloured by PLOVER quad class.

    A closed interval is a bar from its first to the end of its last day; an interval open at
    one end is a marker (``>`` from a start, ``<`` up to an end) at its known end. Events
    without a time are left out; the title says how many. Rows are sorted by start date.
    """
    _require_matplotlib()
    import matplotlib.dates as mdates

    events = events_of(results_or_events)
    dated = [e for e in events if e.time is not None and (e.time.start or e.time.end)]
    dated.sort(key=lambda e: (e.time.start or e.time.end, e.time.end or e.time.start, e.type))
    fig, ax = _axes(ax, (9, max(2.5, 0.35 * len(dated) + 1.5)))
    day = dt.timedelta(days=1)
    for row, event in enumerate(dated):
        colour = QUAD_COLOURS[quad_class(event.type)]
        start, end = event.time.start, event.time.end
        if start and end:
            left = mdates.date2num(start)
            ax.barh(row, mdates.date2num(end + day) - left, left=left, height=0.6, color=colour,
                    edgecolor="#374151", linewidth=0.5)
        else:
            marker = ">" if start else "<"
            ax.plot([mdates.date2num(start or end)], [row], marker=marker, markersize=9, color=colour,
                    markeredgecolor="#374151", linestyle="none")
    ax.set_yticks(range(len(dated)), [_label(e) for e in dated], fontsize="small")
    ax.set_ylim(len(dated) - 0.5, -0.5)
    ax.xaxis_date()
    if dated:  # at least a week wide, so that the ticks are days, not hours
        first = min(e.time.start or e.time.end for e in dated)
        last = max(e.time.end or e.time.start for e in dated) + day
        pad = max(day, (dt.timedelta(days=7) - (last - first)) / 2)
        ax.set_xlim(mdates.date2num(first - pad), mdates.date2num(last + pad))
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.grid(axis="x", color="#e5e7eb")
    ax.set_axisbelow(True)
    left_out = len(events) - len(dated)
    title = f"{len(dated)} events on the time line"
    if left_out:
        title += f" ({left_out} without a time left out)"
    ax.set_title(title, fontsize="medium")
    _quad_legend(ax, (quad_class(e.type) for e in dated), loc="best")
    return fig


def network_edges(results_or_events: Any) -> dict[tuple[str, str], Counter]:
    """``{(source, target): Counter(quad class -> events)}`` over every source × target pair of every event."""
    edges: dict[tuple[str, str], Counter] = {}
    for event in events_of(results_or_events):
        for source in event.source:
            for target in event.target:
                if source != target:
                    edges.setdefault((source, target), Counter())[quad_class(event.type)] += 1
    return edges


def _dominant(counts: Counter) -> str:
    """The quad class most events of an edge have; ties go to the first in QUAD_COLOURS order."""
    order = list(QUAD_COLOURS)
    return max(counts, key=lambda q: (counts[q], -order.index(q)))


def actor_network(results: Any, ax: Axes | None = None, min_count: int = 1) -> Figure:
    """Who acts on whom: a directed graph of actor keys on a circle, source → target.

    Every event adds one to each of its source × target pairs (a person and the state they act
    for both count). An edge's width grows with its event count, its colour is the quad class
    most of its events have. Pairs with fewer than ``min_count`` events are left out. Actors
    without any edge are not drawn.
    """
    _require_matplotlib()
    from matplotlib.patches import FancyArrowPatch

    edges = {pair: c for pair, c in network_edges(results).items() if sum(c.values()) >= min_count}
    fig, ax = _axes(ax, (7, 7))
    ax.set_aspect("equal")
    ax.axis("off")
    if not edges:
        ax.text(0.5, 0.5, "no source → target events", ha="center", va="center", transform=ax.transAxes,
                color="#6b7280")
        return fig
    degree: Counter = Counter()
    for (source, target), counts in edges.items():
        degree[source] += sum(counts.values())
        degree[target] += sum(counts.values())
    nodes = sorted(degree, key=lambda n: (-degree[n], n))
    pos = {
        node: (math.cos(math.pi / 2 - 2 * math.pi * i / len(nodes)), math.sin(math.pi / 2 - 2 * math.pi * i / len(nodes)))
        for i, node in enumerate(nodes)
    }
    most = max(sum(c.values()) for c in edges.values())
    for (source, target), counts in sorted(edges.items()):
        total = sum(counts.values())
        quad = _dominant(counts)
        arrow = FancyArrowPatch(
            pos[source], pos[target], arrowstyle="-|>", mutation_scale=14, shrinkA=16, shrinkB=16,
            connectionstyle="arc3,rad=0.12", linewidth=1 + 4 * total / most, color=QUAD_COLOURS[quad],
            alpha=0.85, zorder=1,
        )
        arrow.set_gid(f"{source}->{target}")
        ax.add_patch(arrow)
    xs, ys = zip(*(pos[n] for n in nodes))
    ax.scatter(xs, ys, s=[120 + 40 * degree[n] for n in nodes], color="#f9fafb", edgecolors="#374151", zorder=2)
    for node in nodes:
        x, y = pos[node]
        ax.annotate(node, (x, y), xytext=(x * 1.16, y * 1.16), ha="center", va="center", fontsize="small", zorder=3)
    ax.set_xlim(-1.45, 1.45)
    ax.set_ylim(-1.3, 1.3)
    ax.set_title(f"{len(nodes)} actors, {len(edges)} source → target pairs", fontsize="medium")
    _quad_legend(ax, (_dominant(c) for c in edges.values()), loc="lower left")
    return fig
