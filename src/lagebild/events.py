"""Event stage: triggers → PLOVER/CAMEO events with status, roles and attachments.

Triggers come from ``data/triggers.json`` (verbs in all forms, separable verbs whose
particle closes the clause, nouns and compound heads); status cues from
``data/status_cues.json``. Without a dependency parser the roles come from German clause
patterns written here (no maintained library codes German events): the subject is the
first actor of the clause not governed by a preposition, targets follow ``für``/``an``/
``gegen``/``mit``, passive agents follow ``von``/``durch``, and a genitive after a noun
trigger (``Treffen der NATO-Außenminister``) or a compound prefix (``NATO-Gipfel``) is
the source. With a parser, ``nsubj``/``sb`` and objects take precedence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
from spacy.tokens import Doc, Span, Token

from .actors import ActorMention
from .lexicons import Lexicons
from .matching import NameIndex
from .body import dateline_span
from .places import PlaceMention
from .records import Amount, Event, Interval, Mention, Money, Time

#: Prepositions whose object is a target of the event.
TARGET_PREPOSITIONS = frozenset("für an gegen gegenüber mit zwischen auf".split())
#: Prepositions whose object is the agent of a passive clause.
AGENT_PREPOSITIONS = frozenset("von vom durch".split())
#: Prepositions whose object is neither source nor target (place, topic, origin).
OTHER_PREPOSITIONS = frozenset("in im aus bei nach über zu zum zur vor seit um unter ohne wegen trotz laut".split())
LOCATIVE_PREPOSITIONS = frozenset("in im bei nahe vor".split())
CLAUSE_BREAKS = frozenset({",", ";", ":", "–", "—", "(", ")", "«", "»", "„", "“", '"'})
PASSIVE_AUXILIARIES = frozenset("wurde wurden worden wird werden".split())
PRONOUNS = frozenset("er sie Er Sie".split())
NEGATIONS = frozenset("nicht nie niemals keine kein keinen keinem keiner keines".split())
#: Types whose place falls back to the dateline: things that happen somewhere physically.
PHYSICAL_TYPES = frozenset({"PROTEST", "ASSAULT", "COERCE", "MOBILIZE"})
PLACE_SPECIFICITY = {"city": 0, "region": 1, "country": 2}
STATUS_ORDER = ("denied", "demanded", "pledged", "planned", "occurred")


@attrs.frozen
class Trigger:
    """A lexicon entry: what a form means."""

    type: str
    cameo: str | None
    mode: str | None
    lemma: str
    cameo_pledged: str | None = None

    def code(self, status: str) -> str | None:
        """The CAMEO code for this status (intent codes for pledges where CAMEO has them)."""
        return self.cameo_pledged if status == "pledged" and self.cameo_pledged else self.cameo


@attrs.frozen
class TriggerHit:
    """A trigger in the text: the main token and any particle that completes it."""

    trigger: Trigger
    tokens: tuple[int, ...]


def _trigger(entry: dict[str, Any]) -> Trigger:
    return Trigger(entry["type"], entry.get("cameo"), entry.get("mode"), entry.get("lemma", ""), entry.get("cameo_pledged"))


class EventFinder:
    """Compiled trigger and status lexicons; call it with a Doc and its mentions."""

    def __init__(self, lex: Lexicons) -> None:
        self.forms: dict[str, Trigger] = {}
        self.phrases: NameIndex[Trigger] = NameIndex()
        self.separable: dict[str, list[tuple[str, Trigger]]] = {}
        self.heads: list[tuple[str, Trigger]] = []
        for entry in lex.triggers:
            trigger = _trigger(entry)
            for form in entry.get("forms", ()):
                if " " in form:
                    self.phrases.add(form.lower(), trigger)
                else:
                    self.forms.setdefault(form.lower(), trigger)
                    if entry.get("head"):
                        self.heads.append((form.lower(), trigger))
            if entry.get("particle"):
                for form in entry.get("finite", ()):
                    self.separable.setdefault(form.lower(), []).append((entry["particle"].lower(), trigger))
        self.heads.sort(key=lambda h: -len(h[0]))
        self.cues: dict[str, str] = {}
        self.separable_cues: dict[str, list[tuple[str, str]]] = {}
        for entry in lex.status_cues:
            for form in entry.get("forms", ()):
                self.cues.setdefault(form.lower(), entry["status"])
            if entry.get("particle"):
                for form in entry.get("finite", ()):
                    self.separable_cues.setdefault(form.lower(), []).append((entry["particle"].lower(), entry["status"]))

    # -- triggers ---------------------------------------------------------------------
    def triggers(self, sentence: Span) -> list[TriggerHit]:
        """Trigger hits of a sentence, each token used once, particle verbs first."""
        hits: list[TriggerHit] = []
        used: set[int] = set()
        words = [t.lower_ for t in sentence]
        for k, token in enumerate(sentence):
            for particle, trigger in self.separable.get(words[k], ()):
                end = _clause_end(sentence, k)
                particle_at = next((j for j in range(k + 1, end) if words[j] == particle), None)
                if particle_at is not None:
                    hits.append(TriggerHit(trigger, (token.i, sentence[particle_at].i)))
                    used.update((token.i, sentence[particle_at].i))
                    break
        for hit in self.phrases.find(_lower_doc(sentence), genitive=False, compounds=False):
            tokens = tuple(range(sentence.start + hit.start, sentence.start + hit.end))
            if not used.intersection(tokens):
                hits.append(TriggerHit(hit.targets[0], tokens))
                used.update(tokens)
        for k, token in enumerate(sentence):
            if token.i in used or not token.is_alpha and "-" not in token.text:
                continue
            trigger = self.forms.get(words[k]) or self._head(token)
            if trigger:
                hits.append(TriggerHit(trigger, (token.i,)))
                used.add(token.i)
        return sorted(hits, key=lambda h: h.tokens[0])

    def _head(self, token: Token) -> Trigger | None:
        if not token.text[:1].isupper():
            return None
        word = token.lower_
        for head, trigger in self.heads:
            if word.endswith(head) and len(word) > len(head) + 2:
                return trigger
        return None

    # -- status -----------------------------------------------------------------------
    def status(self, sentence: Span, hit: TriggerHit, event_time: Time | None, published: dt.date | None) -> str:
        """occurred, pledged, planned, denied or demanded, from the cues around the trigger."""
        main = hit.tokens[0] - sentence.start
        start, end = _clause_start(sentence, main), _clause_end(sentence, main)
        words = [t.lower_ for t in sentence]
        found: set[str] = set()
        for k in range(len(words)):
            status = self.cues.get(words[k])
            if status is None:
                for particle, separable_status in self.separable_cues.get(words[k], ()):
                    if particle in words[k + 1 : _clause_end(sentence, k)]:
                        status = separable_status
            if status is None or k + sentence.start in hit.tokens:
                continue
            if status == "denied":
                if start <= k < end and (len(hit.tokens) > 1 or sentence[main].pos_ != "NOUN" or k >= main - 3) and words[k + 1 : k + 2] != ["nur"]:
                    found.add(status)
            elif status == "demanded" and hit.trigger.type == "REQUEST":
                continue
            else:
                found.add(status)
        if not found and event_time and event_time.interval and published:
            interval = event_time.interval
            if interval.start and interval.start > published:
                found.add("planned")
        return next((s for s in STATUS_ORDER if s in found), "occurred")


def _lower_doc(span: Span) -> Doc:
    """A doc of the span's lower-case words, so phrase forms match whatever the case."""
    return Doc(span.doc.vocab, words=[t.lower_ for t in span], spaces=[bool(t.whitespace_) for t in span])


def _clause_end(sentence: Span, k: int) -> int:
    for j in range(k + 1, len(sentence)):
        if sentence[j].text in CLAUSE_BREAKS or sentence[j].is_sent_end and sentence[j].is_punct:
            return j
    return len(sentence)


def _clause_start(sentence: Span, k: int) -> int:
    for j in range(k - 1, -1, -1):
        if sentence[j].text in CLAUSE_BREAKS:
            return j + 1
    return 0


@attrs.define
class _Draft:
    """An event while it is being built and merged."""

    trigger: Trigger
    status: str
    main: Mention
    sentence: tuple[int, int]
    source: list[str]
    target: list[str]
    place: PlaceMention | None = None
    time: Time | None = None
    duration: str | None = None
    amount: Money | None = None
    evidence: list[Mention] = attrs.Factory(list)

    def compatible(self, other: _Draft) -> bool:
        """Same event told twice: same type and code family, agreeing roles and place."""
        if self.trigger.type != other.trigger.type or self.trigger.lemma != other.trigger.lemma and self.sentence != other.sentence:
            return False
        if self.source and other.source and not set(self.source) & set(other.source):
            return False
        if self.target and other.target and set(self.target) != set(other.target):
            return False
        return not (self.place and other.place and self.place.place.canonical != other.place.place.canonical)

    def absorb(self, other: _Draft) -> None:
        """Take the other telling's evidence and fill what this one lacks."""
        self.evidence.append(other.main)
        self.evidence.extend(other.evidence)
        self.source = self.source or other.source
        self.target = self.target or other.target
        if other.place and (not self.place or _specificity(other.place) < _specificity(self.place)):
            self.place = other.place
        self.time = self.time or other.time
        self.duration = self.duration or other.duration
        self.amount = self.amount or other.amount
        if STATUS_ORDER.index(other.status) < STATUS_ORDER.index(self.status) and other.status in ("pledged", "planned"):
            self.status = other.status

    def to_event(self) -> Event:
        """The frozen record."""
        return Event(
            type=self.trigger.type,
            cameo=self.trigger.code(self.status),
            status=self.status,
            trigger=self.main,
            sentence=self.sentence,
            mode=self.trigger.mode,
            source=tuple(self.source),
            target=tuple(self.target),
            place=self.place.place.canonical if self.place else None,
            time=self.time.interval if self.time and self.time.interval else None,
            duration=self.duration,
            amount=Amount(self.amount.value, self.amount.currency) if self.amount else None,
            evidence=tuple(m for m in self.evidence if m != self.main),
        )


def _specificity(place: PlaceMention) -> int:
    return PLACE_SPECIFICITY.get(place.place.feature, 1)


class EventCoder:
    """Codes the events of one doc from its trigger hits and mentions."""

    def __init__(self, finder: EventFinder, doc: Doc, actors: Sequence[ActorMention], places: Sequence[PlaceMention],
                 times: Sequence[Time], money: Sequence[Money], published: dt.date | None, keys: dict[str, str],
                 affiliations: dict[str, str]) -> None:
        self.finder, self.doc, self.published = finder, doc, published
        self.actors, self.places, self.times, self.money = actors, places, times, money
        self.keys, self.affiliations = keys, affiliations
        start, end = dateline_span(doc.text)
        self.dateline = next((p for p in places if p.dateline), None) if end else None
        self.last_person: str | None = None

    def code(self, body_end: int | None) -> list[Event]:
        """All events of the doc, mentions of one event merged."""
        drafts: list[_Draft] = []
        for sentence in self.doc.sents:
            if body_end is not None and sentence.start_char >= body_end:
                break
            for hit in self.finder.triggers(sentence):
                drafts.append(self._draft(sentence, hit))
            persons = [m for m in self._in(self.actors, sentence) if m.ref.kind == "PER"]
            if persons:
                self.last_person = self.keys[persons[0].ref.key]
        return [d.to_event() for d in _merge(drafts)]

    def _in(self, items: Iterable[Any], sentence: Span, start: int | None = None, end: int | None = None) -> list[Any]:
        lo = sentence.start_char if start is None else start
        hi = sentence.end_char if end is None else end
        return [x for x in items if lo <= x.start < hi]

    def _draft(self, sentence: Span, hit: TriggerHit) -> _Draft:
        main = self.doc[hit.tokens[0]]
        k = main.i - sentence.start
        clause_lo = sentence[_clause_start(sentence, k)].idx
        clause_end = _clause_end(sentence, max(hit.tokens) - sentence.start)
        clause_hi = sentence[clause_end - 1].idx + len(sentence[clause_end - 1]) if clause_end > 0 else sentence.end_char
        source, target = self._roles(sentence, hit, clause_lo, clause_hi)
        time = self._time(sentence, clause_lo, clause_hi)
        duration = next((t for t in self._in(self.times, sentence) if t.type == "DURATION"), None)
        if duration and duration.interval and (time is None or time.type == "DURATION"):
            time = duration
        status = self.finder.status(sentence, hit, time, self.published)
        place = self._place(sentence, hit, clause_lo, clause_hi)
        money = self._in(self.money, sentence)
        return _Draft(
            trigger=hit.trigger,
            status=status,
            main=Mention(main.text, main.idx, main.idx + len(main)),
            sentence=(sentence.start_char, sentence.end_char),
            source=source,
            target=target,
            place=place,
            time=time,
            duration=duration.value if duration else None,
            amount=money[0] if money else None,
            evidence=[Mention(self.doc[i].text, self.doc[i].idx, self.doc[i].idx + len(self.doc[i])) for i in hit.tokens[1:]],
        )

    def _time(self, sentence: Span, lo: int, hi: int) -> Time | None:
        dated = [t for t in self._in(self.times, sentence, lo, hi) if t.type in ("DATE", "TIME") and t.interval]
        if not dated:
            dated = [t for t in self._in(self.times, sentence) if t.type in ("DATE", "TIME") and t.interval]
        return dated[0] if dated else None

    def _place(self, sentence: Span, hit: TriggerHit, lo: int, hi: int) -> PlaceMention | None:
        for scope in ((lo, hi), (sentence.start_char, sentence.end_char)):
            located = [
                p for p in self._in(self.places, sentence, *scope)
                if p.token_start > 0 and self.doc[p.token_start - 1].lower_ in LOCATIVE_PREPOSITIONS
                or p.token_start > 1 and self.doc[p.token_start - 2].lower_ in LOCATIVE_PREPOSITIONS and self.doc[p.token_start - 1].lower_ in ("der", "dem", "den")
            ]
            if located:
                return min(located, key=lambda p: (_specificity(p), abs(p.token_start - hit.tokens[0])))
        if hit.trigger.type in PHYSICAL_TYPES:
            return self.dateline
        return None

    # -- roles ------------------------------------------------------------------------
    def _roles(self, sentence: Span, hit: TriggerHit, lo: int, hi: int) -> tuple[list[str], list[str]]:
        main = hit.tokens[0]
        clause = [m for m in self._in(self.actors, sentence, lo, hi) if not self._is_role_modifier(m)]
        source: list[ActorMention] = []
        target: list[ActorMention] = []
        # A compound prefix or a genitive or adjective right at a noun trigger is its source.
        inside = [m for m in clause if m.token_start == main and m.via == "compound"]
        genitive = [m for m in clause if m.token_start in (main + 1, main + 2) and self.doc[m.token_start - 1].lower_ in ("der", "des")]
        before = [m for m in clause if m.token_end == main and m.via == "adjective"]
        passive = any(self.doc[i].lower_ in PASSIVE_AUXILIARIES for i in range(sentence.start, sentence.end))
        for m in clause:
            if m in inside or m in before:
                continue
            preposition = self._governing_preposition(m)
            if preposition in AGENT_PREPOSITIONS and passive:
                source.append(m)
            elif preposition in TARGET_PREPOSITIONS or self._in_list_after(m, target):
                target.append(m)
            elif preposition is None and not source and m not in genitive:
                source.append(m)
            elif preposition is None and m.start > self.doc[main].idx and m not in genitive:
                target.append(m)
        noun_trigger = self.doc[main].text[:1].isupper() and len(hit.tokens) == 1
        if noun_trigger and (inside or genitive or before):
            source = (inside or genitive or before)[:1]
        if passive and not any(self._governing_preposition(m) in AGENT_PREPOSITIONS for m in source):
            # the grammatical subject of a passive is the target
            target = source + target
            source = []
        source_keys = self._keys(source)
        if not source_keys and self.last_person and any(t.text in PRONOUNS for t in sentence):
            source_keys = [self.last_person]
        source_keys = source_keys + [self.affiliations[k] for k in source_keys if k in self.affiliations and self.affiliations[k] not in source_keys]
        target_keys = [k for k in self._keys(target) if k not in source_keys]
        return source_keys, target_keys

    def _keys(self, mentions: Sequence[ActorMention]) -> list[str]:
        return list(dict.fromkeys(self.keys[m.ref.key] for m in mentions))

    def _is_role_modifier(self, m: ActorMention) -> bool:
        """``ukrainische`` in ``der ukrainische Außenminister Andrii Sybiha`` belongs to the person."""
        return m.via in ("adjective", "compound") and any(
            p.ref.kind == "PER" and p.role and 0 <= p.token_start - m.token_end <= 1 for p in self.actors
        )

    def _governing_preposition(self, m: ActorMention) -> str | None:
        for i in range(m.token_start - 1, max(m.token_start - 4, -1), -1):
            word = self.doc[i].lower_
            if word in TARGET_PREPOSITIONS or word in AGENT_PREPOSITIONS or word in OTHER_PREPOSITIONS:
                return word
            if not (self.doc[i].is_alpha and (self.doc[i].text[:1].islower() or i == m.token_start - 1 and self.doc[i].text[:1].isupper() and self.doc[i].pos_ in ("ADJ", ""))):
                return None
        return None

    def _in_list_after(self, m: ActorMention, target: list[ActorMention]) -> bool:
        """``mit den Partnern, darunter Australien, Japan und Neuseeland``: list members join the targets."""
        if not target:
            return False
        between = self.doc[target[-1].token_end : m.token_start]
        return all(t.text in (",", "und", "sowie", "darunter", "wie", "etwa", "oder") or t.text[:1].isupper() or t.lower_ in ("der", "die", "den", "dem", "des") for t in between) and len(between) <= 8


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    merged: list[_Draft] = []
    for draft in drafts:
        home = next((m for m in merged if m.compatible(draft)), None)
        if home:
            home.absorb(draft)
        else:
            merged.append(draft)
    return merged
