"""Where the article body ends and page boilerplate (ads, job offers, comment rules) begins."""

from __future__ import annotations

import functools
import re

from .lexicons import read_data_json

#: A dateline at the start of a text: ``BRÜSSEL / MÜNCHEN (IT BOLTWISE) –``, ``Kiew (dpa) -``.
DATELINE = re.compile(r"\A\s*((?:[^\W\d_][\w.\- ]{1,40}?)(?:\s*/\s*[^\W\d_][\w.\- ]{1,40}?)*)\s*\([^)\n]{1,60}\)\s*[-–—:]")

#: The body must keep at least this share of the text before a cue may end it.
MIN_BODY_SHARE = 0.2


@functools.cache
def _cue_pattern() -> re.Pattern[str]:
    cues = read_data_json("boilerplate.json")["entries"]
    return re.compile("|".join(f"(?:{c['pattern']})" for c in cues))


def find_body_end(text: str) -> int:
    """Offset where boilerplate starts: the first line (after the first fifth of the text)
    that opens with a boilerplate cue, at its first non-blank character; ``len(text)``
    when the text has none."""
    cues = _cue_pattern()
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.lstrip()
        start = offset + len(line) - len(stripped)
        if start >= MIN_BODY_SHARE * len(text) and cues.match(stripped):
            return start
        offset += len(line)
    return len(text)


def dateline_span(text: str) -> tuple[int, int]:
    """Character range of the place names of a leading dateline (``(0, 0)`` when there is none)."""
    match = DATELINE.match(text)
    return (match.start(1), match.end(1)) if match else (0, 0)
