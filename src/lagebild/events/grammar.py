"""German phrase tests the roles rest on: prepositions, genitives, passives, pronouns, lists."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from spacy.tokens import Span, Token

from ..actors import ActorMention
from .entries import TriggerHit
from .german import (
    ADJECTIVE_ENDINGS,
    AGENT_PREPOSITIONS,
    ALL_PREPOSITIONS,
    CLAUSE_BREAKS,
    CLAUSE_OPENERS,
    HAPPEN_VERBS,
    HARM_TYPES,
    INFINITIVE_WITH_ZU,
    INSEPARABLE_PREFIXES,
    MEMBER_NOUNS,
    MOTION_VERBS,
    OBJECT_ARTICLES,
    OPENING,
    OTHER_PREPOSITIONS,
    PASSIVE_AUXILIARIES,
    PAST_PASSIVE_AUXILIARIES,
    RELATIVE_PRONOUNS,
    SEIN_FORMS,
    SEPARABLE_PARTICLES,
    TARGET_PREPOSITIONS,
    WINDOW,
)


class PhraseGrammar:
    """Phrase tests on the doc; a part of :class:`~lagebild.events.coder.EventCoder`."""

    def _token_at(self, char: int) -> int:
        """Index of the first token that ends after ``char``."""
        return bisect.bisect_right(self.token_ends, char)

    def _pronoun_subject(self, lo: int, hi: int, main: int) -> int | None:
        """The token of a subject pronoun of the clause: ``er`` anywhere, ``Sie`` opening the sentence."""
        for token in self.tokens[self._token_at(lo) : self._token_at(hi)]:
            if token.lower_ == "er" or token.text == "Sie" and token.is_sent_start:
                return token.i
        return None

    def _infinitive_clause(self, lo: int, hi: int) -> bool:
        """``…, 15 Millionen Dollar bereitzustellen``: a clause of a ``zu`` infinitive after a comma."""
        first, last = self._token_at(lo), self._token_at(hi)
        if first == 0 or self.tokens[first - 1].text != ",":
            return False
        return any(t.lower_ == "zu" or INFINITIVE_WITH_ZU.match(t.lower_) for t in self.tokens[first:last])

    def _antecedent(self, lo: int) -> list[ActorMention]:
        """The actor right before ``, die …`` when the clause at ``lo`` is a relative clause."""
        start = self._token_at(lo)
        if start >= 2 and self.tokens[start - 1].text == "," and self.tokens[start].lower_ in RELATIVE_PRONOUNS:
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
            before = [m for m in self.candidates.between(self.tokens[max(sentence.start, start - WINDOW)].idx, self.tokens[start].idx)
                      if self._governing_preposition(m) is None and not self._is_role_modifier(m)]
            return before[-1:]
        opens_with_verb = main == start or (
            self.tokens[start].text[:1].islower() and self.tokens[start].lower_ not in CLAUSE_OPENERS
            and self.tokens[sentence.start].lower_ not in CLAUSE_OPENERS  # ``Da China …, sind …``: a subordinate clause first
        )
        if opens_with_verb and start > sentence.start and self.tokens[start - 1].text == ",":
            # ``Die von Ruanda unterstützte M23, …, vorgerückt``: the first actor of the opening phrase not in a preposition's phrase
            opening = next((
                m for m in self.candidates.iter_between(sentence.start_char, self.tokens[start].idx)
                if m.token_start - sentence.start <= OPENING and self._governing_preposition(m) is None and not self._is_role_modifier(m)
            ), None)
            if opening is not None:
                return [opening]
        return []

    def _framed(self, main: int) -> bool:
        """The noun trigger stands in a prepositional phrase (``für den Luftangriff``, ``nach dem Treffen``)."""
        return self._framing(main) is not None

    def _framing(self, main: int) -> str | None:
        """The preposition whose phrase the noun trigger at ``main`` stands in, if any."""
        for i in range(main - 1, max(main - 4, -1), -1):
            word = self.tokens[i].lower_
            if word in ("zu", "zum", "zur") and self._happens(main):
                return None  # ``es kam zu Zusammenstößen``: the noun is what happened
            if word in ALL_PREPOSITIONS:
                return word
            if not self.tokens[i].text[:1].islower():
                return None
        return None

    def _happens(self, main: int) -> bool:
        """A form of ``kommen`` near the noun: ``zu Kämpfen kommen`` says the fighting took place."""
        window = self.tokens[max(0, main - 8) : main + 8]
        return any(t.lower_ in HAPPEN_VERBS for t in window)

    def _is_passive(self, hit: TriggerHit, lo: int, hi: int) -> bool:
        """``wurde … angegriffen``: a passive auxiliary and a participle trigger in one clause."""
        words = [t.lower_ for t in self.tokens[self._before_relative_clause(self._token_at(lo)) : self._token_at(hi)]]
        trigger = self.tokens[hit.tokens[0]].lower_
        # ``angegriffen``, ``festgenommen``; inseparable verbs have no ``ge``: ``verurteilt``, ``beschossen``
        ge = trigger.startswith("ge") or any(trigger.startswith(p + "ge") for p in SEPARABLE_PARTICLES)
        if trigger in hit.trigger.lemma.lower().split("/") or not trigger.endswith(("t", "en")) or not (ge or trigger.startswith(INSEPARABLE_PREFIXES)):
            return False
        # ``wird … besuchen`` is a future; ``wurde … beschossen`` and ``wird … verurteilt`` are passives
        if any(w in PAST_PASSIVE_AUXILIARIES for w in words):
            return True
        if hit.trigger.type in HARM_TYPES and hit.trigger.lemma not in MOTION_VERBS and any(w in SEIN_FORMS for w in words):
            return True  # ``seien 56 Menschen verletzt``: harm verbs form their perfect with haben, so sein + participle is a passive
        return (ge or trigger.endswith("t")) and any(w in PASSIVE_AUXILIARIES for w in words)

    def _before_relative_clause(self, start: int) -> int:
        """Where the clause at ``start`` began before an inserted relative clause.

        ``wurden mehrere Politiker, die im Ausland leben, zu Haft verurteilt``: the clause of
        ``verurteilt`` goes on from before ``, die …,``.
        """
        if start < 2 or self.tokens[start - 1].text != ",":
            return start
        sentence_start = self.tokens[start].sent.start if self.doc.has_annotation("SENT_START") else 0
        comma = next((i for i in range(start - 2, max(sentence_start, start - WINDOW) - 1, -1) if self.tokens[i].text == ","), None)
        if comma is None or self.tokens[comma + 1].lower_ not in RELATIVE_PRONOUNS:
            return start
        before = next((i for i in range(comma - 1, max(sentence_start, comma - WINDOW) - 1, -1) if self.tokens[i].text in CLAUSE_BREAKS), None)
        return (before + 1) if before is not None else max(sentence_start, comma - WINDOW)

    def _is_genitive_of(self, m: ActorMention, main: int) -> bool:
        """``Treffen der NATO-Außenminister``, ``Pressekonferenz des katarischen Premierministers al Thani``."""
        if m.token_start <= main or m.token_start > main + 5:
            return False
        if self.tokens[main + 1].lower_ not in ("der", "des"):
            # ``Angriff mutmaßlicher Dschihadisten``: a plural genitive needs no article
            between = self.tokens[main + 1 : m.token_start]
            return bool(between) and all(t.text[:1].islower() and t.lower_.endswith("er") for t in between)
        between = self.tokens[main + 2 : m.token_start]
        return all(t.text[:1].islower() or self.finder_roles(t.text) for t in between)

    def _in_phrase(self, m: ActorMention) -> bool:
        """``unter Vermittlung der EU``: the genitive belongs to a prepositional phrase, not to an object."""
        i = m.token_start - 1
        while i > 0 and self.tokens[i].lower_ not in ("der", "des"):
            i -= 1
        return i >= 2 and self._framed(i - 1)

    def _saxon_genitive(self, m: ActorMention) -> bool:
        """``Russlands Angriff``, ``Lukaschenkos Rücktritt``: a name in the genitive before the noun it owns."""
        if not m.text.endswith("s") or m.ref.name.endswith("s") or m.token_end >= len(self.doc):
            return False
        following = self.tokens[m.token_end]
        return following.is_alpha and following.text[:1].isupper()

    def _is_genitive_attribute(self, m: ActorMention) -> bool:
        """``die Unterstützung der Allianz``: an actor in the genitive after another noun is not a subject."""
        i = m.token_start - 1
        while i >= 0 and self.tokens[i].text[:1].islower() and self.tokens[i].lower_ not in ("der", "des"):
            i -= 1  # adjectives between article and name
        if i < 1 or self.tokens[i].lower_ not in ("der", "des"):
            return False
        noun = self.tokens[i - 1]
        if self._stands_for(noun):
            return False  # ``die Außenminister der EU einigten sich``: the members act for the genitive
        return noun.text[:1].isupper() and not noun.is_sent_start and noun.is_alpha

    def _owned_by(self, group: ActorMention, named_starts: set[int]) -> bool:
        """A group followed by the genitive of a named actor (``die Kämpfer der Hamas``)."""
        i = group.token_end
        if i >= len(self.doc) or self.tokens[i].lower_ not in ("der", "des"):
            return False
        return any(j in named_starts for j in range(i + 1, min(i + 4, len(self.doc))))

    def _object_case(self, m: ActorMention) -> bool:
        """The actor's article marks the accusative or dative (``den IWF``, ``dem Nachbarland``)."""
        i = m.token_start - 1
        while i >= 0 and self.tokens[i].text[:1].islower() and self.lowers[i] not in OBJECT_ARTICLES and self.lowers[i].endswith(ADJECTIVE_ENDINGS):
            i -= 1  # adjectives between article and name: ``den russischen Präsidenten``
        return i >= 0 and self.lowers[i] in OBJECT_ARTICLES

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
            word = self.tokens[i].lower_
            if word in TARGET_PREPOSITIONS or word in AGENT_PREPOSITIONS or word in OTHER_PREPOSITIONS:
                return word
            if not (self.tokens[i].is_alpha and (self.tokens[i].text[:1].islower() or i == m.token_start - 1 and self.tokens[i].text[:1].isupper() and self.tokens[i].pos_ in ("ADJ", ""))):
                return None
        return None

    def _in_list_after(self, m: ActorMention, target: list[ActorMention]) -> bool:
        """``mit den Partnern, darunter Australien, Japan und Neuseeland``: list members join the targets."""
        if not target:
            return False
        between = self.tokens[target[-1].token_end : m.token_start]
        return all(t.text in (",", "und", "sowie", "darunter", "wie", "etwa", "oder") or t.text[:1].isupper() or t.lower_ in ("der", "die", "den", "dem", "des") for t in between) and len(between) <= 8
