"""Status of an event from the cues around its trigger: occurred, pledged, planned, denied, demanded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Token

from ..records import Time
from .clauses import Clauses
from .entries import TriggerHit
from .german import ADJECTIVE_ENDINGS, STATUS_ORDER, SUBORDINATORS, WINDOW


class StatusReader:
    """The status methods of :class:`~lagebild.events.triggers.EventFinder` (its cue tables)."""

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
