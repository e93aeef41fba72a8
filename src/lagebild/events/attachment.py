"""Where and when: the place and time an event is attached to."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from spacy.tokens import Doc

from ..actors import PLACE_PREPOSITIONS, is_locative, is_place_noun
from ..places import PlaceMention
from ..records import Time
from .entries import Trigger, TriggerHit
from .german import PLACE_SPECIFICITY


class Attachment:
    """Place and time of a trigger; a part of :class:`~lagebild.events.coder.EventCoder` (its doc and indexes)."""

    def _time(self, lo: int, hi: int) -> Time | None:
        return next((t for t in self.time_index.between(lo, hi) if t.type in ("DATE", "TIME") and t.interval), None)

    def _place(
        self, hit: TriggerHit, clause: tuple[int, int], near: tuple[int, int], triggers: Sequence[int]
    ) -> tuple[PlaceMention | None, bool]:
        """The located place of the trigger's clause (else near it), and whether the text said where.

        A place belongs to the nearest trigger before it; several places at once name none.
        """
        for scope in (clause, near):
            candidates = [p for p in self.place_index.between(*scope) if not self._is_seat(p) and attached(p.token_start, hit.tokens[0], triggers)]
            located = [p for p in candidates if is_locative(self.doc, p.token_start, PLACE_PREPOSITIONS) or after_place_noun(self.doc, p.token_start)]
            if not located and is_visit(hit.trigger) and scope == clause:
                located = candidates  # ``wird Teheran besuchen``: the visited place is the object
            best = min(located, key=lambda p: (specificity(p), abs(p.token_start - hit.tokens[0])), default=None)
            if best is not None and any(
                specificity(p) == specificity(best) and p.place != best.place and self._listed_together(p, best)
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
        between = self.tokens[first.token_end : second.token_start]
        return 0 < len(between) <= 2 and all(t.text in (",", "und", "sowie", "oder") for t in between)

    def _is_seat(self, place: PlaceMention) -> bool:
        """``die Regierung in Pristina``, ``die Junta in Bamako``: where an actor sits, not where it acts.

        Police, troops and crowds act where they are (``die Polizei in Istanbul``).
        """
        i = place.token_start - 1
        while i > 0 and self.tokens[i].lower_ in ("der", "dem", "den", "des"):
            i -= 1
        if i < 1 or self.tokens[i].lower_ not in ("in", "im", "aus"):
            return False
        return any(
            m.via not in ("generic", "default", "compound") or m.ref.name in self.finder.governments
            for m in self.mention_ends.get(i, ())
        )


def is_visit(trigger: Trigger) -> bool:
    return (trigger.cameo or "").startswith("042")


def specificity(place: PlaceMention) -> int:
    return PLACE_SPECIFICITY.get(place.place.feature, 1)


def attached(token: int, trigger: int, triggers: Sequence[int]) -> bool:
    """Does a phrase at ``token`` belong to ``trigger``? To the nearest trigger before it;
    before every trigger of the sentence (``Die Polizei in Istanbul setzte …``), to all."""
    i = bisect.bisect_left(triggers, token)
    return i == 0 or triggers[i - 1] == trigger


def after_place_noun(doc: Doc, i: int) -> bool:
    """``die Stadt Kadugli``, ``der Region Mopti``: a place named after a place noun."""
    return i > 0 and is_place_noun(doc[i - 1].text)
