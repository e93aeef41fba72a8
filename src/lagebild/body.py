"""Where the article body ends and page boilerplate (ads, job offers, comment rules) begins."""

from __future__ import annotations

import functools
import re

from .lexicons import read_data_json

#: One place name of a dateline: words of letters, digits, ``.``, ``-`` joined by spaces,
#: starting with a letter (``Frankfurt am Main``, ``St. Petersburg``, ``Ost-Jerusalem``).
#: Words and separators never overlap, so a failed match backtracks in linear time (the
#: former ``[\w.\- ]{1,40}?`` let spaces belong to a name or to the ``\s*`` around ``/``,
#: which took exponential time on ``"Kiew / " * 20``).
_NAME = r"[^\W\d_][\w.\-]*(?: +[\w.\-]+)*"

#: A dateline at the start of a text: ``BRÜSSEL / MÜNCHEN (IT BOLTWISE) –``, ``Kiew (dpa) -``.
DATELINE = re.compile(rf"\A\s*({_NAME}(?:\s*/\s*{_NAME})*)\s*\([^)\n]{{1,60}}\)\s*[-–—:]")

#: A dateline lies in the first few hundred characters; each of its names has 2-41 characters.
_DATELINE_WINDOW = 600
_NAME_LENGTH = (2, 41)

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
    match = DATELINE.match(text[:_DATELINE_WINDOW])
    if not match:
        return (0, 0)
    names = [name.strip() for name in match.group(1).split("/")]
    if not all(_NAME_LENGTH[0] <= len(name) <= _NAME_LENGTH[1] for name in names):
        return (0, 0)
    return (match.start(1), match.end(1))
