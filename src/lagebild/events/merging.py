"""Events while they are built: one draft per telling, merged into one event per happening."""

from __future__ import annotations

import attrs
from spacy.tokens import Token

from ..places import PlaceMention
from ..records import Amount, Event, Mention, Money, Time
from .attachment import is_visit, specificity
from .entries import Trigger
from .german import (
    COORDINATED,
    INFINITIVE_WITH_ZU,
    MERGE_HORIZON,
    REFERABLE,
    STATUS_ORDER,
)


@attrs.define
class Draft:
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
    reference: bool = False  # a noun naming an act already told (``Orbans Besuch``, ``die Sanktionen``)

    def compatible(self, other: Draft) -> bool:
        """Same event told twice: same type and code family, agreeing roles and place."""
        if self.trigger.type != other.trigger.type:
            return False
        same_act = self.trigger.lemma == other.trigger.lemma or is_visit(self.trigger) and is_visit(other.trigger)
        if other.reference and same_act and other.trigger.type in REFERABLE and set(self.source) & set(other.source):
            return True  # ``reiste nach Moskau`` … ``Orbans Besuch``: the visit told again, whatever its target
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
        if other.target and not self.target and other.trigger.pos == "VERB":
            return False  # ``X wurde … verurteilt`` after a verdict with no one named: a verdict of its own
        if _disjoint(self.time, other.time) or _disjoint(other.time, self.time):
            return False  # arrests on Sunday and arrests on the Sundays before are two events
        # ``in Georgien`` and ``in Tiflis`` can be one event; ``in Brüssel`` and ``in Den Haag`` not
        return not (self.place and other.place and self.place.place.country != other.place.place.country)

    def absorb(self, other: Draft) -> None:
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
            or other.place_evidence > 0 and specificity(other.place) < specificity(self.place)
            or other.place_evidence > self.place_evidence and specificity(other.place) == specificity(self.place)
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


def _disjoint(a: Time | None, b: Time | None) -> bool:
    """Both times are known and ``a`` ends before ``b`` starts."""
    if a is None or b is None or a.interval is None or b.interval is None:
        return False
    end, start = a.interval.end, b.interval.start
    return end is not None and start is not None and end < start


def contiguous(tokens: tuple[int, ...]) -> bool:
    return tokens == tuple(range(tokens[0], tokens[0] + len(tokens)))


def token_mention(token: Token) -> Mention:
    return Mention(token.text, token.idx, token.idx + len(token))


def doers_from_frame(drafts: list[Draft]) -> list[Draft]:
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


def without_allegations(drafts: list[Draft]) -> list[Draft]:
    """What an accusation alleges is no event of its own.

    ``Die Staatsanwaltschaft warf ihnen vor, zu Gewalt aufgerufen zu haben``: the ACCUSE is
    coded; the call to violence is its charge, not a second event.
    """
    accusation = next((d for d in drafts if d.trigger.type == "ACCUSE" and d.trigger.pos == "VERB"), None)
    if accusation is None:
        return drafts
    def charged(d: Draft) -> bool:
        infinitive = d.infinitive or INFINITIVE_WITH_ZU.match(d.main.text.lower()) is not None  # ``einzunehmen``
        return infinitive and d.main.start > accusation.main.start

    return [d for d in drafts if not charged(d)]


def one_event_per_demand(drafts: list[Draft]) -> list[Draft]:
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


def statements_without_content(drafts: list[Draft]) -> list[Draft]:
    """A sentence's statements, unless the sentence codes what was said.

    ``Die Armee habe die Stadt beschossen, erklärte das Ministerium``: analysts code the
    shelling (or the accusation), not the act of saying it; a statement stands alone only
    where its content is no event.
    """
    if any(d.trigger.type != "STATEMENT" and d.source for d in drafts):
        return [d for d in drafts if d.trigger.type != "STATEMENT"]
    return drafts


def merge_drafts(drafts: list[Draft]) -> list[Draft]:
    """Merge tellings of one event; each draft is compared with the latest few of its type."""
    merged: list[Draft] = []
    by_type: dict[str, list[Draft]] = {}
    for draft in drafts:
        recent = by_type.setdefault(draft.trigger.type, [])
        home = next((m for m in recent[-MERGE_HORIZON:] if m.compatible(draft)), None)
        if home:
            home.absorb(draft)
        else:
            merged.append(draft)
            recent.append(draft)
    return merged
