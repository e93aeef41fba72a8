"""lagebild's spaCy components, registered in pipeline order.

Each stage reads and writes ``doc._.lagebild`` (an :class:`Analysis`) and mirrors its
mentions into ``doc.spans["lagebild_<kind>"]`` so that displaCy and user code can see
them. Add them to your own German pipeline with::

    nlp.add_pipe("lagebild_body"); nlp.add_pipe("lagebild_actors"); ...

or all at once with :func:`lagebild.add_to_pipeline`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import attrs
from spacy.language import Language
from spacy.tokens import Doc

from .actors import ActorFinder, ActorMention, merge_actors
from .events import EventCoder, EventFinder
from .body import dateline_span, find_body_end
from .lexicons import load_lexicons
from .money import find_money
from .places import PlaceFinder, PlaceMention
from .records import Actor, Event, Money, Time
from .times import find_times

#: Component names in the order they must run.
STAGES = ("lagebild_body", "lagebild_money", "lagebild_times", "lagebild_actors", "lagebild_places", "lagebild_events")


@attrs.define
class Analysis:
    """What the stages have found so far in one doc (mutable while the pipeline runs)."""

    published: dt.date | None = None
    #: the doc's text, kept once: spaCy rebuilds ``Doc.text`` from all tokens on every access
    text: str = ""
    body_end: int | None = None
    dateline: tuple[int, int] = (0, 0)
    language: str = "unknown"
    html: bool = False
    actors: list[ActorMention] = attrs.Factory(list)
    actor_records: dict[str, Actor] = attrs.Factory(dict)
    places: list[PlaceMention] = attrs.Factory(list)
    money: list[Money] = attrs.Factory(list)
    all_money: list[Money] | None = None  # also those after the body, for the time stage
    times: list[Time] = attrs.Factory(list)
    events: list[Event] = attrs.Factory(list)

    def in_body(self, start: int) -> bool:
        """True when character ``start`` lies inside the article body."""
        return self.body_end is None or start < self.body_end


if not Doc.has_extension("lagebild"):
    Doc.set_extension("lagebild", default=None)


def analysis(doc: Doc) -> Analysis:
    """The :class:`Analysis` of ``doc``, created on first use (with the doc's text)."""
    if doc._.lagebild is None:
        doc._.lagebild = Analysis()
    if not doc._.lagebild.text:
        doc._.lagebild.text = doc.text
    return doc._.lagebild


def _inside(start: int, spans: list[tuple[int, int]]) -> bool:
    return any(lo <= start < hi for lo, hi in spans)


def _mirror(doc: Doc, key: str, items: list[Any], label: Any) -> None:
    spans = []
    for item in items:
        span = doc.char_span(item.start, item.end, label=label(item), alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[key] = spans


#: A German ordinal or year with its period (``2025.``, ``4.``) that may end a sentence.
_NUMBER_WITH_PERIOD = re.compile(r"\d+\.\Z")


@Language.component("lagebild_sentences", assigns=["token.is_sent_start"])
def sentence_stage(doc: Doc) -> Doc:
    """Sentence starts the rule splitter misses: after a line break, and after a number with its
    period (German tokenises ``2025.`` as one ordinal) when a capitalised word follows on a new line
    or after a year."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if not (token.text[:1].isupper() or token.text[:1].isdigit()):
            continue
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
        elif _NUMBER_WITH_PERIOD.match(previous.text) and len(previous.text) == 5 and token.text[:1].isupper():
            token.is_sent_start = True  # ``… im Jahr 2025. Die NATO …``
    return doc


@Language.component("lagebild_body", assigns=["doc._.lagebild"])
def body_stage(doc: Doc) -> Doc:
    """Mark where the article body ends (``Analysis.body_end``)."""
    state = analysis(doc)
    state.body_end = find_body_end(state.text)
    state.dateline = dateline_span(state.text)
    return doc


class ActorStage:
    """Find states, organisations and persons (``doc.spans["lagebild_actors"]``)."""

    def __init__(self, lexicons: list[str]) -> None:
        self.finder = ActorFinder(load_lexicons(lexicons))

    def __call__(self, doc: Doc) -> Doc:
        state = analysis(doc)
        amounts = [(m.start, m.end) for m in state.money]
        state.actors = [
            m for m in self.finder(doc, state.published, state.dateline[1])
            if state.in_body(m.start) and not (m.via == "compound" and _inside(m.start, amounts))  # ``US-Dollar``
        ]
        state.actor_records = merge_actors(state.actors, self.finder, state.published)
        _mirror(doc, "lagebild_actors", state.actors, lambda m: m.ref.key)
        return doc


class PlaceStage:
    """Find places (``doc.spans["lagebild_places"]``), never inside a person's name."""

    def __init__(self, lexicons: list[str]) -> None:
        self.finder = PlaceFinder(load_lexicons(lexicons))

    def __call__(self, doc: Doc) -> Doc:
        state = analysis(doc)
        named = {i for m in state.actors if m.ref.kind != "GPE" and m.via != "compound" for i in range(m.token_start, m.token_end)}
        state.places = [m for m in self.finder(doc, named, state.dateline[1]) if state.in_body(m.start)]
        _mirror(doc, "lagebild_places", state.places, lambda m: m.place.canonical)
        return doc


@Language.factory("lagebild_actors", default_config={"lexicons": []}, assigns=["doc._.lagebild", "doc.spans"])
def make_actor_stage(nlp: Language, name: str, lexicons: list[str]) -> ActorStage:
    """Factory of the actor stage; ``lexicons`` are extra lexicon files."""
    return ActorStage(lexicons)


@Language.factory("lagebild_places", default_config={"lexicons": []}, assigns=["doc._.lagebild", "doc.spans"])
def make_place_stage(nlp: Language, name: str, lexicons: list[str]) -> PlaceStage:
    """Factory of the place stage; ``lexicons`` are extra lexicon files."""
    return PlaceStage(lexicons)


@Language.component("lagebild_money", assigns=["doc._.lagebild", "doc.spans"])
def money_stage(doc: Doc) -> Doc:
    """Find money amounts (``doc.spans["lagebild_money"]``)."""
    state = analysis(doc)
    state.all_money = find_money(state.text)
    state.money = [m for m in state.all_money if state.in_body(m.start)]
    _mirror(doc, "lagebild_money", state.money, lambda m: m.currency)
    return doc


@Language.component("lagebild_times", assigns=["doc._.lagebild", "doc.spans"])
def time_stage(doc: Doc) -> Doc:
    """Find time expressions resolved against ``Analysis.published`` (``doc.spans["lagebild_times"]``)."""
    state = analysis(doc)
    # every amount, also after the body, so that amounts veto the same spans as before
    state.times = [t for t in find_times(state.text, state.published, state.all_money) if state.in_body(t.start)]
    _mirror(doc, "lagebild_times", state.times, lambda t: t.type)
    return doc


class EventStage:
    """Code events from the mentions found so far (``Analysis.events``)."""

    def __init__(self, nlp: Language, lexicons: list[str], statements: bool = False) -> None:
        self.nlp = nlp
        self.finder = EventFinder(load_lexicons(lexicons))
        self.statements = statements

    def __call__(self, doc: Doc) -> Doc:
        state = analysis(doc)
        role_of = self.nlp.get_pipe("lagebild_actors").finder.role_of if self.nlp.has_pipe("lagebild_actors") else (lambda w: None)
        keys = {ref: actor.key for ref, actor in state.actor_records.items()}
        # a person or a national body (``Bundesregierung``) acts for its state too
        affiliations = {a.key: a.affiliation for a in state.actor_records.values() if a.affiliation}
        coder = EventCoder(self.finder, doc, state, keys, affiliations, role_of)
        state.events = coder.code(state.body_end, statements=self.statements)
        used = {key for event in state.events for key in (*event.source, *event.target)}
        groups = [m for m in coder.generic if m.ref.name in used]
        state.actor_records.update(merge_actors(groups, None, state.published))
        return doc


@Language.factory(
    "lagebild_events",
    default_config={"lexicons": [], "statements": False},
    requires=["doc._.lagebild"],
    assigns=["doc._.lagebild"],
)
def make_event_stage(nlp: Language, name: str, lexicons: list[str], statements: bool) -> EventStage:
    """Factory of the event stage; ``lexicons`` are extra lexicon files, ``statements`` adds STATEMENT events."""
    return EventStage(nlp, lexicons, statements)


def add_to_pipeline(nlp: Language, lexicons: list[str] | tuple[str, ...] = (), *, statements: bool = False) -> Language:
    """Add every lagebild stage (in order) to ``nlp`` and return it.

    ``statements`` codes public statements whose content is no other event as STATEMENT
    events (CAMEO 01x); analysts counting PLOVER events leave them out (the default).
    """
    config = {"lexicons": [str(p) for p in lexicons]}
    for stage in STAGES:
        if stage == "lagebild_events":
            nlp.add_pipe(stage, config={**config, "statements": statements})
        elif stage in ("lagebild_actors", "lagebild_places"):
            nlp.add_pipe(stage, config=config)
        else:
            nlp.add_pipe(stage)
    return nlp
