"""German phrase tests the roles rest on: prepositions, genitives, cases, lists."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from spacy.tokens import Token

from ..actors import ActorMention
from .german import (
    ADJECTIVE_ENDINGS,
    AGENT_PREPOSITIONS,
    ALL_PREPOSITIONS,
    MEMBER_NOUNS,
    OBJECT_ARTICLES,
    OTHER_PREPOSITIONS,
    TARGET_PREPOSITIONS,
)


class PhraseGrammar:
    """Phrase tests on the doc; a part of :class:`~lagebild.events.coder.EventCoder`."""

    def _token_at(self, char: int) -> int:
        """Index of the first token that ends after ``char``."""
        return bisect.bisect_right(self.token_ends, char)

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
