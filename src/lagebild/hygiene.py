"""Input hygiene: recognise HTML and turn it into plain text; guess the language of a text.

Both are cheap, dependency-free checks meant to run before extraction:

* :func:`looks_like_html` / :func:`html_to_text` — feeds and scrapers often deliver the
  article as HTML (``<p>…</p>``, ``&amp;``, ``&#8222;``). The rules would otherwise read tag
  names and entities as words, and sentences of adjacent paragraphs would run together.
* :func:`guess_language` — lagebild's lexicons and rules are German; an English text gives
  few, wrong records. The guess counts function words of ``data/stopwords.json``.
"""

from __future__ import annotations

import functools
import html
import re
from html.entities import html5
from html.parser import HTMLParser

from .lexicons import read_data_json

#: What an Extractor does with HTML input: convert it when it looks like HTML, always,
#: never (keep the markup as text), or refuse it.
HTML_POLICIES = ("auto", "convert", "keep", "reject")

#: HTML element names that mark a text as HTML when they appear as a tag (``<p>``, ``</div>``,
#: ``<br/>``, ``<a href=…>``). Unknown names (``<Selenskyj>``) do not count.
HTML_ELEMENTS = frozenset(
    """a abbr address article aside audio b base bdi bdo blockquote body br button caption cite code col
    colgroup data dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form h1 h2
    h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main map mark
    menu meta meter nav noscript object ol optgroup option output p param picture pre progress q rp rt ruby
    s samp script section select small source span strong style sub summary sup table tbody td template
    textarea tfoot th thead time title tr track u ul var video wbr font center""".split()
)

#: Elements whose content is never article text.
SKIPPED = frozenset({"script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object"})

#: Elements that end a line (``br``) or a paragraph (the rest): sentences must not run together.
LINE_BREAKS = frozenset({"br", "tr", "li", "dt", "dd", "option"})
PARAGRAPH_BREAKS = frozenset(
    """address article aside blockquote body caption details dialog div dl fieldset figcaption figure footer
    form h1 h2 h3 h4 h5 h6 header hgroup hr html main nav ol p pre section summary table tbody td th
    thead tfoot ul""".split()
)

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]{0,15})(?=[\s/>])[^<>]{0,2000}>")
_SPECIAL = re.compile(r"<!--|<!DOCTYPE\s+html|<!\[CDATA\[", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|([A-Za-z][A-Za-z0-9]{1,31}));")
_WORD = re.compile(r"[^\W\d_]+")

#: Only this many characters are inspected by the detectors (both are linear; this bounds them).
SAMPLE = 50_000


def looks_like_html(text: str) -> bool:
    """True when ``text`` has an HTML tag of a known element, a comment/doctype/CDATA or a
    character reference (``&amp;``, ``&#8222;``, ``&#x201E;``).

    A bare ``&`` or ``<`` (``Forschung & Entwicklung``, ``a < b``), and angle brackets around
    unknown words (``<Selenskyj>``) are not HTML.
    """
    sample = text[:SAMPLE]
    if _SPECIAL.search(sample):
        return True
    for match in _TAG.finditer(sample):
        if match.group(2).lower() in HTML_ELEMENTS:
            return True
    for match in _ENTITY.finditer(sample):
        name = match.group(1)
        if name is None or f"{name};" in html5:
            return True
    return False


class _TextParser(HTMLParser):
    """Collects the text of an HTML document, with line and paragraph breaks from the tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def _break(self, tag: str) -> None:
        if tag in LINE_BREAKS:
            self.parts.append("\n")
        elif tag in PARAGRAPH_BREAKS:
            self.parts.append("\n\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self.skip_depth += 1
            return
        self._break(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in SKIPPED:  # <br/>, <hr/>, <img/>: no content, so never skipping
            self._break(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag in PARAGRAPH_BREAKS:  # </li>, </br>: the start tag already broke the line
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            # HTML collapses white space inside text; line structure comes from the tags.
            self.parts.append(re.sub(r"[ \t\n\r\f]+", " ", data))


def html_to_text(text: str) -> str:
    """The text of an HTML document: tags dropped, ``script``/``style``/``head`` content
    dropped, entities unescaped, block elements separated by a blank line and ``<br>`` by a
    newline; spaces at line ends and runs of blank lines removed.

    >>> html_to_text("<p>Die NATO &amp; die EU</p><p>tagten.</p>")
    'Die NATO & die EU\\n\\ntagten.'
    """
    parser = _TextParser()
    parser.feed(text)
    parser.close()
    joined = "".join(parser.parts)
    lines = [line.strip(" \t") for line in joined.split("\n")]
    result = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return result.strip("\n")


def unescape_entities(text: str) -> str:
    """Only the character references of ``text`` resolved (for feeds that escape but use no tags)."""
    return html.unescape(text)


@functools.cache
def _stopwords() -> dict[str, frozenset[str]]:
    languages = read_data_json("stopwords.json")["languages"]
    return {code: frozenset(words) for code, words in languages.items()}


#: At least this many stopwords of the winning language must occur …
MIN_HITS = 2
#: … making up at least this share of all words …
MIN_SHARE = 0.10
#: … and the winner needs more than this many times the stopwords of the runner-up.
MARGIN = 2.0


def language_scores(text: str) -> dict[str, float]:
    """Share of the words of ``text`` (first :data:`SAMPLE` characters) that are stopwords of each language."""
    words = [w.lower() for w in _WORD.findall(text[:SAMPLE])]
    if not words:
        return {code: 0.0 for code in _stopwords()}
    return {code: sum(w in stop for w in words) / len(words) for code, stop in _stopwords().items()}


def guess_language(text: str) -> str:
    """``"de"``, ``"en"`` or ``"unknown"`` from the share of German and English stopwords.

    ``unknown`` when the text has fewer than :data:`MIN_HITS` stopwords of the leading
    language, when they are less than :data:`MIN_SHARE` of its words, or when the leading
    language has at most :data:`MARGIN` times the stopwords of the other.

    >>> guess_language("Die NATO sagte der Ukraine weitere Hilfe zu.")
    'de'
    >>> guess_language("NATO pledged more aid to Ukraine on Friday.")
    'en'
    """
    words = [w.lower() for w in _WORD.findall(text[:SAMPLE])]
    if not words:
        return "unknown"
    hits = {code: sum(w in stop for w in words) for code, stop in _stopwords().items()}
    ranked = sorted(hits.items(), key=lambda item: item[1], reverse=True)
    (best, best_hits), (_, second_hits) = ranked[0], ranked[1]
    if best_hits < MIN_HITS or best_hits / len(words) < MIN_SHARE or best_hits <= MARGIN * second_hits:
        return "unknown"
    return best
