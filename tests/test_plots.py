"""Tests for lagebild.plots: event timeline and actor network figures (matplotlib, Agg)."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from lagebild.display import QUAD_COLOURS
from lagebild.plots import actor_network, event_timeline, events_of, network_edges
from lagebild.records import Event, Extraction, Interval, Mention

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
from matplotlib.colors import to_hex  # noqa: E402
from matplotlib.dates import date2num  # noqa: E402
from matplotlib.patches import FancyArrowPatch, Rectangle  # noqa: E402


def event(kind: str, cameo: str, source=(), target=(), start=None, end=None, dated=True) -> Event:
    """A minimal event; the interval is [start, end] when dated."""
    time = Interval(start, end) if dated else None
    return Event(kind, cameo, "occurred", Mention("x", 0, 1), (0, 1), source=tuple(source), target=tuple(target), time=time)


D = dt.date
EVENTS = (
    event("AID", "0332", ["NATO"], ["UKR"], D(2025, 2, 13), D(2025, 2, 13)),
    event("ASSAULT", "190", ["RUS"], ["UKR"], D(2025, 2, 12), D(2025, 2, 14)),
    event("ACCUSE", "112", ["Dmitri Peskow", "RUS"], ["NATO"], None, D(2025, 2, 14)),
    event("STATEMENT", "010", ["UKR"], [], dated=False),
    event("ASSAULT", "195", ["RUS"], ["UKR"], D(2025, 2, 15), None),
)


def sample() -> Extraction:
    """A hand-built extraction with the five EVENTS."""
    return Extraction(backbone="test", events=EVENTS)


def bars(fig) -> list[Rectangle]:
    """The bars of the first axes (legend patches excluded)."""
    return [p for p in fig.axes[0].patches if isinstance(p, Rectangle)]


def test_events_of_accepts_every_input_form():
    """Extraction, list of results, (id, result) pairs, mappings and bare events all flatten to events."""
    r = sample()
    assert events_of(r) == list(EVENTS)
    assert events_of([r, r]) == list(EVENTS) * 2
    assert events_of([("a", r)]) == list(EVENTS)
    assert events_of({"a": r}) == list(EVENTS)
    assert events_of(EVENTS[:2]) == list(EVENTS[:2])
    with pytest.raises(TypeError, match="not str"):
        events_of(["text"])


def test_timeline_rows_bars_and_markers():
    """Closed intervals are bars from start to end + 1 day in quad colours; open ones are markers."""
    fig = event_timeline(sample())
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["ASSAULT 190: RUS → UKR", "AID 0332: NATO → UKR", "ACCUSE 112: Dmitri Peskow, RUS → NATO",
                      "ASSAULT 195: RUS → UKR"]
    assert [(b.get_x(), b.get_width(), round(b.get_y() + b.get_height() / 2, 9)) for b in bars(fig)] == [
        (date2num(D(2025, 2, 12)), 3.0, 0.0), (date2num(D(2025, 2, 13)), 1.0, 1.0)]
    assert [to_hex(b.get_facecolor()) for b in bars(fig)] == [QUAD_COLOURS["material conflict"],
                                                             QUAD_COLOURS["material cooperation"]]
    markers = [(line.get_marker(), line.get_xdata()[0], line.get_ydata()[0], to_hex(line.get_color()))
               for line in ax.get_lines()]
    assert markers == [("<", date2num(D(2025, 2, 14)), 2, QUAD_COLOURS["verbal conflict"]),
                       (">", date2num(D(2025, 2, 15)), 3, QUAD_COLOURS["material conflict"])]
    assert ax.get_title() == "4 events on the time line (1 without a time left out)"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "material cooperation", "verbal conflict", "material conflict"]


def test_timeline_is_at_least_a_week_wide():
    """A single-day event gets an x range of 7 days centred on it, so the ticks are days."""
    fig = event_timeline([EVENTS[0]])
    assert fig.axes[0].get_xlim() == (date2num(D(2025, 2, 10)), date2num(D(2025, 2, 17)))


def test_timeline_draws_into_given_axes_and_saves_png():
    """With ax= the plot goes into that axes' figure; the figure saves as a PNG."""
    from matplotlib.figure import Figure

    fig = Figure()
    ax = fig.add_subplot()
    assert event_timeline(sample(), ax=ax) is fig
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    assert buffer.getvalue()[:8] == b"\x89PNG\r\n\x1a\n"


def test_network_edges_count_source_target_pairs():
    """Every event adds one per source × target pair, per quad class."""
    edges = network_edges([sample(), sample()])
    assert {pair: dict(c) for pair, c in edges.items()} == {
        ("NATO", "UKR"): {"material cooperation": 2},
        ("RUS", "UKR"): {"material conflict": 4},
        ("Dmitri Peskow", "NATO"): {"verbal conflict": 2},
        ("RUS", "NATO"): {"verbal conflict": 2},
    }


def test_actor_network_arrows_widths_and_labels():
    """Arrows per pair, width 1 + 4 × count / max count, coloured by quad class; nodes on a circle."""
    fig = actor_network([sample()])
    ax = fig.axes[0]
    arrows = {p.get_gid(): (p.get_linewidth(), to_hex(p.get_edgecolor()))
              for p in ax.patches if isinstance(p, FancyArrowPatch)}
    assert arrows == {
        "NATO->UKR": (3.0, QUAD_COLOURS["material cooperation"]),
        "RUS->UKR": (5.0, QUAD_COLOURS["material conflict"]),
        "Dmitri Peskow->NATO": (3.0, QUAD_COLOURS["verbal conflict"]),
        "RUS->NATO": (3.0, QUAD_COLOURS["verbal conflict"]),
    }
    assert [t.get_text() for t in ax.texts] == ["NATO", "RUS", "UKR", "Dmitri Peskow"]
    assert ax.get_title() == "4 actors, 4 source → target pairs"


def test_actor_network_min_count_and_empty():
    """min_count drops rare pairs; no pairs at all gives a figure with a note."""
    ax = actor_network(sample(), min_count=2).axes[0]
    assert [p.get_gid() for p in ax.patches if isinstance(p, FancyArrowPatch)] == ["RUS->UKR"]
    empty = actor_network(Extraction(backbone="test")).axes[0]
    assert [t.get_text() for t in empty.texts] == ["no source → target events"]
