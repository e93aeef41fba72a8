"""Event frames: a verb together with what it governs decides the event type.

``Sanktionen verhängen`` is a SANCTION, ``eine Ausgangssperre verhängen`` a COERCE;
``verurteilen`` alone condemns (ACCUSE), ``zu zehn Jahren Haft verurteilen`` convicts
(SANCTION). Frames are data (``data/frames.json``); the verbs' inflected forms come from
``data/verb_forms.json`` (built from simplemma's dictionary by ``scripts/build_verb_forms.py``),
so every tense, the participle, the zu-infinitive and the separable verb whose particle
closes the clause (``stellte … ein``) are found without a lemmatiser at run time.

Written by hand: no maintained library codes German verb-object frames as PLOVER events.
The object is looked for in the verb's clause, a bounded window around the verb.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

import attrs
from spacy.tokens import Span, Token

#: How many words before or after the verb its object may stand (German puts the object
#: before the participle at the clause end: ``hat ihn zu zehn Jahren Haft verurteilt``).
FRAME_REACH = 12


class ClauseView(Protocol):
    """What frames need of a sentence: its tokens, lowercase words and clause bounds."""

    sentence: Span
    tokens: list[Token]
    words: list[str]

    def start(self, k: int) -> int: ...
    def end(self, k: int) -> int: ...
    def find(self, word: str, lo: int, hi: int) -> int | None: ...


@attrs.frozen
class Frame:
    """One frame: the verb lemmas and the objects that license it, and what it codes."""

    type: str | None  # None: the words are no event (``eine Entscheidung treffen``)
    cameo: str | None
    mode: str | None
    verbs: frozenset[str]
    words: frozenset[str] = frozenset()
    heads: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    status: str | None = None

    @property
    def bare(self) -> bool:
        """The verb alone licenses the frame."""
        return not (self.words or self.heads or self.phrases)


@attrs.frozen
class FrameHit:
    """A frame found in a sentence: its verb tokens (with particle) and the object's tokens."""

    frame: Frame
    verb: tuple[int, ...]
    licence: tuple[int, ...]


def load_frames(frames: list[dict[str, Any]]) -> list[Frame]:
    """Frame records from the entries of ``frames.json``."""
    return [
        Frame(
            e["type"], e.get("cameo"), e.get("mode"), frozenset(e["verbs"]),
            frozenset(w.lower() for w in e.get("words", ())),
            tuple(h.lower() for h in e.get("heads", ())),
            tuple(tuple(p.lower().split()) for p in e.get("phrases", ())),
            e.get("status"),
        )
        for e in frames
    ]


class FrameFinder:
    """Finds frames in a sentence; built once per process from the data files."""

    def __init__(self, frames: list[Frame], verb_forms: list[dict[str, Any]]) -> None:
        self.by_lemma: dict[str, list[Frame]] = {}
        for frame in sorted(frames, key=lambda f: f.bare):  # a frame with an object before the bare verb
            for verb in frame.verbs:
                self.by_lemma.setdefault(verb, []).append(frame)
        self.lemmas_of: dict[str, set[str]] = {}
        self.separable: dict[str, list[tuple[str, str]]] = {}
        for entry in verb_forms:
            if entry["lemma"] not in self.by_lemma:
                continue
            for form in entry["forms"]:
                self.lemmas_of.setdefault(form, set()).add(entry["lemma"])
            for form in entry.get("finite", ()):
                self.separable.setdefault(form, []).append((entry["particle"], entry["lemma"]))
        self.verb_forms = frozenset(self.lemmas_of) | frozenset(self.separable)

    def find(self, clauses: ClauseView, used: set[int]) -> Iterator[FrameHit]:
        """Frames of the sentence whose tokens are not ``used``, each verb at most once."""
        offset = clauses.sentence.start
        for k, word in enumerate(clauses.words):
            if word not in self.verb_forms:
                continue
            token = clauses.tokens[k]
            if token.i in used or (k > 0 and token.text[:1].isupper()):
                continue  # a capitalised word inside a sentence is a noun (``das Treffen``)
            for lemma, verb in self._verbs(clauses, k, word):
                hit = self._licensed(clauses, k, verb, lemma, used)
                if hit is not None:
                    used.update(i + offset for i in (*hit.verb, *hit.licence))
                    yield attrs.evolve(hit, verb=tuple(i + offset for i in hit.verb), licence=tuple(i + offset for i in hit.licence))
                    break

    def _verbs(self, clauses: ClauseView, k: int, word: str) -> Iterator[tuple[str, tuple[int, ...]]]:
        """The lemmas word ``k`` is a form of, with the verb's words (the particle too)."""
        end = clauses.end(k)
        for particle, lemma in self.separable.get(word, ()):
            at = clauses.find(particle, k + 1, end)
            if at is not None:
                yield lemma, (k, at)
        for lemma in sorted(self.lemmas_of.get(word, ())):
            yield lemma, (k,)

    def _licensed(self, clauses: ClauseView, k: int, verb: tuple[int, ...], lemma: str, used: set[int]) -> FrameHit | None:
        start, reach = clauses.start(k), FRAME_REACH
        if 0 < start and k - start <= 1:
            # ``die Kontrolle über die größte Stadt des Landes, Goma, übernommen``: across an apposition
            start, reach = clauses.start(start - 2), 2 * FRAME_REACH
        lo = max(start, k - reach)
        hi = min(clauses.end(max(verb)), k + FRAME_REACH + 1)
        words = clauses.words
        offset = clauses.sentence.start
        for frame in self.by_lemma.get(lemma, ()):
            if frame.bare:
                return FrameHit(frame, verb, ())
            for j in range(lo, hi):
                if j in verb or j + offset in used:
                    continue
                w = words[j]
                if w in frame.words or (frame.heads and w.endswith(frame.heads)):
                    return FrameHit(frame, verb, (j,))
                for phrase in frame.phrases:
                    if tuple(words[j : j + len(phrase)]) == phrase:
                        return FrameHit(frame, verb, tuple(range(j, j + len(phrase))))
        return None
