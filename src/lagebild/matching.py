"""Longest-match lookup of lexicon names over spaCy tokens.

Written by hand because spaCy's PhraseMatcher needs every name tokenised by the pipeline
when it is built (slow for ~100k gazetteer names) and cannot see inside the one-token
compounds German writes (``NATO-Gipfel``, ``EU-Außenbeauftragte``) or strip a genitive
``-s`` (``Kiews``, ``Russlands``). Names are split on spaces, which is how spaCy's German
tokenizer splits them too.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Generic, TypeVar

import attrs
from spacy.tokens import Doc

T = TypeVar("T")

#: Hyphen-like characters that join the parts of a German compound.
HYPHENS = "-‐‑–"


#: Stems of German adjectives that open names and phrases (``Internationaler``, ``humanitäre``).
_ADJECTIVE_STEMS = ("isch", "al", "ig", "lich", "är", "isiert", "ös", "ell")


def declined(phrase: str) -> Iterator[str]:
    """A phrase and, when it opens with an adjective, its other case forms.

    ``Internationaler Währungsfonds`` → ``Internationale(n/s/m) Währungsfonds``;
    ``humanitäre Hilfe`` → ``humanitärer Hilfe`` …
    """
    yield phrase
    first, _, rest = phrase.partition(" ")
    if not rest:
        return
    for ending in ("er", "es", "en", "em", "e"):
        stem = first[: -len(ending)]
        if first.endswith(ending) and len(stem) > 4 and stem.lower().endswith(_ADJECTIVE_STEMS):
            for other in ("e", "en", "er", "es", "em"):
                if other != ending:
                    yield f"{stem}{other} {rest}"
            return


@attrs.frozen
class Hit(Generic[T]):
    """A name found in a doc: token range, exact character range and its targets."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    targets: tuple[T, ...]
    via: str  # "name", "genitive", "compound"


class NameIndex(Generic[T]):
    """Maps multi-token names to targets; finds the longest name at each token."""

    def __init__(self) -> None:
        self._first: dict[str, dict[tuple[str, ...], list[T]]] = {}
        self._longest = 1

    def add(self, name: str, target: T, *, upper: bool = False) -> None:
        """Add ``name`` for ``target`` (and its all-caps form when ``upper``)."""
        variants = {name, name.upper()} if upper else {name}
        for variant in variants:
            words = tuple(variant.split())
            if not words:
                continue
            targets = self._first.setdefault(words[0], {}).setdefault(words, [])
            if target not in targets:
                targets.append(target)
            self._longest = max(self._longest, len(words))

    def lookup(self, name: str) -> tuple[T, ...]:
        """The targets of exactly ``name``."""
        words = tuple(name.split())
        return tuple(self._first.get(words[0], {}).get(words, ())) if words else ()

    def __contains__(self, name: str) -> bool:
        return bool(self.lookup(name))

    def _match_at(self, words: list[str], i: int) -> tuple[int, list[T]] | None:
        candidates = self._first.get(words[i])
        if not candidates:
            return None
        for length in range(min(self._longest, len(words) - i), 0, -1):
            targets = candidates.get(tuple(words[i : i + length]))
            if targets:
                return length, targets
        return None

    def find_words(self, words: list[str]) -> Iterator[tuple[int, int, tuple[T, ...]]]:
        """Yield ``(start, end, targets)`` of non-overlapping names in a plain word list, longest first."""
        i = 0
        while i < len(words):
            found = self._match_at(words, i)
            if found:
                length, targets = found
                yield i, i + length, tuple(targets)
                i += length
            else:
                i += 1

    def find(
        self, doc: Doc, *, genitive: bool = True, compounds: bool = True, words: list[str] | None = None
    ) -> Iterator[Hit[T]]:
        """Yield non-overlapping hits, longest first at each token, left to right.

        ``words`` are the doc's token texts, when the caller has them already.
        """
        if words is None:
            words = [t.text for t in doc]
        i = 0
        while i < len(words):
            found = self._match_at(words, i)
            if found:
                length, targets = found
                span = doc[i : i + length]
                yield Hit(i, i + length, span.start_char, span.end_char, span.text, tuple(targets), "name")
                i += length
                continue
            token = doc[i]
            word = words[i]
            if genitive and len(word) > 3 and word[-1] == "s" and word[-2] not in "sxz":
                targets = self._first.get(word[:-1], {}).get((word[:-1],))
                if targets:
                    yield Hit(i, i + 1, token.idx, token.idx + len(word), word, tuple(targets), "genitive")
                    i += 1
                    continue
            if compounds and any(h in word for h in HYPHENS):
                yield from self._compound_parts(token)
            i += 1

    def _compound_parts(self, token) -> Iterator[Hit[T]]:
        """Names standing as parts of a hyphenated compound, e.g. ``NATO`` in ``NATO-Gipfel``."""
        word = token.text
        offset = 0
        parts: list[tuple[int, str]] = []
        current = ""
        for ch in word:
            if ch in HYPHENS:
                parts.append((offset - len(current), current))
                current = ""
            else:
                current += ch
            offset += 1
        parts.append((offset - len(current), current))
        for start, part in parts:
            for candidate in (part, part[:-1] if part.endswith("s") and len(part) > 3 else None):
                if not candidate:
                    continue
                targets = self._first.get(candidate, {}).get((candidate,))
                if targets:
                    begin = token.idx + start
                    yield Hit(token.i, token.i + 1, begin, begin + len(candidate), candidate, tuple(targets), "compound")
                    break
