"""Place stage: cities, regions and countries resolved to canonical GeoNames-style names.

A country named in the text is a place (``in der Ukraine``) as well as an actor; a city
or region comes from the gazetteer (GeoNames-derived ``places.tsv`` plus the reviewed
``regions.tsv``). Names the gazetteer marks ambiguous (``Essen``, ``Halle``) need
evidence: a locative preposition, a dateline, or another place of the same country.
Adjectives (``ukrainisch``) never make a place.
"""

from __future__ import annotations

import attrs
from spacy.tokens import Doc

from .actors import PLACE_PREPOSITIONS, is_locative, is_place_noun
from .body import dateline_span
from .lexicons import Gazetteer, Lexicons, read_data_json
from .matching import NameIndex
from .records import Mention, Place

@attrs.frozen
class PlaceMention:
    """One mention of a place: exact character span, token span, gazetteer entry."""

    start: int
    end: int
    text: str
    token_start: int
    token_end: int
    place: Gazetteer
    dateline: bool = False


class PlaceFinder:
    """Compiled gazetteer; call it on a Doc to get place mentions."""

    def __init__(self, lex: Lexicons) -> None:
        self.index: NameIndex[Gazetteer] = NameIndex()
        for state in lex.states:
            entry = Gazetteer(state.canonical, state.iso2, state.lat, state.lon, 0, "country", state.names)
            for name in state.names:
                self.index.add(name, entry, upper=True)
        words = set(read_data_json("not_places.json")["entries"])
        for place in sorted(lex.places, key=lambda p: -p.population):
            for name in place.names:
                if name not in words or place.population >= SMALL_TOWN * 5:
                    self.index.add(name, place, upper=True)

    def __call__(self, doc: Doc, exclude_tokens: set[int] = frozenset(), dateline_end: int | None = None) -> list[PlaceMention]:
        """Find place mentions, skipping tokens of persons and organisations (``exclude_tokens``)."""
        if dateline_end is None:
            dateline_end = dateline_span(doc.text)[1]
        mentions: list[PlaceMention] = []
        for hit in self.index.find(doc, compounds=False):
            if exclude_tokens.intersection(range(hit.start, hit.end)):
                continue
            place = hit.targets[0]
            in_dateline = hit.end_char <= dateline_end
            located = (
                is_locative(doc, hit.start, PLACE_PREPOSITIONS)
                or hit.start > 0 and is_place_noun(doc[hit.start - 1].text)
                or bool(mentions) and _continues_list(doc, mentions[-1].token_end, hit.start)
            )
            if (place.ambiguous or _small_town(place)) and not (in_dateline or located):
                continue
            if hit.via == "genitive" and _small_town(place):
                continue  # ``Basis`` is no genitive of a town Basi
            mentions.append(PlaceMention(hit.start_char, hit.end_char, hit.text, hit.start, hit.end, place, in_dateline))
        return mentions


#: Towns below this size must be introduced as places (``in Gori``, ``die Stadt Lage``):
#: many share their name with a word, a person or a brand (``Lage``, ``Adrian``, ``Dax``).
SMALL_TOWN = 100_000


def _small_town(place: Gazetteer) -> bool:
    return place.feature == "city" and 0 < place.population < SMALL_TOWN


def _continues_list(doc: Doc, previous_end: int, start: int) -> bool:
    """``in Batumi, Kutaissi und Gori``: only list words between this name and the place before."""
    between = doc[previous_end:start]
    return 0 < len(between) <= 2 and all(t.text in (",", "und", "sowie", "oder") for t in between)


def _display_name(texts: list[str], names: tuple[str, ...]) -> str:
    """The first mention written as in the gazetteer, else the first one not in dateline capitals."""
    return next((t for t in texts if t in names), None) or next((t for t in texts if not t.isupper()), texts[0].title())


def merge_places(mentions: list[PlaceMention]) -> list[Place]:
    """One :class:`Place` per gazetteer entry, ordered by first mention."""
    groups: dict[tuple[str, str | None], list[PlaceMention]] = {}
    for m in mentions:
        groups.setdefault((m.place.canonical, m.place.country), []).append(m)
    places = []
    for group in groups.values():
        entry = group[0].place
        places.append(
            Place(
                name=_display_name([m.text for m in group], entry.names),
                canonical=entry.canonical,
                country=entry.country,
                lat=entry.lat,
                lon=entry.lon,
                mentions=tuple(Mention(m.text, m.start, m.end) for m in group),
            )
        )
    return places
