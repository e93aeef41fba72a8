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
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs
from spacy.tokens import Doc, Span, Token

from .actors import ActorMention, ActorRef, is_locative
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
CLAUSE_BREAKS = frozenset({",", ";", ":", "–", "—", "(", ")", "«", "»", "„", "“", '"'})
PASSIVE_AUXILIARIES = frozenset("wurde wurden worden wird werden".split())
PRONOUNS = frozenset("er sie Er Sie".split())
NEGATIONS = frozenset("nicht nie niemals keine kein keinen keinem keiner keines".split())
#: Types whose place falls back to the dateline: things that happen somewhere physically.
PHYSICAL_TYPES = frozenset({"PROTEST", "ASSAULT", "COERCE", "MOBILIZE"})
#: Types whose target, when the text names none, is the state where the event takes place.
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "AID", "THREATEN"})
PLACE_SPECIFICITY = {"city": 0, "region": 1, "country": 2}
STATUS_ORDER = ("denied", "demanded", "pledged", "planned", "occurred")
#: Types that can be promised; a pledge cue on any other type makes it planned.
PLEDGEABLE = frozenset({"AID", "SUPPORT", "COOPERATE", "CONCEDE", "RETREAT", "AGREE"})
#: Compounds whose tail looks like a trigger head but is another word.
FALSE_HEADS = ("herausforderung", "herausforderungen", "überforderung", "anforderung", "anforderungen")
ADJECTIVE_ENDINGS = ("e", "en", "em", "er", "es")
SUBORDINATORS = frozenset("dass daß um damit ob wenn weil".split())
#: Words that continue a list of targets into the next clause.
LIST_CONTINUATIONS = frozenset("darunter etwa wie namentlich insbesondere".split())
QUOTE_PAIRS = {"„": "“", "«": "»", "»": "«", '"': '"', "“": "”"}


@attrs.frozen
class Trigger:
    """A lexicon entry: what a form means."""

    type: str
    cameo: str | None
    mode: str | None
    lemma: str
    cameo_pledged: str | None = None
    pos: str = "NOUN"

    def code(self, status: str) -> str | None:
        """The CAMEO code for this status (intent codes for pledges where CAMEO has them)."""
        return self.cameo_pledged if status == "pledged" and self.cameo_pledged else self.cameo


@attrs.frozen
class TriggerHit:
    """A trigger in the text: the main token and any particle that completes it."""

    trigger: Trigger
    tokens: tuple[int, ...]


def _trigger(entry: dict[str, Any]) -> Trigger:
    return Trigger(
        entry["type"], entry.get("cameo"), entry.get("mode"), entry.get("lemma", ""), entry.get("cameo_pledged"),
        entry.get("pos", "NOUN"),
    )


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
        self.generic: NameIndex[dict[str, Any]] = NameIndex()
        for entry in lex.generic_actors:
            for form in entry["forms"]:
                self.generic.add(form, entry)
        self.state_of_country = {state.iso2: state.id for state in lex.states}
        self.default_agents = {e["name"]: tuple(e.get("default_for", ())) for e in lex.generic_actors}
        self.default_agent_entries = [(e, tuple(e["default_for"])) for e in lex.generic_actors if e.get("default_for")]
        self.cues: dict[str, str] = {}
        self.separable_cues: dict[str, list[tuple[str, str]]] = {}
        for entry in lex.status_cues:
            for form in entry.get("forms", ()):
                self.cues.setdefault(form.lower(), entry["status"])
            if entry.get("particle"):
                for form in entry.get("finite", ()):
                    self.separable_cues.setdefault(form.lower(), []).append((entry["particle"].lower(), entry["status"]))

    # -- triggers ---------------------------------------------------------------------
    def triggers(self, sentence: Span, blocked: set[int] = frozenset()) -> list[TriggerHit]:
        """Trigger hits of a sentence, each token used once, particle verbs first; ``blocked`` tokens never trigger."""
        hits: list[TriggerHit] = []
        used: set[int] = set(blocked)
        words = [t.lower_ for t in sentence]
        for k, token in enumerate(sentence):
            for particle, trigger in self.separable.get(words[k], ()):
                end = _clause_end(sentence, k)
                particle_at = next((j for j in range(k + 1, end) if words[j] == particle), None)
                if particle_at is not None:
                    hits.append(TriggerHit(trigger, (token.i, sentence[particle_at].i)))
                    # ``rief zur Zustimmung auf``: words inside the verb bracket belong to this event
                    used.update(range(token.i, sentence[particle_at].i + 1))
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
            if trigger and trigger.pos == "VERB" and k > 0 and token.text[:1].isupper():
                continue  # a capitalised verb form inside a sentence is a noun (``das Treffen``)
            if trigger:
                hits.append(TriggerHit(trigger, (token.i,)))
                used.add(token.i)
        return sorted(hits, key=lambda h: h.tokens[0])

    def _head(self, token: Token) -> Trigger | None:
        if not token.text[:1].isupper():
            return None
        word = token.lower_
        for head, trigger in self.heads:
            if word.endswith(head) and len(word) > len(head) + 2 and not word.endswith(FALSE_HEADS):
                return trigger
        return None

    # -- status -----------------------------------------------------------------------
    def status(self, sentence: Span, hit: TriggerHit, event_time: Time | None, published: dt.date | None) -> str:
        """occurred, pledged, planned, denied or demanded, from the cues in the trigger's clause."""
        main = hit.tokens[0] - sentence.start
        start, end = _clause_start(sentence, main), _clause_end(sentence, max(hit.tokens) - sentence.start)
        words = [t.lower_ for t in sentence]
        if start > 0 and words[start] in SUBORDINATORS:
            start = _clause_start(sentence, start - 1)  # ``Vorgesehen ist, dass …``: the main clause governs
        found: set[str] = set()
        for k in range(start, end):
            if k + sentence.start in hit.tokens:
                continue
            if k > 0 and sentence[k].text[:1].isupper() and not 0 < main - k <= 3:
                continue  # a cue noun (``Ankündigung``) speaks of its own phrase only
            status = self._cue(words, k, end)
            if status == "denied" and not self._negates(sentence, words, k, main, hit):
                continue
            if status == "demanded" and hit.trigger.type == "REQUEST":
                continue
            if status:
                found.add(status)
        if "pledged" in found and hit.trigger.type not in PLEDGEABLE:
            found.discard("pledged")
            found.add("planned")
        if not found and event_time and event_time.interval and published:
            interval = event_time.interval
            if interval.start and interval.start > published:
                found.add("planned")
        return next((s for s in STATUS_ORDER if s in found), "occurred")

    def _cue(self, words: list[str], k: int, clause_end: int) -> str | None:
        """The status a word signals: a cue form, a participle used as adjective, or a split particle verb."""
        word = words[k]
        status = self.cues.get(word)
        if status is None and word.endswith(ADJECTIVE_ENDINGS):
            stem = word[:-2] if word.endswith(("en", "em", "er", "es")) else word[:-1]
            status = self.cues.get(stem) if stem.startswith(("ge", "zuge", "ange", "vorge")) or "ge" in stem[:6] else None
        if status is None:
            for particle, separable_status in self.separable_cues.get(word, ()):
                if particle in words[k + 1 : clause_end]:
                    return separable_status
        return status

    @staticmethod
    def _negates(sentence: Span, words: list[str], k: int, main: int, hit: TriggerHit) -> bool:
        """A negation denies the trigger when it stands near it and does not modify another word."""
        if words[k + 1 : k + 2] == ["nur"]:
            return False  # nicht nur … sondern auch
        if words[k].startswith("kein"):
            # ``keine Hilfe``: the determiner of the trigger noun, or of the verb's object
            return 0 < main - k <= 3 or len(hit.tokens) > 1 or sentence[main].text[:1].islower()
        following = sentence[k + 1] if k + 1 < len(sentence) else None
        if following is not None and following.text[:1].islower() and following.lower_.endswith(ADJECTIVE_ENDINGS) and k + 1 != main and following.lower_ not in ("mehr",):
            return False  # ``nicht bekannte Zahl``: the negation belongs to an adjective
        verb = sentence[main].text[:1].islower() or len(hit.tokens) > 1
        return verb and abs(main - k) <= 8 or 0 < main - k <= 2


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
        if self.trigger.type != other.trigger.type:
            return False
        if self.sentence == other.sentence:
            return True  # one sentence, one event of a type: ``Sitzung, an der … teilnahmen``
        if self.trigger.lemma != other.trigger.lemma:
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
        if self.sentence == other.sentence and self.source:
            joined = [k for k in (*self.target, *other.source, *other.target) if k not in self.source]
            other = attrs.evolve(other, target=list(dict.fromkeys(joined)))
            self.target = other.target
        self.source = self.source or other.source
        self.target = [t for t in (self.target or other.target) if t not in self.source]
        if other.place and (not self.place or _specificity(other.place) < _specificity(self.place)):
            self.place = other.place
        if other.time and other.time.interval and (
            self.time is None or not self.time.interval or None in (self.time.interval.start, self.time.interval.end)
        ):
            self.time = other.time
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
                 affiliations: dict[str, str], is_role: Callable[[str], object] = lambda word: False) -> None:
        self.finder, self.doc, self.published = finder, doc, published
        self.finder_roles = is_role
        self.actors, self.places, self.times, self.money = actors, places, times, money
        self.keys, self.affiliations = dict(keys), dict(affiliations)
        self.generic = self._generic_mentions()
        self.candidates = sorted([*actors, *self.generic], key=lambda m: m.start)
        start, end = dateline_span(doc.text)
        self.dateline = next((p for p in places if p.dateline), None) if end else None
        self.last_person: str | None = None

    def _generic_mentions(self) -> list[ActorMention]:
        """Unnamed groups (``Polizisten``, ``Demonstranten``) coded with the state they belong to."""
        taken = {i for m in self.actors for i in range(m.token_start, m.token_end)}
        counts: dict[str, int] = {}
        for m in self.actors:
            if m.ref.kind == "GPE":
                counts[m.ref.key] = counts.get(m.ref.key, 0) + 1
        dominant = max(counts, key=counts.get) if counts else None
        found = []
        for hit in self.finder.generic.find(self.doc, compounds=False):
            if taken.intersection(range(hit.start, hit.end)):
                continue
            entry = hit.targets[0]
            state = None if entry.get("stateless") else self._state_of_group(hit.start) or dominant
            ref = ActorRef("generic:" + entry["name"], None, entry["name"], "ORG", state)
            found.append(ActorMention(hit.start_char, hit.end_char, hit.text, hit.start, hit.end, ref, "generic"))
            self.keys[ref.key] = entry["name"]
            if state:
                self.affiliations[entry["name"]] = state
        return found

    def _state_of_group(self, i: int) -> str | None:
        """The state of an adjective right before a group (``georgische Polizei``), else of the sentence's place."""
        for m in self.actors:
            if m.ref.kind == "GPE" and m.via == "adjective" and m.token_end == i:
                return m.ref.id
        sentence = self.doc[i].sent
        for p in self.places:
            if sentence.start_char <= p.start < sentence.end_char and p.place.country in self.finder.state_of_country:
                return self.finder.state_of_country[p.place.country]
        return None

    def code(self, body_end: int | None) -> list[Event]:
        """All events of the doc that have a source, mentions of one event merged."""
        drafts: list[_Draft] = []
        blocked = _quoted_tokens(self.doc) | {i for m in self.generic for i in range(m.token_start, m.token_end)}
        for sentence in self.doc.sents:
            for hit in self.finder.triggers(sentence, blocked):
                if body_end is None or self.doc[hit.tokens[0]].idx < body_end:
                    drafts.append(self._draft(sentence, hit))
            persons = [m for m in self._in(self.actors, sentence) if m.ref.kind == "PER"]
            if persons:
                self.last_person = self.keys[persons[0].ref.key]
        # An event nobody did cannot be coded (and never matches an analyst's record).
        return [d.to_event() for d in _merge(drafts) if d.source]

    def _in(self, items: Iterable[Any], sentence: Span, start: int | None = None, end: int | None = None) -> list[Any]:
        lo = sentence.start_char if start is None else start
        hi = sentence.end_char if end is None else end
        return [x for x in items if lo <= x.start < hi]

    def _draft(self, sentence: Span, hit: TriggerHit) -> _Draft:
        main = self.doc[hit.tokens[0]]
        k = main.i - sentence.start
        clause_lo = sentence[_clause_start(sentence, k)].idx
        clause_end = _clause_end(sentence, max(hit.tokens) - sentence.start)
        if clause_end + 1 < len(sentence) and sentence[clause_end + 1].lower_ in LIST_CONTINUATIONS:
            clause_end = _clause_end(sentence, clause_end + 1)
        clause_hi = sentence[clause_end - 1].idx + len(sentence[clause_end - 1]) if clause_end > 0 else sentence.end_char
        source, target = self._roles(sentence, hit, clause_lo, clause_hi)
        time = self._time(sentence, clause_lo, clause_hi)
        duration = next((t for t in self._in(self.times, sentence) if t.type == "DURATION" and 0 <= main.idx - t.end <= 12), None)
        if duration and duration.interval and time is None:
            time = duration
        status = self.finder.status(sentence, hit, time, self.published)
        place = self._place(sentence, hit, clause_lo, clause_hi)
        if not target and place is not None and hit.trigger.type in PLACE_TARGET_TYPES:
            state = self.finder.state_of_country.get(place.place.country)
            if state and state not in source:
                target = [state]  # ``Angriff auf Odessa``, ``Rückzug aus Niger``: the place's state is hit
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
        return dated[0] if dated else None

    def _place(self, sentence: Span, hit: TriggerHit, lo: int, hi: int) -> PlaceMention | None:
        for scope in ((lo, hi), (sentence.start_char, sentence.end_char)):
            located = [p for p in self._in(self.places, sentence, *scope) if is_locative(self.doc, p.token_start)]
            if located:
                return min(located, key=lambda p: (_specificity(p), abs(p.token_start - hit.tokens[0])))
        if hit.trigger.type in PHYSICAL_TYPES:
            return self.dateline
        return None

    # -- roles ------------------------------------------------------------------------
    def _roles(self, sentence: Span, hit: TriggerHit, lo: int, hi: int) -> tuple[list[str], list[str]]:
        main = hit.tokens[0]
        clause = [m for m in self._in(self.candidates, sentence, lo, hi) if not self._is_role_modifier(m)]
        # ``russische Truppen``: the adjective already names the actor of the group
        clause = [m for m in clause if not (m.via == "generic" and any(o.ref.kind == "GPE" and o.token_end == m.token_start for o in clause))]
        source: list[ActorMention] = []
        target: list[ActorMention] = []
        # A compound prefix, a genitive or an adjective right at a noun trigger is its source.
        inside = [m for m in clause if m.token_start == main and m.via == "compound"]
        genitive = [m for m in clause if self._is_genitive_of(m, main)]
        before = [m for m in clause if m.token_end == main and m.via == "adjective"]
        passive = self._is_passive(sentence, hit, lo, hi)
        for m in clause:
            if m in inside or m in before or m in genitive:
                continue
            preposition = self._governing_preposition(m)
            if preposition in AGENT_PREPOSITIONS and passive:
                source.append(m)
            elif preposition in TARGET_PREPOSITIONS or self._in_list_after(m, target):
                target.append(m)
            elif preposition is not None:
                continue
            elif self._is_genitive_attribute(m):
                if source and m.start > self.doc[main].idx:
                    target.append(m)  # ``lehnte Finanzhilfen der EU ab``: the object's owner is the target
                continue
            elif not source:
                source.append(m)
            elif m.start > self.doc[main].idx or self.doc[m.token_start - 1].lower_ in ("der", "dem", "den"):
                target.append(m)
        noun_trigger = self.doc[main].text[:1].isupper() and len(hit.tokens) == 1
        parties = [m for m in clause if self._governing_preposition(m) == "zwischen"]
        parties += [m for m in clause if m not in parties and self._in_list_after(m, parties)]
        if noun_trigger and parties:
            # ``Einigung zwischen der Hamas und Israel``: the parties do it together
            source, target = parties, [m for m in target if m not in parties]
            inside = genitive = before = []
        if noun_trigger and (inside or genitive or before) and not (source and source[0].token_end <= main and self._is_subject_of_clause(source[0], lo)):
            source = (inside or genitive or before)[:1]
        if passive and not any(self._governing_preposition(m) in AGENT_PREPOSITIONS for m in source):
            target = source + target  # the grammatical subject of a passive is the target
            source = []
        if not source:
            source = self._default_agent(hit, sentence)
        source_keys = self._keys(source)
        if not source_keys and self.last_person and any(t.text in PRONOUNS for t in self.doc[self._token_at(lo) : self._token_at(hi)]):
            source_keys = [self.last_person]
        source_keys += [self.affiliations[k] for k in source_keys if k in self.affiliations and self.affiliations[k] not in source_keys]
        target_keys = [k for k in self._keys(target) if k not in source_keys]
        return source_keys, target_keys

    def _default_agent(self, hit: TriggerHit, sentence: Span) -> list[ActorMention]:
        """The group that does an event of this type when the text names nobody (people protest)."""
        for m in self.generic:
            if hit.trigger.type in self.finder.default_agents.get(m.ref.name, ()) and sentence.start_char <= m.start < sentence.end_char:
                return [m]
        entry = next((e for e, types in self.finder.default_agent_entries if hit.trigger.type in types), None)
        if entry is None:
            return []
        state = self._state_of_group(hit.tokens[0])
        main = self.doc[hit.tokens[0]]
        ref = ActorRef("generic:" + entry["name"], None, entry["name"], "ORG", state)
        self.keys[ref.key] = entry["name"]
        if state:
            self.affiliations[entry["name"]] = state
        return [ActorMention(main.idx, main.idx + len(main), main.text, main.i, main.i + 1, ref, "default")]

    def _token_at(self, char: int) -> int:
        span = self.doc.char_span(char, char, alignment_mode="expand")
        return span.start if span is not None else len(self.doc)

    def _is_subject_of_clause(self, m: ActorMention, lo: int) -> bool:
        """The actor opens its clause (after at most an article), as a German subject does."""
        return m.token_start - self._token_at(lo) <= 1

    def _is_passive(self, sentence: Span, hit: TriggerHit, lo: int, hi: int) -> bool:
        """``wurde … angegriffen``: a passive auxiliary and a participle trigger in one clause."""
        words = [t.lower_ for t in self.doc[self._token_at(lo) : self._token_at(hi)]]
        trigger = self.doc[hit.tokens[0]].lower_
        participle = "ge" in trigger[:7] and trigger.endswith(("t", "en"))
        return participle and any(w in PASSIVE_AUXILIARIES for w in words)

    def _is_genitive_of(self, m: ActorMention, main: int) -> bool:
        """``Treffen der NATO-Außenminister``, ``Pressekonferenz des katarischen Premierministers al Thani``."""
        if m.token_start <= main + 1 or m.token_start > main + 5 or self.doc[main + 1].lower_ not in ("der", "des"):
            return False
        between = self.doc[main + 2 : m.token_start]
        return all(t.text[:1].islower() or self.finder_roles(t.text) for t in between)

    def _is_genitive_attribute(self, m: ActorMention) -> bool:
        """``die Unterstützung der Allianz``: an actor in the genitive after another noun is not a subject."""
        i = m.token_start - 1
        while i >= 0 and self.doc[i].text[:1].islower() and self.doc[i].lower_ not in ("der", "des"):
            i -= 1  # adjectives between article and name
        if i < 1 or self.doc[i].lower_ not in ("der", "des"):
            return False
        noun = self.doc[i - 1]
        return noun.text[:1].isupper() and not noun.is_sent_start and noun.is_alpha

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


def _quoted_tokens(doc: Doc, longest: int = 120) -> set[int]:
    """Tokens inside quotation marks: quoted speech is reported, not coded as events here.

    A quotation that does not close within ``longest`` tokens is taken for a stray mark.
    """
    inside: set[int] = set()
    i = 0
    while i < len(doc):
        closing = QUOTE_PAIRS.get(doc[i].text)
        if closing is None:
            i += 1
            continue
        end = next((j for j in range(i + 1, min(i + longest, len(doc))) if doc[j].text == closing), None)
        if end is None:
            i += 1
            continue
        inside.update(range(i + 1, end))
        i = end + 1
    return inside


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    merged: list[_Draft] = []
    for draft in drafts:
        home = next((m for m in merged if m.compatible(draft)), None)
        if home:
            home.absorb(draft)
        else:
            merged.append(draft)
    return merged
