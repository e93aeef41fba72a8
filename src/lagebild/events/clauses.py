"""Sentences as clauses, quoted speech, and mentions indexed by offset."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from spacy.tokens import Doc, Span, Token

from .german import CLAUSE_BREAKS, QUOTE_PAIRS, SCARE_QUOTE


def is_break(tokens: Sequence[Token], j: int) -> bool:
    """A clause boundary; a comma between two names (``Die USA, Japan und …``) is a list, not one."""
    token = tokens[j]
    if not token.is_punct:
        return False  # cheap lexeme flag first: most tokens are words
    if token.text == ",":
        return not (0 < j < len(tokens) - 1 and tokens[j - 1].text[:1].isupper() and tokens[j + 1].text[:1].isupper())
    return token.text in CLAUSE_BREAKS or token.is_sent_end


class Clauses:
    """A sentence's words and clause boundaries, computed once; every lookup is a bisection."""

    def __init__(self, sentence: Span, tokens: Sequence[Token] | None = None, words: Sequence[str] | None = None) -> None:
        """``tokens`` and ``words`` (lowercase): the sentence's, when the caller has built them already."""
        self.sentence = sentence
        self.tokens = list(sentence) if tokens is None else list(tokens)
        self.words = [t.lower_ for t in self.tokens] if words is None else list(words)
        self.breaks = [j for j in range(len(self.tokens)) if is_break(self.tokens, j)]
        self.positions: dict[str, list[int]] = {}
        for k, word in enumerate(self.words):
            self.positions.setdefault(word, []).append(k)

    def end(self, k: int) -> int:
        """Index of the boundary that closes the clause of word ``k`` (or the sentence length)."""
        i = bisect.bisect_right(self.breaks, k)
        return self.breaks[i] if i < len(self.breaks) else len(self.tokens)

    def start(self, k: int) -> int:
        """Index of the first word of the clause of word ``k``."""
        i = bisect.bisect_left(self.breaks, k) - 1
        return self.breaks[i] + 1 if i >= 0 else 0

    def find(self, word: str, lo: int, hi: int) -> int | None:
        """The first position of ``word`` in ``[lo, hi)``, if any."""
        places = self.positions.get(word, ())
        i = bisect.bisect_left(places, lo)
        return places[i] if i < len(places) and places[i] < hi else None


def quoted_tokens(doc: Doc | Sequence[Token], longest: int = 120) -> set[int]:
    """Tokens inside quotation marks: quoted speech is reported, not coded as events here.

    A few quoted words are a term, not speech (``warf Baku einen „Artillerieangriff“ vor``).

    A quotation that does not close within ``longest`` tokens is taken for a stray mark.
    """
    inside: set[int] = set()
    i = 0
    texts = [t.text for t in doc]
    while i < len(texts):
        closing = QUOTE_PAIRS.get(texts[i])
        if closing is None:
            i += 1
            continue
        end = next((j for j in range(i + 1, min(i + longest, len(texts))) if texts[j] == closing), None)
        if end is None:
            i += 1
            continue
        if end - i > SCARE_QUOTE:
            inside.update(range(i + 1, end))
        i = end + 1
    return inside


class ByStart:
    """Mentions sorted by start offset, to take those in a character range by bisection."""

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = sorted(items, key=lambda x: x.start)
        self.starts = [x.start for x in self.items]

    def between(self, lo: int, hi: int) -> list[Any]:
        """The items that start in ``[lo, hi)``, in text order."""
        return self.items[bisect.bisect_left(self.starts, lo) : bisect.bisect_left(self.starts, hi)]

    def iter_between(self, lo: int, hi: int) -> Iterator[Any]:
        """The items that start in ``[lo, hi)``, lazily."""
        for i in range(bisect.bisect_left(self.starts, lo), len(self.items)):
            if self.starts[i] >= hi:
                return
            yield self.items[i]

    def first(self, lo: int, hi: int) -> Any | None:
        """The first item that starts in ``[lo, hi)``."""
        return next(self.iter_between(lo, hi), None)
