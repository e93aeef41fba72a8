"""The event coder: one pass over a doc's sentences, from triggers to merged events."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import attrs
from spacy.tokens import Doc

from ..actors import ActorMention, is_locative
from ..places import PlaceMention
from ..records import Event, Mention
from .attachment import Attachment, is_visit
from .clauses import ByStart, Clauses, quoted_tokens
from .entries import TriggerHit
from .german import (
    DEFINITE_ARTICLES,
    DEMONSTRATIVES,
    HYPOTHETICAL,
    LIST_CONTINUATIONS,
    PHYSICAL_TYPES,
    PLACE_TARGET_TYPES,
    RELATIVE_PRONOUNS,
    WINDOW,
)
from .grammar import PhraseGrammar
from .groups import GroupFinder
from .merging import (
    Draft,
    contiguous,
    doers_from_frame,
    merge_drafts,
    one_event_per_demand,
    statements_without_content,
    token_mention,
    without_allegations,
)
from .roles import RoleReader
from .subjects import SubjectFinder
from .triggers import EventFinder, absorb_objects


class EventCoder(RoleReader, SubjectFinder, PhraseGrammar, GroupFinder, Attachment):
    """Codes the events of one doc from its trigger hits and mentions."""

    def __init__(
        self, finder: EventFinder, doc: Doc, found: Any, keys: dict[str, str], affiliations: dict[str, str],
        is_role: Callable[[str], object] = lambda word: False,
    ) -> None:
        """``found`` is the doc's ``Analysis``: its text, date and the mentions of the earlier stages."""
        self.finder, self.doc, self.published, self.text = finder, doc, found.published, found.text
        actors, places, times, money = found.actors, found.places, found.times, found.money
        self.finder_roles = is_role
        self.tokens = list(doc)  # spaCy builds a Token object per access: build them once per doc
        self.lowers = [t.lower_ for t in self.tokens]
        self.token_ends = [t.idx + len(t) for t in self.tokens]
        self.actors, self.places, self.times, self.money = actors, places, times, money
        self.keys, self.affiliations = dict(keys), dict(affiliations)
        self.adjective_ends = {m.token_end: m.ref.id for m in actors if m.ref.kind == "GPE" and m.via == "adjective"}
        self.place_index = ByStart(places)
        self.generic = self._generic_mentions()
        self.anaphors = self._anaphor_mentions()
        self.candidates = ByStart(sorted(
            (m for m in (*actors, *self.generic, *self.anaphors) if m.ref.id not in finder.news_agencies), key=lambda m: m.start
        ))
        self.actor_index = ByStart(actors)
        self.time_index = ByStart(times)
        self.money_index = ByStart(money)
        self.role_holders = {m.token_start for m in actors if m.ref.kind == "PER" and m.role}
        self.mention_ends: dict[int, list[ActorMention]] = {}
        for m in self.candidates.items:
            self.mention_ends.setdefault(m.token_end, []).append(m)
        self.dateline = next((p for p in places if p.dateline), None)
        self.recent_place: PlaceMention | None = None
        self.groups_named = {m.ref.name for m in self.generic}
        self.last_person: str | None = None

    def code(self, body_end: int | None, statements: bool = False) -> list[Event]:
        """All events of the doc that have a source, mentions of one event merged; STATEMENTs only with ``statements``."""
        drafts: list[Draft] = []
        blocked = quoted_tokens(self.tokens) | {i for m in self.generic for i in range(m.token_start, m.token_end)}
        money_tokens = sorted({self._token_at(m.start) for m in self.money})
        for sentence in self.doc.sents:
            if body_end is not None and sentence.start_char >= body_end:
                break  # page boilerplate after the article body holds no events
            clauses = Clauses(sentence, self.tokens[sentence.start : sentence.end], self.lowers[sentence.start : sentence.end])
            if "\n" in self.text[max(0, sentence.start_char - 2) : sentence.start_char + 1]:
                self.recent_place = None  # a new paragraph may be somewhere else
            hits = absorb_objects(clauses, self.finder.triggers(clauses, blocked, money_tokens))
            # ``das Abkommen`` alone refers to a document; statements are drafted only when asked for
            hits = [h for h in hits if not (h.trigger.document and len(h.tokens) == 1) and (statements or h.trigger.type != "STATEMENT")]
            starts = [h.tokens[0] for h in hits]
            drafted = [self._draft(clauses, hit, starts) for hit in hits if self._codable(clauses, hit, body_end)]
            drafts += statements_without_content(one_event_per_demand(without_allegations(doers_from_frame(drafted))))
            located = [p for p in self.place_index.between(sentence.start_char, sentence.end_char) if p.place.feature == "city" and is_locative(self.doc, p.token_start)]
            if located:
                self.recent_place = located[-1]
            persons = [m for m in self.actor_index.between(sentence.start_char, sentence.end_char) if m.ref.kind == "PER"]
            if persons:
                self.last_person = self.keys[persons[0].ref.key]
        # An event nobody did cannot be coded (and never matches an analyst's record).
        merged = [d for d in merge_drafts(drafts) if d.source]
        for draft in merged:
            if is_visit(draft.trigger) and not draft.target and draft.place is not None:
                # ``reiste zu Gesprächen nach Ankara``: the place came with the noun, the visit goes to its state
                state = self.finder.state_of_country.get(draft.place.place.country)
                draft.target = [state] if state and state not in draft.source else []
        return [d.to_event() for d in merged]

    def _draft(self, clauses: Clauses, hit: TriggerHit, triggers: Sequence[int]) -> Draft:
        sentence, tokens = clauses.sentence, clauses.tokens
        main = self.tokens[hit.tokens[0]]
        k = main.i - sentence.start
        first = max(clauses.start(k), k - WINDOW)
        last = clauses.end(max(hit.tokens) - sentence.start)
        if last + 1 < len(tokens) and clauses.words[last + 1] in LIST_CONTINUATIONS:
            last = clauses.end(last + 1)
        elif last + 1 < len(tokens) and clauses.words[last + 1] in RELATIVE_PRONOUNS and last - k <= 4 and main.text[:1].isupper():
            last = clauses.end(last + 1)  # ``der NATO-Gipfel, der später in diesem Jahr stattfinden wird``
        last = min(last, k + WINDOW)
        clause_lo = tokens[first].idx
        clause_hi = tokens[last - 1].idx + len(tokens[last - 1]) if last > 0 else sentence.end_char
        # the sentence around the trigger, as far as anything in it may still concern the trigger
        near = tokens[max(0, k - WINDOW)].idx, tokens[min(len(tokens), k + WINDOW) - 1].idx + 1
        time = self._time(clause_lo, clause_hi)
        # ``zweitägigen Treffen``: a duration right before the trigger word is its duration
        duration = next((t for t in self.time_index.between(main.idx - 40, main.idx) if t.type == "DURATION" and 0 <= main.idx - t.end <= 1), None)
        if duration and duration.interval and time is None:
            time = duration
        infinitive = self._infinitive_clause(clause_lo, clause_hi)
        status = self.finder.status(
            clauses, hit, time, self.published, max(last, clauses.end(max(hit.tokens) - sentence.start)), governed=infinitive
        )
        # ``kündigte an, Hilfe bereitzustellen``: an announced, planned or demanded infinitive
        # is done by the governing clause's actor; a mere ``veranlasste … zu`` is background
        infinitive = infinitive and status != "occurred"
        agents, source, target = self._roles(sentence, hit, clause_lo, clause_hi, near, infinitive)
        if hit.trigger.type == "ASSAULT" and agents and set(agents) <= self.finder.protesters:
            hit = attrs.evolve(hit, trigger=self.finder.riot)  # protesters storming, throwing stones: a violent protest
        place, said = self._place(hit, (clause_lo, clause_hi), near, triggers)
        evidence = 2 if said else 1 if self.recent_place else 0
        if not said and hit.trigger.type in PHYSICAL_TYPES:
            place = self.recent_place or self.dateline  # the scene of the report goes on
        if not target and place is not None and (hit.trigger.type in PLACE_TARGET_TYPES or is_visit(hit.trigger)):
            state = self.finder.state_of_country.get(place.place.country)
            if state and state not in source:
                target = [state]  # ``Angriff auf Odessa``, ``Rückzug aus Niger``: the place's state is hit
        if not target and hit.trigger.type == "PROTEST":
            state = self.finder.state_of_country.get(place.place.country) if place else None
            target = [state] if state else [k for k in source if k not in agents][:1]  # protests address the government
        if not target:
            target = self._group_target(agents)
        money = self.money_index.first(*near)
        trigger = hit.trigger
        if trigger.type == "SUPPORT" and self.finder.money_aid and self.money_index.first(clause_lo, clause_hi) is not None:
            trigger = self.finder.money_aid  # ``mit 5 Milliarden Franken unterstützen``
        return Draft(
            trigger=trigger,
            status=status,
            main=self._trigger_mention(hit),
            sentence=(sentence.start_char, sentence.end_char),
            source=source,
            target=target,
            agents=agents,
            infinitive=infinitive,
            preposition=self._framing(hit.tokens[0]) if main.text[:1].isupper() else None,
            place=place,
            place_evidence=evidence,
            time=time,
            duration=duration.value if duration else None,
            amount=money,
            evidence=[] if contiguous(hit.tokens) else [token_mention(self.tokens[i]) for i in hit.tokens[1:]],
            reference=self._reference(hit),
        )

    def _reference(self, hit: TriggerHit) -> bool:
        """A noun trigger after a definite article or a Saxon genitive names an act already known."""
        main = self.tokens[hit.tokens[0]]
        if len(hit.tokens) > 1 or not main.text[:1].isupper() or main.i == 0:
            return False
        before = self.tokens[main.i - 1]
        return before.lower_ in DEFINITE_ARTICLES or any(self._saxon_genitive(m) for m in self.mention_ends.get(main.i, ()))

    def _codable(self, clauses: Clauses, hit: TriggerHit, body_end: int | None) -> bool:
        """The hit stands in the body and tells an act of its own: not opposed, referred to or only possible."""
        in_body = body_end is None or self.tokens[hit.tokens[0]].idx < body_end
        return in_body and not self._opposed(hit) and not self._demonstrative(hit) and not _hypothetical(clauses, hit)

    def _demonstrative(self, hit: TriggerHit) -> bool:
        """``Diese Gespräche``: a noun after a demonstrative names an act the article has told already."""
        main = hit.tokens[0]
        return len(hit.tokens) == 1 and main > 0 and self.lowers[main - 1] in DEMONSTRATIVES and self.tokens[main].text[:1].isupper()

    def _opposed(self, hit: TriggerHit) -> bool:
        """``protestierten gegen ein IWF-Hilfspaket``: a noun after ``gegen`` is what others oppose, told as background."""
        main = self.tokens[hit.tokens[0]]
        return len(hit.tokens) == 1 and main.text[:1].isupper() and self._framing(main.i) == "gegen"

    def _trigger_mention(self, hit: TriggerHit) -> Mention:
        """The whole phrase of a multi-word trigger (``humanitäre Hilfe``), else the main word."""
        if contiguous(hit.tokens):
            span = self.doc[hit.tokens[0] : hit.tokens[-1] + 1]
            return Mention(span.text, span.start_char, span.end_char)
        return token_mention(self.doc[hit.tokens[0]])


def _hypothetical(clauses: Clauses, hit: TriggerHit) -> bool:
    """``könnte … verhängen``, ``würde … angreifen``: what might happen is no event (nor a plan)."""
    k = hit.tokens[0] - clauses.sentence.start
    return any(word in HYPOTHETICAL for word in clauses.words[clauses.start(k) : clauses.end(k)])
