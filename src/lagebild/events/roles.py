"""Source and target of a trigger from German clause patterns (no parser needed)."""

from __future__ import annotations

from spacy.tokens import Span

from ..actors import ActorMention
from .attachment import is_visit
from .entries import TriggerHit
from .german import AGENT_PREPOSITIONS, MUTUAL_WORDS, PRONOUNS, TARGET_PREPOSITIONS


class RoleReader:
    """Roles of a trigger; a part of :class:`~lagebild.events.coder.EventCoder`."""

    def _roles(
        self, sentence: Span, hit: TriggerHit, lo: int, hi: int, near: tuple[int, int], infinitive: bool = False
    ) -> tuple[list[str], list[str], list[str]]:
        """The actors named as source, the source keys with their affiliations, and the target keys.

        From German clause patterns, so no parser is needed.
        """
        main = hit.tokens[0]
        at = self.tokens[main].idx
        clause = [m for m in self.candidates.between(lo, hi) if not self._is_role_modifier(m)]
        # ``russische Truppen``: the adjective already names the actor of the group
        clause = [m for m in clause if not (m.via == "generic" and m.token_start in self.adjective_ends)]
        # ``die Rebellen der M23``: the named actor in the genitive is the group
        named_starts = {m.token_start for m in clause if m.via != "generic"}
        clause = [m for m in clause if not (m.via == "generic" and self._owned_by(m, named_starts))]
        noun = self.tokens[main].text[:1].isupper() and len(hit.tokens) == 1
        # Parts of a noun trigger's own phrase: ``NATO-Gipfel``, ``russischen Angriff``, ``Angriff der Hamas``.
        inside = [m for m in clause if m.token_start == main and m.via == "compound"] if noun else []
        visited = inside if is_visit(hit.trigger) else []  # ``Taiwan-Reise``: where the visit goes
        inside = [m for m in inside if m not in visited]
        before = [m for m in clause if m.token_end == main and (m.via == "adjective" or self._saxon_genitive(m))] if noun else []
        genitive = [m for m in clause if self._is_genitive_of(m, main)] if noun else []
        own = inside + visited + before + genitive
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
            if preposition in AGENT_PREPOSITIONS and passive or noun and preposition == "durch" and m.start > self.tokens[main].idx:
                source.append(m)  # ``wurde von … angegriffen``; ``die Festnahme … durch die Polizei``
            elif preposition in TARGET_PREPOSITIONS or self._in_list_after(m, target):
                target.append(m)
            elif source and preposition is None and self._in_list_after(m, source):
                source.append(m)  # ``Serbien und Kosovo einigten sich``
            elif preposition is not None:
                continue
            elif self._is_genitive_attribute(m) or self._saxon_genitive(m):
                if source and m.start > at and not self._in_phrase(m):
                    target.append(m)  # ``lehnte Finanzhilfen der EU ab``: the object's owner is the target
            elif self._object_case(m):
                target.append(m)  # ``machen den IWF verantwortlich``: an accusative or dative is never the subject
            elif not source:
                source.append(m)
            else:
                target.append(m)  # another actor without a preposition is an object
        if noun and parties:
            source, target = parties, [m for m in target if m not in parties]  # ``Einigung zwischen A und B``
        elif noun and own:
            agents = inside + before + (genitive if hit.trigger.genitive == "source" else [])
            patients = visited + (genitive if hit.trigger.genitive == "target" else [])
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
        if not agents and self.last_person and any(t.text in PRONOUNS for t in self.tokens[self._token_at(lo) : self._token_at(hi)]):
            agents = [self.last_person]
        # the state each doer acts for: a person's or body's affiliation, a group's own state
        states = [m.ref.country for m in source if m.via in ("generic", "default")] + [self.affiliations.get(k) for k in agents]
        source_keys = agents + [a for a in dict.fromkeys(states) if a and a not in agents]
        if len(agents) >= 2 and any(t.lower_ in MUTUAL_WORDS for t in self.tokens[self._token_at(lo) : self._token_at(hi)]):
            return agents, source_keys, list(agents)  # ``gaben sich gegenseitig die Schuld``: each blames the other
        return agents, source_keys, self._target_keys(target, source_keys)

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
