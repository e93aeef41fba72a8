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

import bisect
import functools
import re
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import attrs
from spacy.tokens import Doc, Span, Token

from .event_frames import Frame, FrameFinder, load_frames
from .actors import LOCATIVE, PLACE_PREPOSITIONS, ActorMention, ActorRef, is_locative, is_place_noun
from .lexicons import Lexicons
from .matching import NameIndex, declined
from .places import PlaceMention
from .records import Amount, Event, Mention, Money, Time

#: Prepositions whose object is a target of the event.
TARGET_PREPOSITIONS = frozenset("für an gegen gegenüber mit zwischen auf".split())
#: Prepositions whose object is the agent of a passive clause.
AGENT_PREPOSITIONS = frozenset("von vom durch".split())
#: Prepositions whose object is neither source nor target (place, topic, origin).
OTHER_PREPOSITIONS = frozenset("in im aus bei nach über zu zum zur vor seit um unter ohne wegen trotz laut".split())
CLAUSE_BREAKS = frozenset({",", ";", ":", "–", "—"})
PASSIVE_AUXILIARIES = frozenset("wurde wurden worden wird werden".split())
PAST_PASSIVE_AUXILIARIES = frozenset("wurde wurden worden".split())
PRONOUNS = frozenset("er sie Er Sie".split())
INSEPARABLE_PREFIXES = ("be", "ver", "er", "ent", "zer", "über", "unter", "miss", "hinter", "emp")
#: Types whose place falls back to the dateline: things that happen somewhere physically.
PHYSICAL_TYPES = frozenset({"PROTEST", "ASSAULT", "COERCE", "MOBILIZE"})
#: Types whose target, when the text names none, is the state where the event takes place.
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "AID", "THREATEN"})
PLACE_SPECIFICITY = {"city": 0, "region": 1, "country": 2}
STATUS_ORDER = ("denied", "demanded", "pledged", "planned", "occurred")
#: Types that can be promised; a pledge cue on any other type makes it planned.
PLEDGEABLE = frozenset({"AID", "SUPPORT", "COOPERATE", "CONCEDE", "RETREAT", "AGREE"})
#: Compounds whose tail looks like a trigger head but is another word.
FALSE_HEADS = ("herausforderung", "herausforderungen", "überforderung", "anforderung", "anforderungen", "kreise", "kreisen", "kreises", "vereinigung")
ADJECTIVE_ENDINGS = ("e", "en", "em", "er", "es")
#: Nouns for the people or parts acting for the actor in the genitive after them.
MEMBER_NOUNS = frozenset(
    "Vertreter Vertreterinnen Mitglieder Mitgliedstaaten Mitgliedsstaaten Staaten Länder Delegation Delegationen Spitze "
    "Führung Staats- Truppen Soldaten Kämpfer Einheiten Streitkräfte Sprecher Sprecherin Unterhändler Chefs Leitung".split()
)
#: Group words that head compounds naming something else (``Parteiführung``, ``Zivilmenschen``).
NOT_GROUP_HEADS = frozenset({"führung", "menschen", "marine", "richter"})
#: Endings of the adverbs and adjectives that modify an attributive participle.
ADVERB_ENDINGS = ("ig", "lich", "isch", "al", "ell", "weise", "kräftig")
ALL_PREPOSITIONS = TARGET_PREPOSITIONS | AGENT_PREPOSITIONS | OTHER_PREPOSITIONS
#: How far (in words) around a trigger its status cues and roles are looked for; bounds the
#: work per trigger so that a sentence without punctuation costs linear time.
WINDOW = 30
#: How far after a verb trigger its object noun may stand.
OBJECT_DISTANCE = 10
#: How many earlier events of the same kind a new one is compared with when merging.
MERGE_HORIZON = 20
#: Two nouns of one type this close (in characters) are one event told with two words.
COORDINATED = 25
#: ``bereitzustellen``, ``zurückzuziehen``: a separable verb with its ``zu`` inside.
INFINITIVE_WITH_ZU = re.compile(r"(?:ab|an|auf|aus|bei|bereit|ein|fest|frei|her|hin|mit|nach|vor|weg|zurück|zusammen|zu)zu\w{3,}en$")
RELATIVE_PRONOUNS = frozenset("die der das den dem deren dessen welche welcher welches".split())
DETERMINERS = frozenset(
    "der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner "
    "ihre ihren ihrem ihrer seine seinen seinem seiner unsere diese diesen dieser dieses alle".split()
)
SUBORDINATORS = frozenset("dass daß um damit ob wenn weil".split())
#: Words that continue a list of targets into the next clause.
LIST_CONTINUATIONS = frozenset("darunter etwa wie namentlich insbesondere".split())
#: Quotes of at most this many words mark a term (scare quotes), not speech.
SCARE_QUOTE = 4
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
    genitive: str = "source"  # what a genitive after the noun names: its agent, or its patient
    subject: str = "source"  # what the subject of the verb names (``Häftlinge kommen frei``: the patient)
    mutual: bool = False  # two-sided (``Kämpfe``, ``Waffenruhe``): without named parties, the article's two sides

    def code(self, status: str) -> str | None:
        """The CAMEO code for this status (intent codes for pledges where CAMEO has them)."""
        return self.cameo_pledged if status == "pledged" and self.cameo_pledged else self.cameo


@attrs.frozen
class TriggerHit:
    """A trigger in the text: the main token and any particle that completes it."""

    trigger: Trigger
    tokens: tuple[int, ...]
    status: str | None = None  # set when the trigger word itself says it (a pledge verb coded as aid)


def _trigger(entry: dict[str, Any]) -> Trigger:
    return Trigger(
        entry["type"], entry.get("cameo"), entry.get("mode"), entry.get("lemma", ""), entry.get("cameo_pledged"),
        entry.get("pos", "NOUN"), entry.get("genitive", "source"), entry.get("subject", "source"), entry.get("mutual", False),
    )


def _frame_trigger(frame: Frame) -> Trigger:
    return Trigger(frame.type, frame.cameo, frame.mode, "/".join(sorted(frame.verbs)), pos="VERB")


class EventFinder:
    """Compiled trigger and status lexicons; call it with a Doc and its mentions."""

    def __init__(self, lex: Lexicons) -> None:
        self.forms: dict[str, Trigger] = {}
        self.phrases: NameIndex[Trigger] = NameIndex()
        self.separable: dict[str, list[tuple[str, Trigger]]] = {}
        heads: dict[int, dict[str, Trigger]] = {}
        for entry in lex.triggers:
            trigger = _trigger(entry)
            for form in entry.get("forms", ()):
                if " " in form:
                    for variant in declined(form.lower()):  # ``humanitärer Hilfe``
                        self.phrases.add(variant, trigger)
                else:
                    self.forms.setdefault(form.lower(), trigger)
                    if entry.get("head"):
                        heads.setdefault(len(form), {}).setdefault(form.lower(), trigger)
            if entry.get("particle"):
                for form in entry.get("finite", ()):
                    self.separable.setdefault(form.lower(), []).append((entry["particle"].lower(), trigger))
        self.heads = sorted(heads.items(), reverse=True)
        frames = load_frames(list(lex.frames))
        self.frames = FrameFinder(frames, list(lex.verb_forms))
        self.frame_triggers = {frame: _frame_trigger(frame) for frame in frames}
        #: what a pledged amount without an aid word is: the lexicon's generic aid
        self.aid = self.forms.get("hilfe")
        self.generic: NameIndex[dict[str, Any]] = NameIndex()
        self.generic_heads: dict[str, dict[str, Any]] = {}
        for entry in lex.generic_actors:
            for form in entry["forms"]:
                self.generic.add(form, entry)
                if len(form) >= 5 and " " not in form and form.lower() not in NOT_GROUP_HEADS:
                    self.generic_heads.setdefault(form.lower(), entry)
        self.state_of_country = {state.iso2: state.id for state in lex.states}
        #: news agencies report events; they are never a party to one (``sagte der Nachrichtenagentur AFP``)
        self.news_agencies = frozenset(o.id for o in lex.organisations if o.type == "agency")
        self.official_groups = {e["name"]: e.get("group") in ("government", "military", "police", "judiciary") for e in lex.generic_actors}
        self.governments = {e["name"] for e in lex.generic_actors if e.get("group") == "government"}
        self.targets_of: dict[str, list[str]] = {}
        for e in lex.generic_actors:
            for group in e.get("target_of", ()):
                self.targets_of.setdefault(group, []).append(e["name"])
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
    def triggers(self, clauses: Clauses, blocked: set[int] = frozenset(), money: Sequence[int] = ()) -> list[TriggerHit]:
        """Trigger hits of a sentence, each token used once, particle verbs first.

        ``blocked`` tokens never trigger; ``money`` (sorted) are the tokens of amounts, which
        turn a bare pledge (``sagte 20 Milliarden Euro zu``) into aid.
        """
        sentence, words, tokens = clauses.sentence, clauses.words, clauses.tokens
        hits: list[TriggerHit] = []
        used: set[int] = set(blocked)
        pledges: list[int] = []
        for k, token in enumerate(tokens):
            if words[k] not in self.separable_cues and self.cues.get(words[k]) != "pledged":
                continue
            # ``sagte … zu`` is a pledge cue, so ``sagte`` is no statement there
            end = clauses.end(k)
            triggering = {p for p, _ in self.separable.get(words[k], ())}
            cues = [status for p, status in self.separable_cues.get(words[k], ()) if p not in triggering and clauses.find(p, k + 1, end) is not None]
            if cues:
                used.add(token.i)
            if "pledged" in cues or self.cues.get(words[k]) == "pledged" and token.text[:1].islower():
                pledges.append(k)
        for found in self.frames.find(clauses, used):
            hits.append(TriggerHit(self.frame_triggers[found.frame], (*found.verb, *found.licence), found.frame.status))
        for k, token in enumerate(tokens):
            if token.i in used or words[k] not in self.separable:
                continue
            for particle, trigger in self.separable[words[k]]:
                particle_at = clauses.find(particle, k + 1, clauses.end(k))
                if particle_at is not None:
                    hits.append(TriggerHit(trigger, (token.i, tokens[particle_at].i)))
                    # ``rief zur Zustimmung auf``: words inside the verb bracket belong to this event
                    used.update(range(token.i, tokens[particle_at].i + 1))
                    break
        for start, end, targets in self.phrases.find_words(words):
            span = tuple(range(sentence.start + start, sentence.start + end))
            if not used.intersection(span):
                hits.append(TriggerHit(targets[0], span))
                used.update(span)
        for k, token in enumerate(tokens):
            if token.i in used or not token.is_alpha and "-" not in token.text:
                continue
            trigger = self.forms.get(words[k]) or self._head(token)
            if trigger and trigger.pos == "VERB" and (k > 0 and token.text[:1].isupper() or _attributive(tokens, k, self.forms)):
                continue  # ``das Treffen`` is a noun; ``die inhaftierten Bürger`` an adjective
            if trigger:
                hits.append(TriggerHit(trigger, (token.i,)))
                used.add(token.i)
        hits.sort(key=lambda h: h.tokens[0])
        starts = [h.tokens[0] for h in hits]
        for k in pledges:
            lo, hi = sentence.start + clauses.start(k), sentence.start + clauses.end(k)
            has_money = bisect.bisect_left(money, lo) < bisect.bisect_left(money, hi)
            # ``sagte auf der Konferenz 2 Milliarden Euro zu``: only an aid word of its own makes the pledge no bare one
            has_trigger = any(h.trigger.type == "AID" for h in hits[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)])
            if self.aid and has_money and not has_trigger:
                hits.append(TriggerHit(self.aid, (tokens[k].i,), "pledged"))
        return sorted(hits, key=lambda h: h.tokens[0])

    def _head(self, token: Token) -> Trigger | None:
        """The trigger a compound ends in (``Raketenangriffen`` → Angriff), longest head first."""
        if not token.text[:1].isupper():
            return None
        word = token.lower_
        for length, heads in self.heads:
            if len(word) > length + 2:
                trigger = heads.get(word[-length:])
                if trigger and not word.endswith(FALSE_HEADS):
                    return trigger
        return None

    # -- status -----------------------------------------------------------------------
    def status(
        self, clauses: Clauses, hit: TriggerHit, event_time: Time | None, published: dt.date | None,
        end: int | None = None, governed: bool = False,
    ) -> str:
        """occurred, pledged, planned, denied or demanded, from the cues in the trigger's clause.

        ``end`` extends the clause (a relative clause about a noun trigger belongs to it);
        ``governed`` adds the clause before (``kündigte an, Hilfe bereitzustellen``).
        """
        if hit.status:
            return hit.status
        sentence, words = clauses.sentence, clauses.words
        main = hit.tokens[0] - sentence.start
        start, end = clauses.start(main), end or clauses.end(max(hit.tokens) - sentence.start)
        if start > 0 and (words[start] in SUBORDINATORS or governed):
            start = clauses.start(start - 1)  # ``Vorgesehen ist, dass …``: the main clause governs
        found: set[str] = set()
        for k in range(max(start, main - WINDOW), min(end, main + WINDOW)):
            if k + sentence.start in hit.tokens:
                continue
            if k > 0 and clauses.tokens[k].text[:1].isupper() and not 0 < main - k <= 3:
                continue  # a cue noun (``Ankündigung``) speaks of its own phrase only
            status = self._cue(clauses, k, end)
            if status == "denied" and not self._negates(clauses.tokens, words, k, main, hit):
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

    def _cue(self, clauses: Clauses, k: int, clause_end: int) -> str | None:
        """The status a word signals: a cue form, a participle used as adjective, or a split particle verb."""
        word = clauses.words[k]
        status = self.cues.get(word)
        if status is None and word.endswith(ADJECTIVE_ENDINGS):
            stem = word[:-2] if word.endswith(("en", "em", "er", "es")) else word[:-1]
            status = self.cues.get(stem) if stem.startswith(("ge", "zuge", "ange", "vorge")) or "ge" in stem[:6] else None
        if status is None:
            for particle, separable_status in self.separable_cues.get(word, ()):
                if clauses.find(particle, k + 1, clause_end) is not None:
                    return separable_status
        return status

    @staticmethod
    def _negates(sentence: Sequence[Token], words: list[str], k: int, main: int, hit: TriggerHit) -> bool:
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


def _absorb_objects(clauses: Clauses, hits: list[TriggerHit]) -> list[TriggerHit]:
    """A noun trigger that is the object of a verb trigger is part of that event.

    ``lehnte Finanzhilfen der EU ab``, ``stoppt EU-Beitrittsgespräche``, ``unterzeichneten ein
    Abkommen``: one event, coded by the verb. Demands keep their object as an event of its
    own (``forderte Sanktionen``: a demanded SANCTION), and so do agreements, whose object
    is then planned (``vereinbarten einen Gefangenenaustausch``). Only the nearest verb counts.
    """
    offset = clauses.sentence.start
    kept: list[TriggerHit] = []
    verb: TriggerHit | None = None
    for hit in hits:
        token = clauses.tokens[hit.tokens[0] - offset]
        governed = verb is not None and token.text[:1].isupper() and len(hit.tokens) == 1 and _governs(clauses, verb.tokens[0] - offset, hit.tokens[0] - offset)
        if governed and verb.trigger.type == "AGREE" and hit.trigger.type != "AGREE":
            kept.append(attrs.evolve(hit, status="planned"))  # agreed to be done
            continue
        if governed:
            index = kept.index(verb)
            kept[index] = verb = attrs.evolve(verb, tokens=(*verb.tokens, *hit.tokens))  # the object stays as evidence
            continue
        kept.append(hit)
        if hit.trigger.pos == "VERB" and hit.trigger.type != "REQUEST":
            verb = hit
        elif hit.trigger.pos == "VERB":
            verb = None  # a demand's objects are events of their own
    return kept


def _governs(clauses: Clauses, verb: int, noun: int) -> bool:
    """The noun follows the verb closely in the same clause with no preposition between."""
    if not 0 < noun - verb <= OBJECT_DISTANCE or clauses.end(verb) < noun:
        return False
    return not any(clauses.words[j] in ALL_PREPOSITIONS for j in range(verb + 1, noun))


def _attributive(tokens: Sequence[Token], k: int, forms: dict[str, Trigger]) -> bool:
    """A participle used as an adjective: ``die angegriffenen Dörfer``, ``der in Venezuela inhaftierten Bürger``.

    It has an inflection ending, stands after an article (or an article and a place phrase)
    and before a noun or another adjective; a verb form that is finite here (``lockerte die
    Regeln``, ``unterzeichneten Vertreter``) has none of that.
    """
    word = tokens[k].lower_
    if not word.endswith(ADJECTIVE_ENDINGS) or k + 1 >= len(tokens) or k == 0:
        return False
    stem = word[:-2] if word.endswith(("en", "em", "er", "es")) else word[:-1]
    if "ge" not in word[:8] and stem not in forms:
        return False
    before = tokens[k - 1].lower_
    after_article = (
        before in DETERMINERS
        or k >= 3 and tokens[k - 1].text[:1].isupper() and tokens[k - 2].lower_ in LOCATIVE and tokens[k - 3].lower_ in DETERMINERS
        # ``vom Iran unterstützte Gruppen``, ``der wegen Spionage verurteilte Reporter``
        or k >= 2 and tokens[k - 1].text[:1].isupper() and tokens[k - 2].lower_ in ALL_PREPOSITIONS
        # ``rechtskräftig verurteilte Abgeordnete``, ``international anerkannte Regierung``
        or tokens[k - 1].is_alpha and tokens[k - 1].text[:1].islower() and before.endswith(ADVERB_ENDINGS)
    )
    following = tokens[k + 1 : k + 3]
    before_noun = following[0].text[:1].isupper() or (
        len(following) > 1 and following[0].lower_ not in DETERMINERS
        and following[0].lower_.endswith(ADJECTIVE_ENDINGS) and following[1].text[:1].isupper()
    )
    return after_article and before_noun


def _is_break(tokens: Sequence[Token], j: int) -> bool:
    """A clause boundary; a comma between two names (``Die USA, Japan und …``) is a list, not one."""
    token = tokens[j]
    if token.text == ",":
        return not (0 < j < len(tokens) - 1 and tokens[j - 1].text[:1].isupper() and tokens[j + 1].text[:1].isupper())
    return token.text in CLAUSE_BREAKS or token.is_sent_end and token.is_punct


class Clauses:
    """A sentence's words and clause boundaries, computed once; every lookup is a bisection."""

    def __init__(self, sentence: Span) -> None:
        self.sentence = sentence
        self.tokens = list(sentence)
        self.words = [t.lower_ for t in self.tokens]
        self.breaks = [j for j in range(len(self.tokens)) if _is_break(self.tokens, j)]
        self.positions: dict[str, list[int]] = {}
        for k, word in enumerate(self.words):
            self.positions.setdefault(word, []).append(k)

    def end(self, k: int) -> int:
        """Index of the boundary that closes the clause of word ``k`` (or the sentence length)."""
        i = bisect.bisect_right(self.breaks, k)
        return self.breaks[i] if i < len(self.breaks) else len(self.tokens)

    def start(self, k: int) -> int:
        """Index of the first word of the clause of word ``k``."""
        i = bisect.bisect_left(self.breaks, k) - 1
        return self.breaks[i] + 1 if i >= 0 else 0

    def find(self, word: str, lo: int, hi: int) -> int | None:
        """The first position of ``word`` in ``[lo, hi)``, if any."""
        places = self.positions.get(word, ())
        i = bisect.bisect_left(places, lo)
        return places[i] if i < len(places) and places[i] < hi else None


@attrs.define
class _Draft:
    """An event while it is being built and merged."""

    trigger: Trigger
    status: str
    main: Mention
    sentence: tuple[int, int]
    source: list[str]
    target: list[str]
    agents: list[str] = attrs.Factory(list)  # the source actors named, before their affiliations
    infinitive: bool = False  # told in a ``zu`` infinitive clause, whose doer the governing clause names
    place_evidence: int = 0  # 2: stated in this telling, 1: the scene of the paragraph, 0: the dateline
    preposition: str | None = None  # the preposition a noun trigger stands after (``auf eine Waffenruhe``)
    place: PlaceMention | None = None
    time: Time | None = None
    duration: str | None = None
    amount: Money | None = None
    evidence: list[Mention] = attrs.Factory(list)

    def compatible(self, other: _Draft) -> bool:
        """Same event told twice: same type and code family, agreeing roles and place."""
        if self.trigger.type != other.trigger.type:
            return False
        if self.sentence == other.sentence and (
            "VERB" in (self.trigger.pos, other.trigger.pos) or abs(self.main.start - other.main.start) <= COORDINATED
        ):
            return True  # ``Sitzung, an der … teilnahmen``; ``Wasserwerfer und Tränengas``
        if self.trigger.lemma != other.trigger.lemma:
            return False
        if self.source and other.source and not set(self.source) & set(other.source):
            return False
        if self.target and other.target and set(self.target) != set(other.target):
            return False
        # ``in Georgien`` and ``in Tiflis`` can be one event; ``in Brüssel`` and ``in Den Haag`` not
        return not (self.place and other.place and self.place.place.country != other.place.place.country)

    def absorb(self, other: _Draft) -> None:
        """Take the other telling's evidence and fill what this one lacks."""
        self.evidence.append(other.main)
        self.evidence.extend(other.evidence)
        if self.sentence == other.sentence and self.source:
            # one event told by a verb and a noun: the other telling's doers take part in it
            self.target = list(dict.fromkeys(k for k in (*self.target, *other.agents, *other.target) if k not in self.source))
        self.source = self.source or other.source
        self.target = [t for t in (self.target or other.target) if t not in (self.agents or self.source)]
        if other.place and (
            not self.place
            # a more specific place from the text refines (``in Georgien`` … ``in Tiflis``); a dateline never does
            or other.place_evidence > 0 and _specificity(other.place) < _specificity(self.place)
            or other.place_evidence > self.place_evidence and _specificity(other.place) == _specificity(self.place)
        ):
            self.place, self.place_evidence = other.place, other.place_evidence
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


def _is_visit(trigger: Trigger) -> bool:
    return (trigger.cameo or "").startswith("042")


def _contiguous(tokens: tuple[int, ...]) -> bool:
    return tokens == tuple(range(tokens[0], tokens[0] + len(tokens)))


def _token_mention(token: Token) -> Mention:
    return Mention(token.text, token.idx, token.idx + len(token))


def _specificity(place: PlaceMention) -> int:
    return PLACE_SPECIFICITY.get(place.place.feature, 1)


class EventCoder:
    """Codes the events of one doc from its trigger hits and mentions."""

    def __init__(
        self, finder: EventFinder, doc: Doc, found: Any, keys: dict[str, str], affiliations: dict[str, str],
        is_role: Callable[[str], object] = lambda word: False,
    ) -> None:
        """``found`` is the doc's ``Analysis``: its text, date and the mentions of the earlier stages."""
        self.finder, self.doc, self.published, self.text = finder, doc, found.published, found.text
        actors, places, times, money = found.actors, found.places, found.times, found.money
        self.finder_roles = is_role
        self.token_ends = [t.idx + len(t) for t in doc]
        self.actors, self.places, self.times, self.money = actors, places, times, money
        self.keys, self.affiliations = dict(keys), dict(affiliations)
        self.adjective_ends = {m.token_end: m.ref.id for m in actors if m.ref.kind == "GPE" and m.via == "adjective"}
        self.place_index = _ByStart(places)
        self.generic = self._generic_mentions()
        self.candidates = _ByStart([m for m in (*actors, *self.generic) if m.ref.id not in finder.news_agencies])
        self.actor_index = _ByStart(actors)
        self.time_index = _ByStart(times)
        self.money_index = _ByStart(money)
        self.role_holders = {m.token_start for m in actors if m.ref.kind == "PER" and m.role}
        self.mention_ends: dict[int, list[ActorMention]] = {}
        for m in self.candidates.items:
            self.mention_ends.setdefault(m.token_end, []).append(m)
        self.dateline = next((p for p in places if p.dateline), None)
        self.recent_place: PlaceMention | None = None
        self.groups_named = {m.ref.name for m in self.generic}
        self.last_person: str | None = None

    @functools.cached_property
    def principal_parties(self) -> list[ActorMention]:
        """The two states or organisations the article names most, at their first mention.

        Fighting, ceasefires and talks told without their parties (``Die Kämpfe flauten ab``)
        are between the sides the article is about.
        """
        counts: dict[str, int] = {}
        first: dict[str, ActorMention] = {}
        for m in self.actors:
            if m.ref.kind in ("GPE", "ORG") and m.ref.id not in self.finder.news_agencies:
                key = self.keys[m.ref.key]
                counts[key] = counts.get(key, 0) + 1
                first.setdefault(key, m)
        ranked = sorted(counts, key=lambda k: (-counts[k], first[k].start))
        return [first[k] for k in ranked[:2]] if len(ranked) >= 2 else []

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
            taken.update(range(hit.start, hit.end))
        for token in self.doc:
            entry = None if token.i in taken else self._compound_group(token)
            if entry is not None:
                state = None if entry.get("stateless") else self._state_of_group(token.i) or dominant
                ref = ActorRef("generic:" + entry["name"], None, entry["name"], "ORG", state)
                end = token.idx + len(token)
                found.append(ActorMention(token.idx, end, token.text, token.i, token.i + 1, ref, "generic"))
                self.keys[ref.key] = entry["name"]
        return sorted(found, key=lambda m: m.start)

    def _compound_group(self, token: Token) -> dict[str, Any] | None:
        """``Berufungsgericht``, ``Regierungstruppen``: a compound whose head names a group."""
        word = token.lower_
        if len(word) < 8 or not token.is_alpha or not token.text[:1].isupper():
            return None
        for length in range(len(word) - 3, 4, -1):
            entry = self.finder.generic_heads.get(word[-length:])
            if entry is not None:
                return entry
        return None

    def _state_of_group(self, i: int) -> str | None:
        """The state of an adjective right before a group (``georgische Polizei``), else of a place near it."""
        if i in self.adjective_ends:
            return self.adjective_ends[i]
        # a place of the group's sentence, within the window: where it is (``in San Cristóbal``) first
        sentence = self.doc[i].sent if self.doc.has_annotation("SENT_START") else self.doc[:]
        lo = self.doc[max(sentence.start, i - WINDOW)].idx
        hi = self.doc[min(sentence.end, i + WINDOW) - 1].idx + 1
        near = [p for p in self.place_index.between(lo, hi) if p.place.country in self.finder.state_of_country and self._where(p)]
        if near:
            nearest = min(near, key=lambda p: abs(p.token_start - i))
            return self.finder.state_of_country[nearest.place.country]
        # else the scene of the report: the last place named as a location (or the dateline) before it
        scene = [p for p in self.place_index.between(0, self.doc[i].idx) if self._where(p)]
        return self.finder.state_of_country.get(scene[-1].place.country) if scene else None

    def code(self, body_end: int | None, statements: bool = False) -> list[Event]:
        """All events of the doc that have a source, mentions of one event merged; STATEMENTs only with ``statements``."""
        drafts: list[_Draft] = []
        blocked = _quoted_tokens(self.doc) | {i for m in self.generic for i in range(m.token_start, m.token_end)}
        money_tokens = sorted({self._token_at(m.start) for m in self.money})
        for sentence in self.doc.sents:
            clauses = Clauses(sentence)
            if "\n" in self.text[max(0, sentence.start_char - 2) : sentence.start_char + 1]:
                self.recent_place = None  # a new paragraph may be somewhere else
            hits = _absorb_objects(clauses, self.finder.triggers(clauses, blocked, money_tokens))
            starts = [h.tokens[0] for h in hits]
            drafted = [self._draft(clauses, hit, starts) for hit in hits if body_end is None or self.doc[hit.tokens[0]].idx < body_end]
            drafts += _statements_without_content(_one_event_per_demand(_doers_from_frame(drafted)))
            located = [p for p in self.place_index.between(sentence.start_char, sentence.end_char) if p.place.feature == "city" and is_locative(self.doc, p.token_start)]
            if located:
                self.recent_place = located[-1]
            persons = [m for m in self.actor_index.between(sentence.start_char, sentence.end_char) if m.ref.kind == "PER"]
            if persons:
                self.last_person = self.keys[persons[0].ref.key]
        # An event nobody did cannot be coded (and never matches an analyst's record).
        return [d.to_event() for d in _merge(drafts) if d.source and (statements or d.trigger.type != "STATEMENT")]

    def _draft(self, clauses: Clauses, hit: TriggerHit, triggers: Sequence[int]) -> _Draft:
        sentence, tokens = clauses.sentence, clauses.tokens
        main = self.doc[hit.tokens[0]]
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
        place, said = self._place(hit, (clause_lo, clause_hi), near, triggers)
        evidence = 2 if said else 1 if self.recent_place else 0
        if not said and hit.trigger.type in PHYSICAL_TYPES:
            place = self.recent_place or self.dateline  # the scene of the report goes on
        if not target and place is not None and (hit.trigger.type in PLACE_TARGET_TYPES or _is_visit(hit.trigger)):
            state = self.finder.state_of_country.get(place.place.country)
            if state and state not in source:
                target = [state]  # ``Angriff auf Odessa``, ``Rückzug aus Niger``: the place's state is hit
        if not target and hit.trigger.type == "PROTEST":
            state = self.finder.state_of_country.get(place.place.country) if place else None
            target = [state] if state else [k for k in source if k not in agents][:1]  # protests address the government
        if not target:
            target = self._group_target(agents)
        money = self.money_index.first(*near)
        return _Draft(
            trigger=hit.trigger,
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
            evidence=[] if _contiguous(hit.tokens) else [_token_mention(self.doc[i]) for i in hit.tokens[1:]],
        )

    def _group_target(self, agents: list[str]) -> list[str]:
        """``Die Polizei riegelte das Gebäude ab`` in a protest report: the police acted against the protesters."""
        for agent in agents:
            for group in self.finder.targets_of.get(agent, ()):
                if group in self.groups_named:
                    return [group]
        return []

    def _trigger_mention(self, hit: TriggerHit) -> Mention:
        """The whole phrase of a multi-word trigger (``humanitäre Hilfe``), else the main word."""
        if _contiguous(hit.tokens):
            span = self.doc[hit.tokens[0] : hit.tokens[-1] + 1]
            return Mention(span.text, span.start_char, span.end_char)
        return _token_mention(self.doc[hit.tokens[0]])

    def _time(self, lo: int, hi: int) -> Time | None:
        return next((t for t in self.time_index.between(lo, hi) if t.type in ("DATE", "TIME") and t.interval), None)

    def _place(
        self, hit: TriggerHit, clause: tuple[int, int], near: tuple[int, int], triggers: Sequence[int]
    ) -> tuple[PlaceMention | None, bool]:
        """The located place of the trigger's clause (else near it), and whether the text said where.

        A place belongs to the nearest trigger before it; several places at once name none.
        """
        for scope in (clause, near):
            candidates = [p for p in self.place_index.between(*scope) if not self._is_seat(p) and _attached(p.token_start, hit.tokens[0], triggers)]
            located = [p for p in candidates if is_locative(self.doc, p.token_start, PLACE_PREPOSITIONS) or _after_place_noun(self.doc, p.token_start)]
            if not located and _is_visit(hit.trigger) and scope == clause:
                located = candidates  # ``wird Teheran besuchen``: the visited place is the object
            best = min(located, key=lambda p: (_specificity(p), abs(p.token_start - hit.tokens[0])), default=None)
            if best is not None and any(
                _specificity(p) == _specificity(best) and p.place != best.place and self._listed_together(p, best)
                for p in candidates
            ):
                return None, True  # ``in Batumi, Kutaissi und Gori``: several places, no single one
            if best is not None:
                return best, True
        return None, False

    def _where(self, place: PlaceMention) -> bool:
        """The place is named as where something is: after a locative preposition, or in the dateline."""
        return place.dateline or is_locative(self.doc, place.token_start)

    def _listed_together(self, a: PlaceMention, b: PlaceMention) -> bool:
        """``Batumi, Kutaissi und Gori``: only list words stand between the two names."""
        first, second = sorted((a, b), key=lambda p: p.token_start)
        between = self.doc[first.token_end : second.token_start]
        return 0 < len(between) <= 2 and all(t.text in (",", "und", "sowie", "oder") for t in between)

    def _is_seat(self, place: PlaceMention) -> bool:
        """``die Regierung in Pristina``, ``die Junta in Bamako``: where an actor sits, not where it acts.

        Police, troops and crowds act where they are (``die Polizei in Istanbul``).
        """
        i = place.token_start - 1
        while i > 0 and self.doc[i].lower_ in ("der", "dem", "den", "des"):
            i -= 1
        if i < 1 or self.doc[i].lower_ not in ("in", "im", "aus"):
            return False
        return any(
            m.via not in ("generic", "default", "compound") or m.ref.name in self.finder.governments
            for m in self.mention_ends.get(i, ())
        )

    # -- roles ------------------------------------------------------------------------
    def _roles(
        self, sentence: Span, hit: TriggerHit, lo: int, hi: int, near: tuple[int, int], infinitive: bool = False
    ) -> tuple[list[str], list[str], list[str]]:
        """The actors named as source, the source keys with their affiliations, and the target keys.

        From German clause patterns, so no parser is needed.
        """
        main = hit.tokens[0]
        at = self.doc[main].idx
        clause = [m for m in self.candidates.between(lo, hi) if not self._is_role_modifier(m)]
        # ``russische Truppen``: the adjective already names the actor of the group
        clause = [m for m in clause if not (m.via == "generic" and m.token_start in self.adjective_ends)]
        noun = self.doc[main].text[:1].isupper() and len(hit.tokens) == 1
        # Parts of a noun trigger's own phrase: ``NATO-Gipfel``, ``russischen Angriff``, ``Angriff der Hamas``.
        inside = [m for m in clause if m.token_start == main and m.via == "compound"] if noun else []
        before = [m for m in clause if m.token_end == main and (m.via == "adjective" or self._saxon_genitive(m))] if noun else []
        genitive = [m for m in clause if self._is_genitive_of(m, main)] if noun else []
        own = inside + before + genitive
        parties = [m for m in clause if self._governing_preposition(m) == "zwischen"]
        parties += [m for m in clause if m not in parties and self._in_list_after(m, parties)]
        passive = self._is_passive(hit, lo, hi)
        # ``Surabischwili, die der Regierung … vorwirft``: a relative clause's subject is its antecedent
        source: list[ActorMention] = [] if noun or passive else self._antecedent(lo)
        target: list[ActorMention] = []
        for m in clause:
            if m in own or m in parties:
                continue
            preposition = self._governing_preposition(m)
            if preposition in AGENT_PREPOSITIONS and passive:
                source.append(m)
            elif preposition in TARGET_PREPOSITIONS or self._in_list_after(m, target):
                target.append(m)
            elif source and preposition is None and self._in_list_after(m, source):
                source.append(m)  # ``Serbien und Kosovo einigten sich``
            elif preposition is not None:
                continue
            elif self._is_genitive_attribute(m) or self._saxon_genitive(m):
                if source and m.start > at and not self._in_phrase(m):
                    target.append(m)  # ``lehnte Finanzhilfen der EU ab``: the object's owner is the target
            elif not source:
                source.append(m)
            else:
                target.append(m)  # another actor without a preposition is an object
        if noun and parties:
            source, target = parties, [m for m in target if m not in parties]  # ``Einigung zwischen A und B``
        elif noun and own:
            agents = inside + before + (genitive if hit.trigger.genitive == "source" else [])
            patients = genitive if hit.trigger.genitive == "target" else []
            if agents:
                source, target = agents[:1], patients + [m for m in target if m not in agents]
            else:
                target = patients + target
        elif noun and self._framed(main):
            source, target = [], []  # ``für den Luftangriff``: the clause's subject is not its agent
            infinitive = False  # ``um über das Abkommen zu entscheiden``: nor is the infinitive's
        if not source and not passive and (not noun or infinitive):
            source = self._subject_outside(sentence, lo, main, infinitive)
        if passive and not any(self._governing_preposition(m) in AGENT_PREPOSITIONS for m in source) or hit.trigger.subject == "target":
            target, source = source + target, []  # the grammatical subject of a passive is its target
        pronoun = None if noun or passive else self._pronoun_subject(lo, hi, main)
        if pronoun is not None and self.last_person and (not source or pronoun < source[0].token_start):
            target, source = source + target, []  # ``forderte er den Präsidenten auf``: the pronoun is the doer
        if not source:
            source = self._default_agent(hit, near)
        if not source and noun and hit.trigger.mutual and not self._framed(main):
            source = self.principal_parties  # ``Die Kämpfe dauerten an``: the article's two sides
        agents = self._keys(source)
        if not agents and self.last_person and any(t.text in PRONOUNS for t in self.doc[self._token_at(lo) : self._token_at(hi)]):
            agents = [self.last_person]
        # the state each doer acts for: a person's or body's affiliation, a group's own state
        states = [m.ref.country for m in source if m.via in ("generic", "default")] + [self.affiliations.get(k) for k in agents]
        source_keys = agents + [a for a in dict.fromkeys(states) if a and a not in agents]
        return agents, source_keys, self._target_keys(target, source_keys)

    def _pronoun_subject(self, lo: int, hi: int, main: int) -> int | None:
        """The token of a subject pronoun of the clause: ``er`` anywhere, ``Sie`` opening the sentence."""
        for token in self.doc[self._token_at(lo) : self._token_at(hi)]:
            if token.lower_ == "er" or token.text == "Sie" and token.is_sent_start:
                return token.i
        return None

    def _infinitive_clause(self, lo: int, hi: int) -> bool:
        """``…, 15 Millionen Dollar bereitzustellen``: a clause of a ``zu`` infinitive after a comma."""
        first, last = self._token_at(lo), self._token_at(hi)
        if first == 0 or self.doc[first - 1].text != ",":
            return False
        return any(t.lower_ == "zu" or INFINITIVE_WITH_ZU.match(t.lower_) for t in self.doc[first:last])

    def _antecedent(self, lo: int) -> list[ActorMention]:
        """The actor right before ``, die …`` when the clause at ``lo`` is a relative clause."""
        start = self._token_at(lo)
        if start >= 2 and self.doc[start - 1].text == "," and self.doc[start].lower_ in RELATIVE_PRONOUNS:
            return self.mention_ends.get(start - 1, [])[:1]
        return []

    def _subject_outside(self, sentence: Span, lo: int, main: int, infinitive: bool = False) -> list[ActorMention]:
        """The subject of a verb whose clause is cut by commas.

        ``Die UN kündigten an, Hilfe bereitzustellen``: an announced infinitive takes the actor
        nearest before it; ``Surabischwili, die …, schloss sich an``: a verb opening its clause
        takes the actor that opens the sentence.
        """
        start = self._token_at(lo)
        if infinitive and start > sentence.start:
            # the actor nearest before the comma: ``die NATO kündigte an, …``, ``Lai … kündigte an, …``
            before = [m for m in self.candidates.between(self.doc[max(sentence.start, start - WINDOW)].idx, self.doc[start].idx)
                      if self._governing_preposition(m) is None and not self._is_role_modifier(m)]
            return before[-1:]
        if main == start and start > sentence.start and self.doc[start - 1].text == ",":
            opening = self.candidates.first(sentence.start_char, self.doc[start].idx)
            if opening and self._governing_preposition(opening) is None and opening.token_start - sentence.start <= 4:
                return [opening]
        return []

    def _target_keys(self, target: list[ActorMention], source_keys: list[str]) -> list[str]:
        """Targets as keys: a state's own groups drop out, official groups stand for their state."""
        keys: list[str] = []
        for m in target:
            key = self.keys[m.ref.key]
            if m.via in ("generic", "default") and self.finder.official_groups.get(m.ref.name):
                if m.ref.country is None or m.ref.country in source_keys and m.ref.name not in self.finder.governments:
                    continue  # ``verlegte Truppen``: the source's own forces are no target; its government can be
                key = m.ref.country  # ``die Regierung in Caracas`` is Venezuela
            elif m.via in ("generic", "default") and m.ref.country is None:
                continue  # stateless fighters have no code
            if key not in source_keys and key not in keys:
                keys.append(key)
        return keys

    def _framed(self, main: int) -> bool:
        """The noun trigger stands in a prepositional phrase (``für den Luftangriff``, ``nach dem Treffen``)."""
        return self._framing(main) is not None

    def _framing(self, main: int) -> str | None:
        """The preposition whose phrase the noun trigger at ``main`` stands in, if any."""
        for i in range(main - 1, max(main - 4, -1), -1):
            word = self.doc[i].lower_
            if word in ALL_PREPOSITIONS:
                return word
            if not self.doc[i].text[:1].islower():
                return None
        return None

    def _default_agent(self, hit: TriggerHit, near: tuple[int, int]) -> list[ActorMention]:
        """The group that does an event of this type when the text names nobody (people protest)."""
        kinds = (f"{hit.trigger.type}:{hit.trigger.mode}", hit.trigger.type)  # ``SANCTION:convict`` before ``SANCTION``
        for kind in kinds:
            for m in self.candidates.between(*near):
                if m.via == "generic" and kind in self.finder.default_agents.get(m.ref.name, ()):
                    return [m]
        entry = next((e for kind in kinds for e, types in self.finder.default_agent_entries if kind in types), None)
        if entry is None:
            return []
        state = self._state_of_group(hit.tokens[0])
        main = self.doc[hit.tokens[0]]
        ref = ActorRef("generic:" + entry["name"], None, entry["name"], "ORG", state)
        self.keys[ref.key] = entry["name"]
        return [ActorMention(main.idx, main.idx + len(main), main.text, main.i, main.i + 1, ref, "default")]

    def _token_at(self, char: int) -> int:
        """Index of the first token that ends after ``char``."""
        return bisect.bisect_right(self.token_ends, char)

    def _is_passive(self, hit: TriggerHit, lo: int, hi: int) -> bool:
        """``wurde … angegriffen``: a passive auxiliary and a participle trigger in one clause."""
        words = [t.lower_ for t in self.doc[self._before_relative_clause(self._token_at(lo)) : self._token_at(hi)]]
        trigger = self.doc[hit.tokens[0]].lower_
        # ``angegriffen``, ``festgenommen``; inseparable verbs have no ``ge``: ``verurteilt``, ``beschossen``
        ge = "ge" in trigger[:7]
        if trigger in hit.trigger.lemma.lower().split("/") or not trigger.endswith(("t", "en")) or not (ge or trigger.startswith(INSEPARABLE_PREFIXES)):
            return False
        # ``wird … besuchen`` is a future; ``wurde … beschossen`` and ``wird … verurteilt`` are passives
        if any(w in PAST_PASSIVE_AUXILIARIES for w in words):
            return True
        return (ge or trigger.endswith("t")) and any(w in PASSIVE_AUXILIARIES for w in words)

    def _before_relative_clause(self, start: int) -> int:
        """Where the clause at ``start`` began before an inserted relative clause.

        ``wurden mehrere Politiker, die im Ausland leben, zu Haft verurteilt``: the clause of
        ``verurteilt`` goes on from before ``, die …,``.
        """
        if start < 2 or self.doc[start - 1].text != ",":
            return start
        sentence_start = self.doc[start].sent.start if self.doc.has_annotation("SENT_START") else 0
        comma = next((i for i in range(start - 2, max(sentence_start, start - WINDOW) - 1, -1) if self.doc[i].text == ","), None)
        if comma is None or self.doc[comma + 1].lower_ not in RELATIVE_PRONOUNS:
            return start
        before = next((i for i in range(comma - 1, max(sentence_start, comma - WINDOW) - 1, -1) if self.doc[i].text in CLAUSE_BREAKS), None)
        return (before + 1) if before is not None else max(sentence_start, comma - WINDOW)

    def _is_genitive_of(self, m: ActorMention, main: int) -> bool:
        """``Treffen der NATO-Außenminister``, ``Pressekonferenz des katarischen Premierministers al Thani``."""
        if m.token_start <= main or m.token_start > main + 5:
            return False
        if self.doc[main + 1].lower_ not in ("der", "des"):
            # ``Angriff mutmaßlicher Dschihadisten``: a plural genitive needs no article
            between = self.doc[main + 1 : m.token_start]
            return bool(between) and all(t.text[:1].islower() and t.lower_.endswith("er") for t in between)
        between = self.doc[main + 2 : m.token_start]
        return all(t.text[:1].islower() or self.finder_roles(t.text) for t in between)

    def _in_phrase(self, m: ActorMention) -> bool:
        """``unter Vermittlung der EU``: the genitive belongs to a prepositional phrase, not to an object."""
        i = m.token_start - 1
        while i > 0 and self.doc[i].lower_ not in ("der", "des"):
            i -= 1
        return i >= 2 and self._framed(i - 1)

    def _saxon_genitive(self, m: ActorMention) -> bool:
        """``Russlands Angriff``, ``Lukaschenkos Rücktritt``: a name in the genitive before the noun it owns."""
        if not m.text.endswith("s") or m.ref.name.endswith("s") or m.token_end >= len(self.doc):
            return False
        following = self.doc[m.token_end]
        return following.is_alpha and following.text[:1].isupper()

    def _is_genitive_attribute(self, m: ActorMention) -> bool:
        """``die Unterstützung der Allianz``: an actor in the genitive after another noun is not a subject."""
        i = m.token_start - 1
        while i >= 0 and self.doc[i].text[:1].islower() and self.doc[i].lower_ not in ("der", "des"):
            i -= 1  # adjectives between article and name
        if i < 1 or self.doc[i].lower_ not in ("der", "des"):
            return False
        noun = self.doc[i - 1]
        if self._stands_for(noun):
            return False  # ``die Außenminister der EU einigten sich``: the members act for the genitive
        return noun.text[:1].isupper() and not noun.is_sent_start and noun.is_alpha

    def _stands_for(self, noun: Token) -> bool:
        """A noun for people acting for an actor: a role (``Außenminister``) or a members' word (``Vertreter``)."""
        word = noun.text
        return word in MEMBER_NOUNS or bool(self.finder_roles(word)) or word.endswith("s") and bool(self.finder_roles(word[:-1]))

    def _keys(self, mentions: Sequence[ActorMention]) -> list[str]:
        return list(dict.fromkeys(self.keys[m.ref.key] for m in mentions))

    def _is_role_modifier(self, m: ActorMention) -> bool:
        """``ukrainische`` in ``der ukrainische Außenminister Andrii Sybiha`` belongs to the person."""
        return m.via in ("adjective", "compound", "genitive") and (
            m.token_end in self.role_holders or m.token_end + 1 in self.role_holders
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


def _attached(token: int, trigger: int, triggers: Sequence[int]) -> bool:
    """Does a phrase at ``token`` belong to ``trigger``? To the nearest trigger before it;
    before every trigger of the sentence (``Die Polizei in Istanbul setzte …``), to all."""
    i = bisect.bisect_left(triggers, token)
    return i == 0 or triggers[i - 1] == trigger


def _after_place_noun(doc: Doc, i: int) -> bool:
    """``die Stadt Kadugli``, ``der Region Mopti``: a place named after a place noun."""
    return i > 0 and is_place_noun(doc[i - 1].text)


def _doers_from_frame(drafts: list[_Draft]) -> list[_Draft]:
    """An event with no doer of its own, in the sentence of a demand or an agreement.

    ``Die EU forderte Belgrad auf, sich den Sanktionen anzuschließen``: demanded of the one
    addressed. ``Kiew und Moskau einigten sich auf eine Waffenruhe``: planned by the parties.
    """
    frame = next((d for d in drafts if d.trigger.type == "REQUEST" and d.target or d.trigger.type == "AGREE" and d.source), None)
    for draft in drafts:
        demand = frame is not None and frame.trigger.type == "REQUEST"
        agreed = draft.preposition in (None, "auf", "über")  # ``einigten sich auf eine Waffenruhe``, not ``bei Gesprächen``
        if frame is not None and draft is not frame and (demand or agreed) and (not draft.source or demand and draft.infinitive):
            draft.source = draft.agents = list(frame.target if demand else frame.agents or frame.source)
            if draft.status == "occurred":
                draft.status = "demanded" if demand else "planned"
    return drafts


def _one_event_per_demand(drafts: list[_Draft]) -> list[_Draft]:
    """A demand is one event: the REQUEST, or for a call to protest the protest it calls for.

    ``forderte die Junta auf, die Macht zurückzugeben`` is a REQUEST (what is demanded is
    its content, not a second event); ``rief zu Demonstrationen auf`` is a demanded PROTEST.
    """
    demand = next((d for d in drafts if d.trigger.type == "REQUEST"), None)
    if demand is None:
        return drafts
    content = [d for d in drafts if d.status == "demanded" and d.main.start > demand.main.start]
    if any(d.trigger.type == "PROTEST" for d in content):
        return [d for d in drafts if d is not demand]
    return [d for d in drafts if d not in content]


def _statements_without_content(drafts: list[_Draft]) -> list[_Draft]:
    """A sentence's statements, unless the sentence codes what was said.

    ``Die Armee habe die Stadt beschossen, erklärte das Ministerium``: analysts code the
    shelling (or the accusation), not the act of saying it; a statement stands alone only
    where its content is no event.
    """
    if any(d.trigger.type != "STATEMENT" and d.source for d in drafts):
        return [d for d in drafts if d.trigger.type != "STATEMENT"]
    return drafts


def _quoted_tokens(doc: Doc, longest: int = 120) -> set[int]:
    """Tokens inside quotation marks: quoted speech is reported, not coded as events here.

    A few quoted words are a term, not speech (``warf Baku einen „Artillerieangriff“ vor``).

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
        if end - i > SCARE_QUOTE:
            inside.update(range(i + 1, end))
        i = end + 1
    return inside


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """Merge tellings of one event; each draft is compared with the latest few of its type."""
    merged: list[_Draft] = []
    by_type: dict[str, list[_Draft]] = {}
    for draft in drafts:
        recent = by_type.setdefault(draft.trigger.type, [])
        home = next((m for m in recent[-MERGE_HORIZON:] if m.compatible(draft)), None)
        if home:
            home.absorb(draft)
        else:
            merged.append(draft)
            recent.append(draft)
    return merged


class _ByStart:
    """Mentions sorted by start offset, to take those in a character range by bisection."""

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = sorted(items, key=lambda x: x.start)
        self.starts = [x.start for x in self.items]

    def between(self, lo: int, hi: int) -> list[Any]:
        """The items that start in ``[lo, hi)``, in text order."""
        return self.items[bisect.bisect_left(self.starts, lo) : bisect.bisect_left(self.starts, hi)]

    def iter_between(self, lo: int, hi: int) -> Iterator[Any]:
        """The items that start in ``[lo, hi)``, lazily."""
        for i in range(bisect.bisect_left(self.starts, lo), len(self.items)):
            if self.starts[i] >= hi:
                return
            yield self.items[i]

    def first(self, lo: int, hi: int) -> Any | None:
        """The first item that starts in ``[lo, hi)``."""
        return next(self.iter_between(lo, hi), None)
