"""Trigger words and their frames in a sentence, from the lexicons compiled once per process."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any

import attrs
from spacy.tokens import Token

from ..actors import LOCATIVE
from ..lexicons import Lexicons
from ..matching import NameIndex, declined
from .clauses import Clauses
from .entries import Trigger, TriggerHit, frame_trigger, trigger_entry
from .frames import FrameFinder, load_frames
from .german import (
    ADJECTIVE_ENDINGS,
    ADVERB_ENDINGS,
    ALL_PREPOSITIONS,
    ANNOUNCING,
    DETERMINERS,
    FALSE_HEADS,
    NOT_GROUP_HEADS,
    OBJECT_DISTANCE,
)
from .status import StatusReader


class EventFinder(StatusReader):
    """Compiled trigger and status lexicons; call it with a Doc and its mentions."""

    def __init__(self, lex: Lexicons) -> None:
        self.forms: dict[str, Trigger] = {}
        self.phrases: NameIndex[Trigger] = NameIndex()
        self.separable: dict[str, list[tuple[str, Trigger]]] = {}
        heads: dict[int, dict[str, Trigger]] = {}
        for entry in lex.triggers:
            trigger = trigger_entry(entry)
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
        self.frame_triggers = {frame: frame_trigger(frame) for frame in frames if frame.type is not None}
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
        #: groups that protest when nobody else is named; their violence is a violent protest (CAMEO 145)
        self.protesters = frozenset(e["name"] for e in lex.generic_actors if "PROTEST" in e.get("default_for", ()))
        self.riot = Trigger("PROTEST", "145", "riot", "riot", pos="VERB")
        #: support given with money (``mit 5 Milliarden unterstützen``) is economic aid
        self.money_aid = attrs.evolve(self.aid, cameo="071", mode="economic") if self.aid else None
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
            if found.frame.type is not None:  # a frame without a type only keeps its words from triggering
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
            if trigger and trigger.pos == "VERB" and (k > 0 and token.text[:1].isupper() or attributive(tokens, k, self.forms)):
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


def absorb_objects(clauses: Clauses, hits: list[TriggerHit]) -> list[TriggerHit]:
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
        governed = verb is not None and token.text[:1].isupper() and len(hit.tokens) == 1 and governs(clauses, verb.tokens[0] - offset, hit.tokens[0] - offset)
        if governed and verb.trigger.type == "AGREE" and hit.trigger.type != "AGREE":
            kept.append(attrs.evolve(hit, status="planned"))  # agreed to be done
            continue
        if governed:
            index = kept.index(verb)
            kept[index] = verb = attrs.evolve(verb, tokens=(*verb.tokens, *hit.tokens))  # the object stays as evidence
            continue
        kept.append(hit)
        if hit.trigger.pos == "VERB" and hit.trigger.type != "REQUEST" and hit.trigger.lemma not in ANNOUNCING:
            verb = hit
        elif hit.trigger.pos == "VERB":
            verb = None  # a demand's objects are events of their own, and so is what an announcement makes known
    return kept


def governs(clauses: Clauses, verb: int, noun: int) -> bool:
    """The noun follows the verb closely in the same clause with no preposition between."""
    if not 0 < noun - verb <= OBJECT_DISTANCE or clauses.end(verb) < noun:
        return False
    return not any(clauses.words[j] in ALL_PREPOSITIONS for j in range(verb + 1, noun))


def attributive(tokens: Sequence[Token], k: int, forms: dict[str, Trigger]) -> bool:
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
