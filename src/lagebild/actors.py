"""Actor stage: states, organisations and persons, coded and merged across mentions.

States come as names (``Ukraine``), genitives (``Russlands``), adjectives in every
inflection (``ukrainischen``), metonyms (``Kiew kündigte an``, ``Kreml``) and compound
prefixes (``US-Präsident``). Organisations come by name and, once named, by paraphrase
(``Allianz`` for NATO). Persons come from the lexicon of known politicians, from a role
title followed by a name (``der ukrainische Außenminister Andrii Sybiha``), and from the
statistical NER when the backbone has one; a later surname joins the same person.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import attrs
from spacy.tokens import Doc, Token

from .body import dateline_span
from .lexicons import ADJECTIVE_ENDINGS, Lexicons, Organisation, Person, State
from .matching import HYPHENS, Hit, NameIndex, declined
from .records import Actor, Mention

#: Prepositions after which a capital is a location, not the government acting.
LOCATIVE = frozenset(
    "in im nach aus bei nahe vor von vom zum zur über durch um gegenüber ab bis "
    "In Im Nach Aus Bei Nahe Vor Von Vom Zum Zur Über Durch Um Ab Bis".split()
)

#: Titles written before a name, not part of it.
ACADEMIC_TITLES = frozenset("Dr Dr. Prof Prof. Professor Professorin".split())

#: Lower-case particles that may stand inside a person's name.
NAME_PARTICLES = frozenset("al el bin ibn abu ben van de da del di du la le von zu dos das".split())

#: Endings of German common nouns that never end a person's name.
NOUN_ENDINGS = (
    "ung", "ungen", "heit", "keit", "schaft", "tion", "tionen", "ismus", "ität", "nisse",
    "gespräche", "gesprächen", "gipfel", "krieg", "kriege", "politik", "regierung",
)

_CAPITALISED_FUNCTION_WORDS = frozenset(
    "Der Die Das Den Dem Des Ein Eine Einen Einem Einer Und Oder Aber Doch Auch Nach Mit "
    "Bei Im In Am An Auf Aus Für Gegen Über Unter Vor Seit Wie Als Wenn Dass Ob Zu Zum Zur "
    "Er Sie Es Wir Ihr Man Ich Dies Diese Dieser Dieses Jetzt Nun Dann Damit Demnach Zudem "
    "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Januar Februar März April "
    "Mai Juni Juli August September Oktober November Dezember Ortszeit".split()
)


@attrs.frozen
class ActorRef:
    """What a mention refers to: the merge key and the coding of the actor."""

    key: str
    id: str | None
    name: str
    kind: str
    country: str | None = None  # the state an organisation belongs to


@attrs.frozen
class ActorMention:
    """One mention of an actor: exact character span, token span and how it was found."""

    start: int
    end: int
    text: str
    token_start: int
    token_end: int
    ref: ActorRef
    via: str
    role: str | None = None
    affiliation: str | None = None


def _state_ref(state: State) -> ActorRef:
    return ActorRef(state.id, state.id, state.name, "GPE")


#: Organisation types that act for their state (a ministry, an army); a party or militia does not.
STATE_BODIES = frozenset({"government_body", "military", "intelligence", "parliament"})


def _org_ref(org: Organisation) -> ActorRef:
    return ActorRef(org.id, org.id, org.name, "ORG", org.country if org.type in STATE_BODIES else None)


def _person_ref(person: Person) -> ActorRef:
    return ActorRef("person:" + person.id, None, person.name, "PER")


class ActorFinder:
    """Compiled actor lexicons; call it on a Doc to get the actor mentions."""

    def __init__(self, lex: Lexicons) -> None:
        self.names: NameIndex[ActorRef] = NameIndex()
        self.metonyms: NameIndex[ActorRef] = NameIndex()
        self.paraphrases: NameIndex[ActorRef] = NameIndex()
        self.person_names: NameIndex[Person] = NameIndex()
        self.surnames: dict[str, list[Person]] = {}
        self.adjectives: dict[str, ActorRef] = {}
        self.roles = lex.roles
        self.role_suffixes = tuple(s.lower() for s in lex.role_suffixes)
        # Persons first, then organisations, then states: the first target of a name wins.
        for person in lex.persons:
            self.surnames.setdefault(person.name.split()[-1], []).append(person)
            for name in person.names:
                self.person_names.add(name, person)
                self.names.add(name, _person_ref(person))
        for org in lex.organisations:
            ref = _org_ref(org)
            for name in org.names:
                for variant in declined(name) if name[:1].isupper() else (name,):
                    self.names.add(variant, ref)
            for name in org.metonyms:
                self.metonyms.add(name, ref)
            for name in org.paraphrases:
                self.paraphrases.add(name, ref)
        for state in lex.states:
            ref = _state_ref(state)
            for name in state.names:
                self.names.add(name, ref, upper=True)
            for name in state.metonyms:
                self.metonyms.add(name, ref, upper=True)
            for stem in state.adjectives:
                for ending in ADJECTIVE_ENDINGS:
                    self.adjectives.setdefault(stem.lower() + ending, ref)

    # -- roles -------------------------------------------------------------------------
    def role_of(self, word: str) -> tuple[str, str] | None:
        """``(role, prefix)`` when ``word`` is a role title, e.g. ``("Generalsekretär", "NATO")``."""
        prefix, head = "", word
        for hyphen in HYPHENS:
            if hyphen in word:
                prefix, _, head = word.rpartition(hyphen)
                break
        if not head or not head[0].isupper():
            return None
        for candidate in _uninflected(head):
            if candidate in self.roles or (
                len(candidate) > 4 and candidate.lower().endswith(self.role_suffixes)
            ):
                return candidate, prefix
        return None

    # -- the stage ---------------------------------------------------------------------
    def __call__(self, doc: Doc, published: dt.date | None = None, dateline_end: int | None = None) -> list[ActorMention]:
        """Find every actor mention in ``doc``, persons merged with their surnames.

        ``dateline_end`` is where a leading dateline ends (found from the text when not given).
        """
        mentions: list[ActorMention] = []
        taken: set[int] = set()
        words = [t.text for t in doc]
        for hit in self.names.find(doc, words=words):
            if hit.via == "compound" and doc[hit.start].lower_ in self.adjectives:
                continue  # ``US-amerikanische`` is one adjective, not the prefix ``US``
            ref = hit.targets[0]
            mentions.append(_mention(hit, ref, hit.via))
            if hit.via != "compound":
                taken.update(range(hit.start, hit.end))
        if dateline_end is None:
            dateline_end = dateline_span(doc.text)[1]
        for hit in self.metonyms.find(doc, compounds=False, words=words):
            if hit.end_char <= dateline_end or taken.intersection(range(hit.start, hit.end)) or is_locative(doc, hit.start):
                continue
            mentions.append(_mention(hit, hit.targets[0], "metonym"))
            taken.update(range(hit.start, hit.end))
        for token in doc:
            if token.i in taken:
                continue
            ref = self.adjectives.get(token.lower_) or self._compound_adjective(token)
            if ref:
                mentions.append(ActorMention(token.idx, token.idx + len(token), token.text, token.i, token.i + 1, ref, "adjective"))
        mentions += self._paraphrases(doc, mentions, taken, words)
        mentions += self._persons(doc, mentions, taken, words)
        mentions.sort(key=lambda m: (m.start, -m.end))
        return mentions

    def _compound_adjective(self, token: Token) -> ActorRef | None:
        """``US-amerikanische`` is in the table; ``deutsch-französischen`` names both: take the first."""
        word = token.lower_
        if "-" not in word or not token.is_alpha and not word.replace("-", "").isalpha():
            return None
        return self.adjectives.get(word.split("-", 1)[0])

    def _paraphrases(self, doc: Doc, mentions: list[ActorMention], taken: set[int], words: list[str]) -> list[ActorMention]:
        named = {m.ref.key for m in mentions if m.via in ("name", "genitive", "compound")}
        found = []
        for hit in self.paraphrases.find(doc, compounds=False, words=words):
            ref = next((r for r in hit.targets if r.key in named), None)
            if ref and not taken.intersection(range(hit.start, hit.end)):
                found.append(_mention(hit, ref, "paraphrase"))
                taken.update(range(hit.start, hit.end))
        return found

    # -- persons -----------------------------------------------------------------------
    def _persons(
        self, doc: Doc, mentions: list[ActorMention], taken: set[int], words: list[str]
    ) -> list[ActorMention]:
        found: list[ActorMention] = []
        by_token = {m.token_start: m for m in mentions if m.via != "compound"}
        for token in doc:
            role = self.role_of(token.text)
            if role is None:
                continue
            title, prefix = role
            name_tokens = self._name_after(doc, token.i + 1, taken)
            known = by_token.get(token.i + 1)
            if not name_tokens and not (known and known.ref.kind == "PER"):
                continue
            affiliation = self._affiliation(doc, token, prefix, mentions)
            if known and known.ref.kind == "PER":
                found.append(attrs.evolve(known, role=title, affiliation=affiliation, via="role"))
                continue
            span = doc[name_tokens[0] : name_tokens[-1] + 1]
            person = self.person_names.lookup(span.text)
            ref = _person_ref(person[0]) if person else ActorRef("person:" + span.text, None, span.text, "PER")
            found.append(
                ActorMention(span.start_char, span.end_char, span.text, span.start, span.end, ref, "role", title, affiliation)
            )
            taken.update(range(span.start, span.end))
        for ent in doc.ents:
            if ent.label_ in ("PER", "PERSON") and not taken.intersection(range(ent.start, ent.end)):
                person = self.person_names.lookup(ent.text)
                ref = _person_ref(person[0]) if person else ActorRef("person:" + ent.text, None, ent.text, "PER")
                found.append(ActorMention(ent.start_char, ent.end_char, ent.text, ent.start, ent.end, ref, "ner"))
                taken.update(range(ent.start, ent.end))
        # Lexicon hits of persons are already in ``mentions``; surnames of the others join them.
        people = [m for m in mentions if m.ref.kind == "PER"] + found
        found += self._surnames(doc, people, taken, words)
        return found

    def person_by_role(self, name: str, role: str | None, published: dt.date | None) -> Person | None:
        """The one known person with this surname who held this role on the date (``Präsident Herzog``)."""
        if not role:
            return None
        matches = [
            p for p in self.surnames.get(name.split()[-1], ())
            if (office := p.office_on(published)) and office.held_on(published) and office.role.lower().endswith(role.lower())
        ]
        return matches[0] if len(matches) == 1 else None

    def persons_by_key(self, mentions: Iterable[ActorMention]) -> dict[str, ActorMention]:
        """The most informative mention (longest text) of each person key."""
        best: dict[str, ActorMention] = {}
        for m in mentions:
            if m.ref.kind == "PER" and (m.ref.key not in best or len(m.text) > len(best[m.ref.key].text)):
                best[m.ref.key] = m
        return best

    def _name_after(self, doc: Doc, i: int, taken: set[int]) -> list[int]:
        """Token indices of a person's name starting at ``i`` (up to four words)."""
        tokens: list[int] = []
        while i < len(doc) and doc[i].text in ACADEMIC_TITLES:
            i += 1  # ``Generalsekretär Dr. Anna Weber``
        while i < len(doc) and len(tokens) < 4:
            token = doc[i]
            word = token.text
            if not tokens and word in ("von", "vom", "zu", "zum", "zur"):
                break  # ``Präsident von Frankreich``: no name starts with ``von``
            if word in NAME_PARTICLES and i + 1 < len(doc) and _looks_like_name(doc[i + 1]):
                tokens.append(i)
                i += 1
                continue
            if i in taken or not _looks_like_name(token) or self.role_of(word):
                break
            if tokens and word.lower().endswith(NOUN_ENDINGS):
                break
            tokens.append(i)
            i += 1
        while tokens and doc[tokens[-1]].text in NAME_PARTICLES:
            tokens.pop()
        return tokens

    def _affiliation(self, doc: Doc, role_token: Token, prefix: str, mentions: list[ActorMention]) -> str | None:
        """The actor a role belongs to: compound prefix, adjective before, genitive or brackets after."""
        if prefix:
            ref = self.names.lookup(prefix) or self.metonyms.lookup(prefix)
            if ref:
                return ref[0].id
            adjective = self.adjectives.get(prefix.lower())
            if adjective:
                return adjective.id
        for m in mentions:
            if m.token_end == role_token.i and m.via in ("adjective", "name", "compound") and m.ref.kind != "PER":
                return m.ref.id
        return None

    def _surnames(self, doc: Doc, people: list[ActorMention], taken: set[int], words: list[str]) -> list[ActorMention]:
        index: NameIndex[ActorRef] = NameIndex()
        for m in people:
            parts = m.text.split()
            index.add(m.text, m.ref)
            if len(parts) > 1 and parts[-1][0].isupper():
                index.add(parts[-1], m.ref)
        found = []
        for hit in index.find(doc, compounds=False, words=words):
            if not taken.intersection(range(hit.start, hit.end)):
                found.append(_mention(hit, hit.targets[0], "surname"))
                taken.update(range(hit.start, hit.end))
        return found


def _uninflected(word: str) -> Iterable[str]:
    """The word and its forms without a genitive or weak-noun ending."""
    yield word
    for ending in ("s", "es", "n", "en"):
        if word.endswith(ending) and len(word) > len(ending) + 3:
            yield word[: -len(ending)]


def _looks_like_name(token: Token) -> bool:
    word = token.text
    return (
        len(word) > 1
        and word[0].isupper()
        and not word.isupper()
        and word not in _CAPITALISED_FUNCTION_WORDS
        and bool(re.fullmatch(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", word))
    )


#: Nouns that stand before a place name without making it something else (``die Hafenstadt Odessa``).
PLACE_NOUNS = frozenset(
    "Stadt Hauptstadt Metropole Region Provinz Gebiet Oblast Bezirk Distrikt Dorf Ort Ortschaft "
    "Gemeinde Kleinstadt Großstadt Hafenstadt Grenzstadt Küstenstadt Frontstadt Grenzregion Bundesstaat "
    "Gebiet Gebiete Gebieten Gebiets Teil Teile Teilen Zentrum Nähe Umgebung Norden Süden Osten Westen "
    "Städte Städten Orte Orten Dörfer Dörfern Regionen Provinzen".split()
)


def is_place_noun(word: str) -> bool:
    """``Stadt``, ``Hafenstadt``, ``Region``: a noun that introduces a place name."""
    return word in PLACE_NOUNS or word.endswith("stadt") and word[:1].isupper()


#: Prepositions that put something somewhere: the locative ones and ``auf`` (``Angriff auf die
#: Hafenstadt Odessa``), which for an acting name (``Druck auf Moskau``) means a target instead,
#: so metonyms use :data:`LOCATIVE` alone.
PLACE_PREPOSITIONS = LOCATIVE | {"auf", "Auf"}


def is_locative(doc: Doc, i: int, prepositions: frozenset[str] = LOCATIVE) -> bool:
    """True when a preposition makes the name at ``i`` a location: ``in Kiew``, ``in der Hauptstadt Tiflis``."""
    for j in range(i - 1, max(i - 7, -1), -1):
        word = doc[j].text
        if word in prepositions:
            return True
        if not (word.islower() or is_place_noun(word)):
            return False
    return False


def _mention(hit: Hit[ActorRef], ref: ActorRef, via: str) -> ActorMention:
    return ActorMention(hit.start_char, hit.end_char, hit.text, hit.start, hit.end, ref, via)


def merge_actors(mentions: list[ActorMention], finder: ActorFinder | None, published: dt.date | None) -> dict[str, Actor]:
    """One :class:`Actor` per real actor (keyed by mention ref key), mentions merged, in order of first mention."""
    same_person = _same_person_keys(mentions)
    groups: dict[str, list[ActorMention]] = {}
    for m in mentions:
        groups.setdefault(same_person.get(m.ref.key, m.ref.key), []).append(m)
    actors = {}
    for key, group in groups.items():
        ref = group[0].ref
        role = next((m.role for m in group if m.role), None)
        affiliation = next((m.affiliation for m in group if m.affiliation), None)
        name = ref.name
        if ref.kind == "PER" and finder is not None:
            person = finder.persons_by_key(group)[key]
            lexicon_person = next(iter(finder.person_names.lookup(ref.name)), None) or finder.person_by_role(person.text, role, published)
            if lexicon_person:
                name = lexicon_person.name
                office = lexicon_person.office_on(published)
                if office:
                    role = role or office.role
                    affiliation = affiliation or office.affiliation
            else:
                name = person.text
        elif ref.kind == "ORG":
            affiliation = ref.country  # the state a national body acts for (``Bundesregierung`` → DEU)
        mentions_out = tuple(dict.fromkeys(Mention(m.text, m.start, m.end) for m in group))
        actors[key] = Actor(id=ref.id, name=name, kind=ref.kind, role=role, affiliation=affiliation, mentions=mentions_out)
    for alias, key in same_person.items():
        actors[alias] = actors[key]
    return actors


def _same_person_keys(mentions: list[ActorMention]) -> dict[str, str]:
    """Map the key of a surname-only person (``Rutte``) to the key of its full name (``Mark Rutte``).

    A lexicon person wins over a name found by role; the surname must be the full name's last word.
    """
    full: dict[str, str] = {}
    for m in sorted((m for m in mentions if m.ref.kind == "PER"), key=lambda m: -len(m.text.split())):
        words = m.text.split()
        if len(words) > 1:
            full.setdefault(words[-1], m.ref.key)
    aliases = {}
    for m in mentions:
        if m.ref.kind == "PER" and len(m.text.split()) == 1:
            key = full.get(m.text) or (full.get(m.text[:-1]) if m.text.endswith("s") else None)
            if key and key != m.ref.key:
                aliases[m.ref.key] = key
    return aliases
