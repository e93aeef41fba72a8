"""Voice and subjects: passives, subject pronouns, infinitives, subjects told outside the clause."""

from __future__ import annotations

from spacy.tokens import Span

from ..actors import ActorMention
from .entries import TriggerHit
from .german import (
    CLAUSE_BREAKS,
    CLAUSE_OPENERS,
    HAPPEN_VERBS,
    HARM_TYPES,
    INFINITIVE_WITH_ZU,
    INSEPARABLE_PREFIXES,
    MOTION_VERBS,
    OPENING,
    PASSIVE_AUXILIARIES,
    PAST_PASSIVE_AUXILIARIES,
    RELATIVE_PRONOUNS,
    SEIN_FORMS,
    SEPARABLE_PARTICLES,
    WINDOW,
)


class SubjectFinder:
    """Voice and subjects: passives, subject pronouns, subjects outside the clause; a part of :class:`~lagebild.events.coder.EventCoder`."""

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
