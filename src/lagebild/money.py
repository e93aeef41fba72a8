"""MONEY stage: find German money amounts and normalise them.

``find_money`` is a pure function over text. One compiled regex (built lazily from data)
recognises

    [qualifier] number [scale] [bis|-|und number [scale]] currency
    [qualifier] symbol-or-code number [scale]

where *number* is digits with German separators (``1.500.000``, ``2,4``) or a number word
(``zwei``, ``eine``), *scale* is ``Tausend``/``Tsd.``/``Million``/``Mio.``/``Milliarde``/
``Mrd.``/``Billion``, and *currency* comes from CLDR's German names (via babel) plus the
reviewed list in ``data/currencies.json``. Hyphenated compounds (``20-Milliarden-Euro-Paket``,
``Euro-Milliarden``) are deliberately left alone.
"""

from __future__ import annotations

import functools
import re

from lagebild.lexicons import read_data_json
from lagebild.records import Money

SCALES = {
    "tausend": 1e3, "tsd.": 1e3,
    "million": 1e6, "millionen": 1e6, "mio.": 1e6, "mio": 1e6,
    "milliarde": 1e9, "milliarden": 1e9, "mrd.": 1e9, "mrd": 1e9,
    "billion": 1e12, "billionen": 1e12, "bio.": 1e12,
}

QUALIFIERS = {
    "mehr als": "more_than", "über": "more_than", "knapp über": "more_than",
    "mindestens": "more_than", "weit über": "more_than",
    "bis zu": "less_than", "weniger als": "less_than", "knapp unter": "less_than",
    "unter": "less_than", "höchstens": "less_than", "maximal": "less_than",
    "rund": "about", "etwa": "about", "circa": "about", "ca.": "about", "zirka": "about",
    "ungefähr": "about", "fast": "about", "knapp": "about", "annähernd": "about",
    "gut": "about", "beinahe": "about", "nahezu": "about",
}

# Adjective endings used to inflect CLDR's nominative names ("Dänische Kronen" ->
# "dänischen Kronen"): news text puts the adjective in any case.
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")

# German number with thousands dots, or plain digits, optional decimal comma. Matching stays
# linear on long digit runs because the amount pattern may only start where no digit, dot
# or comma precedes (its look-behind), so each run is tried once. (No possessive
# quantifiers: they need Python 3.11 and lagebild supports 3.10.)
# Thousands may also be grouped by (narrow, no-break) spaces or apostrophes (``45 000``,
# Swiss ``350'000``), one separator kind per number.
_DIGITS = (
    r"(?:\d{1,3}(?:\.\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d{1,3}(?:['’]\d{3})+(?!\d)|\d+)(?:,\d+)?"
)


@functools.cache
def number_words() -> dict[str, float]:
    """German cardinal words (``zwei`` -> 2) from ``data/time_words.json``."""
    return {word: float(value) for word, value in read_data_json("time_words.json")["cardinals"].items()}


def _inflections(name: str) -> set[str]:
    """The CLDR name plus its lower-case/inflected adjective variants."""
    words = name.split(" ")
    if len(words) == 1:
        return {name}
    first, rest = words[0], " ".join(words[1:])
    stem = re.sub(r"(e|er|es|en|em)$", "", first)
    variants = {name}
    for adjective in {first, *(stem + ending for ending in _ADJECTIVE_ENDINGS)}:
        variants.add(f"{adjective} {rest}")
        variants.add(f"{adjective[0].lower()}{adjective[1:]} {rest}")
    return variants


@functools.cache
def currency_forms() -> dict[str, tuple[str, float]]:
    """Every recognised currency form -> (ISO code, factor to the main unit).

    Built once on first use: the reviewed entries of ``data/currencies.json`` plus, for each
    of their codes, CLDR's German singular and plural names and symbol (via babel).
    """
    from babel.numbers import get_currency_name, get_currency_symbol

    forms: dict[str, tuple[str, float]] = {}
    entries = read_data_json("currencies.json")["entries"]
    for entry in entries:
        if "factor" in entry:
            continue
        code = entry["code"]
        cldr = {get_currency_name(code, count=count, locale="de") for count in (None, 1, 2)}
        for name in cldr:
            for variant in _inflections(name):
                forms.setdefault(variant, (code, 1.0))
        symbol = get_currency_symbol(code, locale="de")
        if symbol != code and not symbol.isalpha():
            forms.setdefault(symbol, (code, 1.0))
    # Reviewed forms win over CLDR (e.g. bare "$" is USD, not CLDR's ambiguous choices).
    for entry in entries:
        for name in entry["names"]:
            forms[name] = (entry["code"], float(entry.get("factor", 1.0)))
    return forms


def _alternation(words: list[str]) -> str:
    """A regex alternation that tries longer forms first."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@functools.cache
def _money_regex() -> re.Pattern[str]:
    forms = currency_forms()
    symbols = [form for form in forms if not form[0].isalpha() or form.isupper()]
    words = _alternation(list(number_words()))
    number = rf"(?:{_DIGITS}|(?i:{words})(?=\s))"
    scale = rf"(?i:{_alternation(list(SCALES))})(?!\w)"
    # A currency must not continue into a compound ("Euro-Milliarden", "Eurozone").
    currency = rf"(?:{_alternation(list(forms))})(?![\w-]|-\w)"
    qualifier = rf"(?i:{_alternation(list(QUALIFIERS))})"
    gap = r"[ \t\u00a0]*"
    space = r"[ \t\u00a0]+"
    amount_first = (
        rf"(?:(?P<between>(?i:zwischen)){space})?"
        rf"(?P<n1>{number})(?:{gap}(?P<s1>{scale}))?"
        rf"(?:{gap}(?(between)(?:und|bis)|(?:bis|-|–)){gap}(?P<n2>{number})(?:{gap}(?P<s2>{scale}))?)?"
        rf"{gap}(?P<cur>{currency})"
    )
    symbol_first = (
        rf"(?P<pcur>{_alternation(symbols)}){gap}(?P<pn>{_DIGITS})(?:{gap}(?P<ps>{scale}))?"
    )
    pattern = rf"(?<![\w.,])(?:(?P<qual>{qualifier}){space})?(?:{amount_first}|{symbol_first})(?![\d])"
    return re.compile(pattern)


def parse_number(token: str) -> float:
    """Value of a German number token: ``1.500,5`` -> 1500.5, ``zwei`` -> 2."""
    word = number_words().get(token.lower())
    if word is not None:
        return word
    return float(re.sub(r"[.\s'’]", "", token).replace(",", "."))


def _scaled(number: str, scale: str | None) -> float:
    return parse_number(number) * (SCALES[scale.lower()] if scale else 1.0)


def _money_from_match(match: re.Match[str], text: str) -> Money:
    code, factor = currency_forms()[match.group("cur") or match.group("pcur")]
    qualifier = QUALIFIERS[match.group("qual").lower()] if match.group("qual") else "exact"
    start = match.start()
    value_max = None
    if match.group("pn"):
        value = _scaled(match.group("pn"), match.group("ps"))
    elif match.group("n2"):
        upper_scale = match.group("s2")
        lower_scale = match.group("s1")
        # "2 bis 3 Milliarden": the scale after the upper bound also applies to the lower one,
        # unless the lower bound is already larger ("500.000 bis 1 Million").
        if lower_scale is None and parse_number(match.group("n1")) <= parse_number(match.group("n2")):
            lower_scale = upper_scale
        value = _scaled(match.group("n1"), lower_scale)
        value_max = _scaled(match.group("n2"), upper_scale) * factor
        qualifier = "range"
    else:
        value = _scaled(match.group("n1"), match.group("s1") or match.group("s2"))
        if match.group("between"):
            # "zwischen" without a second bound is not a range: drop it from the span.
            start = match.start("n1") if not match.group("qual") else start
    end = match.end()
    return Money(text[start:end], start, end, value * factor, code, qualifier, value_max)


def find_money(text: str) -> list[Money]:
    """Find money amounts in German ``text``, sorted by start offset.

    Each amount needs a currency (name, symbol or ISO code) next to its number; bare numbers,
    years, percentages and phone numbers therefore never match. ``value`` is in units of
    the currency (``Cent`` -> EUR / 100), qualifiers (``über``, ``bis zu``, ``rund`` …) map
    to ``more_than``/``less_than``/``about``, and ``zwischen X und Y``/``X bis Y``/``X-Y``
    give ``qualifier="range"`` with ``value_max``.
    """
    return [_money_from_match(match, text) for match in _money_regex().finditer(text)]
