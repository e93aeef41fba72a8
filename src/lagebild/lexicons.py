"""Load and validate lagebild's lexicons and gazetteers once.

Built-in data files live in ``lagebild/data`` (each documents its source, licence and
version in a ``meta`` block or ``#`` header). Users add or override entries without
editing the package: ``Extractor(lexicons=["my_actors.json"])`` merges each file after the
built-ins. A user file is JSON with any of the keys ``states``, ``organisations``,
``persons``, ``places`` and ``roles``, each a list of entries in the built-in format (see
``docs/lexicons.md``); an entry whose id (or, for places, canonical name and country)
equals a built-in one replaces it.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from .errors import LexiconError

#: The built-in data files (see ``data/README.md``).
DATA_DIR = Path(__file__).with_name("data")
ADJECTIVE_ENDINGS = ("", "e", "en", "em", "er", "es")


@attrs.frozen
class State:
    """A state: ISO 3166-1 alpha-3 id, German names, adjective stems and metonyms."""

    id: str
    iso2: str
    canonical: str
    name: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None


@attrs.frozen
class Organisation:
    """An organisation with a stable id; paraphrases count only when it is also named."""

    id: str
    name: str
    names: tuple[str, ...]
    paraphrases: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    type: str | None = None
    country: str | None = None


@attrs.frozen
class Office:
    """A role a person held for an affiliation between two dates (``end`` None: still)."""

    role: str
    affiliation: str | None
    start: dt.date | None = None
    end: dt.date | None = None

    def held_on(self, day: dt.date | None) -> bool:
        """True when the office was held on ``day`` (always True when ``day`` is None)."""
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@attrs.frozen
class Person:
    """A known political person: names in German press spelling and offices with dates."""

    id: str
    name: str
    names: tuple[str, ...]
    offices: tuple[Office, ...] = ()

    def office_on(self, day: dt.date | None) -> Office | None:
        """The office held on ``day`` (the newest one when none matches)."""
        for office in self.offices:
            if office.held_on(day):
                return office
        return self.offices[0] if self.offices else None


@attrs.frozen
class Gazetteer:
    """A place of the gazetteer (city or region) with its surface names."""

    canonical: str
    country: str | None
    lat: float | None
    lon: float | None
    population: int
    feature: str
    names: tuple[str, ...]
    ambiguous: bool = False


@attrs.frozen
class Lexicons:
    """All lexicons lagebild uses, validated."""

    states: tuple[State, ...]
    organisations: tuple[Organisation, ...]
    persons: tuple[Person, ...]
    places: tuple[Gazetteer, ...]
    roles: frozenset[str]
    role_suffixes: tuple[str, ...]
    triggers: tuple[dict[str, Any], ...]
    status_cues: tuple[dict[str, Any], ...]
    generic_actors: tuple[dict[str, Any], ...] = ()
    frames: tuple[dict[str, Any], ...] = ()
    verb_forms: tuple[dict[str, Any], ...] = ()

    def actor_ids(self) -> set[str]:
        """Every id of a state or organisation."""
        return {s.id for s in self.states} | {o.id for o in self.organisations}


def read_data_json(name: str) -> dict[str, Any]:
    """Read a built-in JSON data file from ``lagebild/data``."""
    try:
        return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise LexiconError(f"cannot read built-in data file {name}: {exc}") from exc


def read_data_tsv(name: str) -> list[dict[str, str]]:
    """Read a built-in TSV data file (``#`` header lines are documentation) as dict rows."""
    try:
        text = (DATA_DIR / name).read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"cannot read built-in data file {name}: {exc}") from exc
    lines = (line for line in io.StringIO(text) if line.strip() and not line.startswith("#"))
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _float(value: Any) -> float | None:
    return float(value) if value not in (None, "") else None


def _names(values: Iterable[str] | str | None) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        values = values.split("|")
    return tuple(dict.fromkeys(v.strip() for v in values if v and v.strip()))


def _state(e: dict[str, Any]) -> State:
    return State(
        id=e["id"], iso2=e["iso2"], canonical=e["canonical"], name=e.get("name") or e["names"][0],
        names=_names(e.get("names")), adjectives=_names(e.get("adjectives")),
        metonyms=_names(e.get("metonyms")), lat=_float(e.get("lat")), lon=_float(e.get("lon")),
    )


def _organisation(e: dict[str, Any]) -> Organisation:
    return Organisation(
        id=e["id"], name=e.get("name") or e["names"][0], names=_names(e.get("names")),
        paraphrases=_names(e.get("paraphrases")), metonyms=_names(e.get("metonyms")),
        type=e.get("type"), country=e.get("country"),
    )


def _person(e: dict[str, Any]) -> Person:
    offices = tuple(
        Office(o["role"], o.get("affiliation"), _date(o.get("start")), _date(o.get("end")))
        for o in e.get("offices", ())
    )
    return Person(id=e["id"], name=e.get("name") or e["names"][0], names=_names(e.get("names")), offices=offices)


def _place(e: dict[str, Any]) -> Gazetteer:
    return Gazetteer(
        canonical=e["canonical"], country=e.get("country") or None, lat=_float(e.get("lat")),
        lon=_float(e.get("lon")), population=int(e.get("population") or 0),
        feature=e.get("feature") or "city", names=_names(e.get("names")),
        ambiguous=str(e.get("ambiguous", "0")).strip().lower() in ("1", "true"),
    )


def _merge(built_in: Sequence[Any], extra: Sequence[Any], key: Any) -> tuple[Any, ...]:
    merged = {key(item): item for item in built_in}
    merged.update((key(item), item) for item in extra)
    return tuple(merged.values())


def _read_user_file(path: str | Path) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LexiconError(f"cannot read lexicon file {path}: {exc}") from exc
    unknown = set(data) - {"meta", "states", "organisations", "persons", "places", "roles"}
    if not isinstance(data, dict) or unknown:
        raise LexiconError(f"lexicon file {path}: unknown keys {sorted(unknown)}")
    return data


def _validate(lex: Lexicons) -> None:
    problems: list[str] = []
    ids = [s.id for s in lex.states] + [o.id for o in lex.organisations] + [p.id for p in lex.persons]
    duplicates = {i for i in ids if ids.count(i) > 1} if len(ids) != len(set(ids)) else set()
    if duplicates:
        problems.append(f"duplicate ids {sorted(duplicates)}")
    known = lex.actor_ids()
    for person in lex.persons:
        for office in person.offices:
            if office.affiliation and office.affiliation not in known:
                problems.append(f"person {person.id}: unknown affiliation {office.affiliation}")
    for org in lex.organisations:
        if org.country and org.country not in known:
            problems.append(f"organisation {org.id}: unknown country {org.country}")
    for entry in (*lex.states, *lex.organisations, *lex.persons, *lex.places):
        if not entry.names:
            problems.append(f"{type(entry).__name__} {getattr(entry, 'id', getattr(entry, 'canonical', '?'))}: no names")
    if problems:
        raise LexiconError("invalid lexicons: " + "; ".join(problems[:10]))


def load_lexicons(extra_files: Sequence[str | Path] = ()) -> Lexicons:
    """Load the built-in lexicons, merge user files after them, validate, and return them.

    The built-ins are read once per process; user files are read on every call.
    """
    lex = _built_in_lexicons()
    if not extra_files:
        return lex
    states, orgs, persons, places, roles = [], [], [], [], set()
    for path in extra_files:
        data = _read_user_file(path)
        try:
            states += [_state(e) for e in data.get("states", ())]
            orgs += [_organisation(e) for e in data.get("organisations", ())]
            persons += [_person(e) for e in data.get("persons", ())]
            places += [_place(e) for e in data.get("places", ())]
        except (KeyError, TypeError, ValueError) as exc:
            raise LexiconError(f"lexicon file {path}: malformed entry ({exc!r})") from exc
        roles |= {r["role"] if isinstance(r, dict) else r for r in data.get("roles", ())}
    lex = attrs.evolve(
        lex,
        states=_merge(lex.states, states, lambda s: s.id),
        organisations=_merge(lex.organisations, orgs, lambda o: o.id),
        persons=_merge(lex.persons, persons, lambda p: p.id),
        places=_merge(lex.places, places, lambda p: (p.canonical, p.country)),
        roles=lex.roles | frozenset(roles),
    )
    _validate(lex)
    return lex


@functools.cache
def _built_in_lexicons() -> Lexicons:
    roles_data = read_data_json("roles.json")
    roles = set()
    for entry in roles_data["entries"]:
        roles.update(r for r in (entry.get("role"), entry.get("feminine")) if r)
    lex = Lexicons(
        states=tuple(_state(e) for e in read_data_json("states.json")["entries"]),
        organisations=tuple(_organisation(e) for e in read_data_json("organisations.json")["entries"]),
        persons=tuple(_person(e) for e in read_data_json("persons.json")["entries"]),
        places=tuple(_place(row) for name in ("places.tsv", "regions.tsv") for row in read_data_tsv(name)),
        roles=frozenset(roles),
        role_suffixes=tuple(roles_data.get("suffixes", ())),
        triggers=tuple(read_data_json("triggers.json")["entries"]),
        status_cues=tuple(read_data_json("status_cues.json")["entries"]),
        generic_actors=tuple(read_data_json("generic_actors.json")["entries"]),
        frames=tuple(read_data_json("frames.json")["frames"]),
        verb_forms=tuple(read_data_json("verb_forms.json")["entries"]),
    )
    _validate(lex)
    return lex
