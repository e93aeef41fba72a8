"""Unnamed groups (police, protesters, courts) and the actors an event falls back to."""

from __future__ import annotations

import functools
from typing import Any

import attrs
from spacy.tokens import Token

from ..actors import ActorMention, ActorRef
from .entries import TriggerHit
from .german import ANAPHORS, BOTH_SIDES_NOUNS, WINDOW


class GroupFinder:
    """Groups and default actors; a part of :class:`~lagebild.events.coder.EventCoder` (its doc and mentions)."""

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

    def _anaphor_mentions(self) -> list[ActorMention]:
        """Noun phrases that stand for a named actor: ``das Land``, ``die Allianz``, ``beide Seiten``.

        ``das Land``/``die Allianz`` take the latest state or organisation named before them;
        ``beide Länder``/``beide Seiten`` are the article's two principal parties.
        """
        found: list[ActorMention] = []
        latest: dict[str, ActorMention] = {}
        mentions = iter(sorted(self.actors, key=lambda m: m.start))
        upcoming = next(mentions, None)
        for token in self.tokens:
            while upcoming is not None and upcoming.token_end <= token.i:
                if upcoming.ref.kind in ("GPE", "ORG") and upcoming.ref.id not in self.finder.news_agencies:
                    latest[upcoming.ref.kind] = upcoming
                upcoming = next(mentions, None)
            word = self.lowers[token.i]
            if word not in ANAPHORS and word not in BOTH_SIDES_NOUNS:
                continue
            before = self.lowers[token.i - 1] if token.i else ""
            if word in BOTH_SIDES_NOUNS and before in ("beide", "beiden"):
                found += [attrs.evolve(m, start=token.idx, end=token.idx + len(token), text=token.text, token_start=token.i,
                                       token_end=token.i + 1, via="anaphor") for m in self.principal_parties]
            elif word in ANAPHORS and token.text[:1].isupper() and before in ("die", "der", "das", "des", "dem", "den"):
                antecedent = latest.get(ANAPHORS[word])
                if antecedent is not None:
                    found.append(attrs.evolve(antecedent, start=token.idx, end=token.idx + len(token), text=token.text,
                                              token_start=token.i, token_end=token.i + 1, via="anaphor"))
        return found

    def _generic_mentions(self) -> list[ActorMention]:
        """Unnamed groups (``Polizisten``, ``Demonstranten``) coded with the state they belong to."""
        taken = {i for m in self.actors for i in range(m.token_start, m.token_end)}
        counts: dict[str, int] = {}
        for m in self.actors:
            if m.ref.kind == "GPE":
                counts[m.ref.key] = counts.get(m.ref.key, 0) + 1
        dominant = max(counts, key=counts.get) if counts else None
        found = []
        for hit in self.finder.generic.find(self.doc, compounds=False, words=[t.text for t in self.tokens]):
            if taken.intersection(range(hit.start, hit.end)):
                continue
            entry = hit.targets[0]
            state = None if entry.get("stateless") else self._state_of_group(hit.start) or dominant
            ref = ActorRef("generic:" + entry["name"], None, entry["name"], "ORG", state)
            found.append(ActorMention(hit.start_char, hit.end_char, hit.text, hit.start, hit.end, ref, "generic"))
            self.keys[ref.key] = entry["name"]
            taken.update(range(hit.start, hit.end))
        for token in self.tokens:
            if len(token) < 8 or token.i in taken or not token.text[:1].isupper():
                continue
            entry = self._compound_group(token)
            if entry is not None:
                state = None if entry.get("stateless") else self._state_of_group(token.i) or dominant
                ref = ActorRef("generic:" + entry["name"], None, entry["name"], "ORG", state)
                end = token.idx + len(token)
                found.append(ActorMention(token.idx, end, token.text, token.i, token.i + 1, ref, "generic"))
                self.keys[ref.key] = entry["name"]
        return sorted(found, key=lambda m: m.start)

    def _compound_group(self, token: Token) -> dict[str, Any] | None:
        """``Berufungsgericht``, ``Regierungstruppen``: a compound whose head names a group."""
        word = self.lowers[token.i]
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
        sentence = self.tokens[i].sent if self.doc.has_annotation("SENT_START") else self.doc[:]
        lo = self.tokens[max(sentence.start, i - WINDOW)].idx
        hi = self.tokens[min(sentence.end, i + WINDOW) - 1].idx + 1
        near = [p for p in self.place_index.between(lo, hi) if p.place.country in self.finder.state_of_country and self._where(p)]
        if near:
            nearest = min(near, key=lambda p: abs(p.token_start - i))
            return self.finder.state_of_country[nearest.place.country]
        # else the scene of the report: the last place named as a location (or the dateline) before it
        scene = [p for p in self.place_index.between(0, self.tokens[i].idx) if self._where(p)]
        return self.finder.state_of_country.get(scene[-1].place.country) if scene else None

    def _group_target(self, agents: list[str]) -> list[str]:
        """``Die Polizei riegelte das Gebäude ab`` in a protest report: the police acted against the protesters."""
        for agent in agents:
            for group in self.finder.targets_of.get(agent, ()):
                if group in self.groups_named:
                    return [group]
        return []

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
        main = self.tokens[hit.tokens[0]]
        ref = ActorRef("generic:" + entry["name"], None, entry["name"], "ORG", state)
        self.keys[ref.key] = entry["name"]
        return [ActorMention(main.idx, main.idx + len(main), main.text, main.i, main.i + 1, ref, "default")]
