"""TIME stage: find German temporal expressions and normalise them TIMEX3-style.

``find_times`` works in three steps:

1. *Match*: a handful of compiled regexes (built lazily from ``data/time_words.json``) each
   propose candidate spans. The main one is a composed grammar

       [preposition] [article] [früh-/spät-] [Anfang|Mitte|Ende [des|der]] [relative word] CORE

   where CORE is a date, month, year, decade, quarter/half, season, period word
   (``Jahr``, ``Woche``, ``Jahrzehnts``), ``Jahresende``-style compound or weekday (with day
   part, ``Donnerstagabend``). Separate rules cover deictic days, day parts, clock times,
   ``vor zwei Tagen``, durations, sets and PRESENT/FUTURE/PAST references.
2. *Select*: overlapping candidates are resolved longest-first; amounts found by
   ``find_money`` veto overlapping candidates ("2025 Euro" is money, not a year).
3. *Resolve*: in text order, against ``published`` (or, without it, the latest full date in
   the text), keeping a little state: the last evening (for ``nach Mitternacht``), the
   last day-precise date (for clock times) and the last future expression (to anchor a
   following duration).

See ``docs/times-and-money.md`` for the conventions.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from lagebild.lexicons import read_data_json
from lagebild.money import find_money
from lagebild.records import Interval, Money, Time

Date = dt.date


# --------------------------------------------------------------------------- data


@functools.cache
def time_words() -> dict[str, Any]:
    """The parsed ``data/time_words.json`` (loaded once, on first use)."""
    return read_data_json("time_words.json")


def _alt(words: Any) -> str:
    """Regex alternation over ``words``, longest first (regex alternation is first-match)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _number(token: str) -> float | None:
    """Digits or a cardinal word -> number; None for vague counts (``mehrere``)."""
    token = token.lower().replace(",", ".")
    if token in time_words()["cardinals"]:
        return float(time_words()["cardinals"][token])
    try:
        return float(token)
    except ValueError:
        return None


def _lookup(table: str, token: str) -> Any:
    """Value of the longest key of ``time_words()[table]`` that starts ``token``."""
    token = token.lower()
    for key in sorted(time_words()[table], key=len, reverse=True):
        if token.startswith(key):
            return time_words()[table][key]
    raise KeyError(token)


# --------------------------------------------------------------------------- calendar


@attrs.frozen
class Period:
    """A resolved calendar period: TIMEX value, granularity and inclusive bounds."""

    value: str
    grain: str
    start: Date | None
    end: Date | None


def _month_end(year: int, month: int) -> Date:
    return Date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: Date, months: int) -> Date:
    """``day`` shifted by whole months, clamped to the month's last day (31.1. + 1 -> 28/29.2.)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return Date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _shift(day: Date, amount: float, unit: str) -> Date:
    """``day`` moved by ``amount`` units (D, W, M, Y, DE); fractions only for D and W."""
    if unit == "D":
        return day + dt.timedelta(days=amount)
    if unit == "W":
        return day + dt.timedelta(weeks=amount)
    months = {"M": 1, "Y": 12, "DE": 120}[unit]
    return _add_months(day, round(amount * months))


def _day(day: Date) -> Period:
    return Period(day.isoformat(), "day", day, day)


def _week(day: Date) -> Period:
    year, week, _ = day.isocalendar()
    monday = Date.fromisocalendar(year, week, 1)
    return Period(f"{year}-W{week:02d}", "week", monday, monday + dt.timedelta(days=6))


def _month(year: int, month: int) -> Period:
    return Period(f"{year:04d}-{month:02d}", "month", Date(year, month, 1), _month_end(year, month))


def _year(year: int) -> Period:
    return Period(f"{year:04d}", "year", Date(year, 1, 1), Date(year, 12, 31))


def _decade(first_year: int) -> Period:
    first_year -= first_year % 10
    return Period(f"{first_year // 10:03d}X", "decade", Date(first_year, 1, 1), Date(first_year + 9, 12, 31))


def _quarter(year: int, quarter: int) -> Period:
    return Period(f"{year}-Q{quarter}", "quarter", Date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter))


def _half(year: int, half: int) -> Period:
    return Period(f"{year}-H{half}", "half", Date(year, 6 * half - 5, 1), _month_end(year, 6 * half))


SEASONS = {"frühjahr": ("SP", 3), "frühling": ("SP", 3), "sommer": ("SU", 6), "herbst": ("FA", 9), "winter": ("WI", 12)}


def _season(year: int, code: str, first_month: int) -> Period:
    start = Date(year, first_month, 1)
    return Period(f"{year}-{code}", "season", start, _add_months(start, 3) - dt.timedelta(days=1))


def _part(period: Period, mod: str) -> tuple[Date | None, Date | None]:
    """Sub-interval for Anfang/Mitte/Ende: thirds of the period.

    Months use days 1-10 / 11-20 / 21-last; years use Jan-Apr / May-Aug / Sep-Dec; decades
    years 0-3 / 4-6 / 7-9; other periods are cut into thirds by day count.
    """
    start, end = period.start, period.end
    if start is None or end is None:
        return start, end
    if period.grain == "month":
        cuts = {"START": (1, 10), "MID": (11, 20), "END": (21, end.day)}[mod]
        return start.replace(day=cuts[0]), start.replace(day=cuts[1])
    if period.grain == "year":
        first = {"START": 1, "MID": 5, "END": 9}[mod]
        return Date(start.year, first, 1), _month_end(start.year, first + 3)
    if period.grain == "decade":
        first, last = {"START": (0, 3), "MID": (4, 6), "END": (7, 9)}[mod]
        return Date(start.year + first, 1, 1), Date(start.year + last, 12, 31)
    days = (end - start).days + 1
    third = max(days // 3, 1)
    if mod == "START":
        return start, start + dt.timedelta(days=third - 1)
    if mod == "END":
        return end - dt.timedelta(days=third - 1), end
    return start + dt.timedelta(days=third), end - dt.timedelta(days=third)


# --------------------------------------------------------------------------- grammar

_YEAR = r"(?:19|20)\d\d(?![\d])(?![.,]\d)"


def _prefix_words() -> dict[str, str]:
    """Prepositions that may open an expression -> how they change its interval."""
    return {
        "bis zum": "until", "bis zur": "until", "bis": "until", "vor": "before", "nach": "after",
        "seit": "since", "ab": "from", "später im": "later", "später in": "later",
        "früher im": "earlier", "früher in": "earlier", "am": "at", "im": "at", "in": "at",
        "zum": "at", "zur": "at", "vom": "at", "von": "at", "zu": "at", "an": "at", "noch im": "at",
        "noch in": "at", "noch am": "at",
    }


@functools.cache
def _patterns() -> dict[str, str]:
    """All rule regexes, compiled once (case-insensitive: sentence-initial capitals)."""
    words = time_words()
    month = rf"(?:{_alt(words['months'])})(?<!\.)(?!\w)|(?:{_alt(k for k in words['months'] if k.endswith('.'))})"
    weekday = _alt(words["weekdays"])
    day_part = _alt(k for k in words["day_parts"] if k != "früh")
    relative = rf"(?:{_alt(words['relative'])})(?:e[mnrs]?)?"
    ordinal = rf"(?:{_alt(words['ordinals'])})(?:e[mnrs]?)"
    count = rf"(?:\d+(?:,\d+)?|{_alt(words['cardinals'])}|{_alt(words['vague_counts'])})"
    unit = r"(?:Tag|Woche|Monat|Jahrzehnt|Jahr|Stunde|Minute)(?:e|en|n|s|es)?"
    preps = _alt(_prefix_words())
    ws = r"\s+"

    core = "|".join(
        [
            # 4. April 2025 | Montag, 3. März 2025 | 4.4.2025 | 4.4.
            rf"(?:(?P<dwd>{weekday}),?{ws}(?:den{ws})?)?(?P<day>[0-3]?\d)\.\s?"
            rf"(?:(?P<dmonth>{month})|(?P<dmnum>[01]?\d)\.)(?:\s?(?P<dyear>{_YEAR}))?(?!\d)",
            # im ersten Quartal 2025 | im zweiten Halbjahr | in der ersten Jahreshälfte
            rf"(?P<qord>{ordinal}){ws}(?P<qunit>Quartal|Halbjahr|Jahreshälfte)(?:e?s)?"
            rf"(?:{ws}(?:des{ws}Jahres{ws})?(?P<qyear>{_YEAR})|{ws}(?:des|dieses|diesen){ws}Jahres)?",
            # 1990er Jahre | 1990er-Jahren | 90er Jahren
            r"(?P<decade>(?:19|20)?\d0)er(?:-|\s+)?Jahren?(?!\w)",
            # Jahresende | Monatsanfang (2025)
            rf"(?P<cpunit>Jahres|Monats)(?P<cpart>ende|anfang|beginn|mitte)(?:{ws}(?P<cpyear>{_YEAR}))?",
            # (Jahr) 2025
            rf"(?:(?P<yword>Jahr(?:es)?){ws})?(?P<year>{_YEAR})(?!{ws}(?:{_alt(words['count_nouns'])})(?!\w))",
            # April (2025)
            rf"(?P<month>{month})(?:{ws}(?P<myear>{_YEAR}))?",
            # Sommer (2025)
            rf"(?P<season>{_alt(SEASONS)})s?(?:{ws}(?P<syear>{_YEAR}))?(?!\w)",
            # Jahr | Jahres | Woche | Jahrzehnts | Monat (needs a relative word or Anfang/Ende)
            r"(?P<unit>Jahrzehnt(?:e?s)?|Jahr(?:e?s)?|Monat(?:e?s)?|Woche(?:nende)?)(?!\w)",
            # Donnerstagabend | Montag
            rf"(?P<wd>{weekday})(?P<wdpart>{day_part})?(?!\w)",
        ]
    )
    anchored = (
        rf"(?<!\w)(?:(?P<prep>{preps}){ws}(?:(?:dem|den|der|des|die|das){ws})?)?"
        rf"(?:(?P<adj>frühen|späten|frühe|späte){ws})?"
        rf"(?:(?P<part>Anfang|Beginn|Mitte|Ende){ws}(?:(?:des|der){ws})?)?"
        rf"(?:(?P<rel>{relative}){ws})?(?:{core})(?!\w)"
    )
    return {
        "anchored": anchored,
        # in den ersten (drei) Monaten des Jahres 2025
        "first_part": (
            rf"(?<!\w)in{ws}den{ws}(?P<fl>ersten|letzten){ws}(?:(?P<fn>{count}){ws})?"
            rf"(?P<fu>Tagen|Wochen|Monaten){ws}(?:des{ws}Jahres(?:{ws}(?P<fy>{_YEAR}))?"
            rf"|(?:dieses|diesen|des{ws}laufenden){ws}Jahres)(?!\w)"
        ),
        "deictic": (
            rf"(?<![\w-])(?P<deictic>{_alt(words['deictic_days'])})"
            rf"(?:{ws}(?P<ddp>früh|{day_part}))?(?!\w)"
        ),
        # (noch) am frühen Morgen | in der Nacht (zum Sonntag)
        "day_part": (
            rf"(?<!\w)(?P<noch>noch{ws})?(?:am|in{ws}der|gegen|im{ws}Laufe{ws}des){ws}"
            rf"(?:(?P<dpadj>frühen|späten){ws})?(?P<dp>{day_part})(?!\w)"
            rf"(?:{ws}(?:zu[mr]?|auf){ws}(?:den{ws})?(?P<dpwd>{weekday})(?!\w))?"
        ),
        "midnight": r"(?<!\w)(?:(?P<mnprep>kurz\s+nach|kurz\s+vor|nach|vor|gegen|um|bis)\s+)?Mitternacht"
        r"(?:\s*\(Ortszeit\)|\s+Ortszeit)?(?!\w)",
        "clock": (
            r"(?<![\w.,])(?:(?P<cprep>kurz\s+nach|kurz\s+vor|um|gegen|ab|bis|vor|nach)\s+)?"
            r"(?P<hour>[01]?\d|2[0-4])(?:[.:](?P<minute>[0-5]\d))?\s+Uhr(?!\w)"
            r"(?P<local>\s*\(Ortszeit\)|\s+Ortszeit|\s+MEZ|\s+MESZ)?(?!\w)"
        ),
        # vor zwei Tagen | in drei Wochen
        "offset": rf"(?<!\w)(?P<odir>vor|in){ws}(?P<on>{count}){ws}(?P<ou>{unit})(?!\w)",
        # seit drei Jahren | in den letzten zwei Tagen | 42 Tagen | mehrere Wochen
        "duration": (
            rf"(?<![\w.,])(?:(?P<dprep>seit|in{ws}den{ws}(?:letzten|vergangenen|kommenden|nächsten)"
            rf"|innerhalb{ws}von|binnen|für|nach){ws})?(?P<dn>{count}){ws}(?P<du>{unit})(?!\w)"
        ),
        # zweitägigen | mehrtägige | 24-stündige
        "duration_adj": (
            rf"(?<!\w)(?P<an>\d+-?|{_alt(words['cardinals'])}|mehr)(?P<au>{_alt(words['unit_adjectives'])})"
            r"(?:e[mnrs]?)?(?!\w)"
        ),
        "vague_duration": rf"(?<!\w)(?P<vague>{_alt(words['vague_durations'])})(?!\w)",
        "set": rf"(?<!\w)(?:(?P<set>{_alt(words['sets'])})|jeden{ws}(?P<setwd>{weekday})|(?P<setwds>{weekday})s)(?!\w)",
        "ref": rf"(?<!\w)(?P<ref>{_alt(words['refs'])})(?!\w)",
        "week_number": rf"(?<!\w)(?:in{ws}der{ws})?(?P<kw>\d{{1,2}})\.{ws}?Kalenderwoche(?:{ws}(?P<kwyear>{_YEAR}))?",
    }


@functools.cache
def _compiled() -> dict[str, re.Pattern[str]]:
    return {name: re.compile(pattern, re.IGNORECASE) for name, pattern in _patterns().items()}


# --------------------------------------------------------------------------- context


# A period after a digit is an ordinal ("4. April"), not the end of a clause.
_CLAUSE_BREAK = re.compile(r"[,;:!?\"„“”]|(?<!\d)\.\s")
_SENTENCE_BREAK = re.compile(r"(?<!\d)[.!?]\s")


@attrs.define
class Context:
    """What resolution needs besides the match: the text, the anchor and running state."""

    text: str
    anchor: Date | None
    last_evening: Date | None = None
    last_day: tuple[int, Date] | None = None  # (sentence start, day) of the last day-precise date
    last_future: tuple[int, Date] | None = None  # (offset, start) of the last future expression

    def clause(self, start: int, end: int) -> str:
        """The clause around a span: between the nearest punctuation marks (≤ 200 chars)."""
        left = self.text[max(0, start - 200) : start]
        breaks = list(_CLAUSE_BREAK.finditer(left))
        clause_start = start - len(left) + (breaks[-1].end() if breaks else 0)
        right = self.text[end : end + 200]
        found = _CLAUSE_BREAK.search(right)
        return self.text[clause_start : end + (found.start() if found else len(right))]

    def is_future(self, start: int, end: int) -> bool:
        """True when the clause has a future/planning cue (``soll``, ``wird``, ``beginnen`` …)."""
        cues = _future_cues()
        return any(word in cues for word in re.findall(r"\w+", self.clause(start, end).lower()))

    def is_present_tense(self, start: int, end: int) -> bool:
        """True when the sentence reads as present tense: no past auxiliary, no past verb form.

        Present tense with a weekday is news of the coming day (``Der Kanzler reist am Dienstag
        nach Kiew``); the test is lexical (``past_cues``, ``past_forms`` and weak ``-te``/``-ten``
        forms not after an article), as the time stage has no parser.
        """
        past_cues, past_forms = _past_words()
        # the sentence, at most 400 characters either side (bounded work per weekday keeps long inputs linear)
        sentence_end = _SENTENCE_BREAK.search(self.text, end, end + 400)
        stop = sentence_end.start() if sentence_end else min(len(self.text), end + 400)
        tokens = re.findall(r"\w+", self.text[self.sentence_start(start) : stop])
        for i, token in enumerate(tokens):
            lower = token.lower()
            if lower in past_cues or lower in past_forms:
                return False
            before = tokens[i - 1].lower() if i else ""
            if token[:1].islower() and len(lower) > 4 and lower.endswith(("te", "ten")) and before not in _ARTICLES_BEFORE_ADJECTIVES:
                return False
        return True

    def sentence_start(self, offset: int) -> int:
        """Offset where the sentence containing ``offset`` begins (looking back ≤ 400 chars)."""
        breaks = list(_SENTENCE_BREAK.finditer(self.text, max(0, offset - 400), offset))
        return breaks[-1].end() if breaks else max(0, offset - 400)


@functools.cache
def _past_words() -> tuple[frozenset[str], frozenset[str]]:
    words = time_words()
    return frozenset(words["past_cues"]), frozenset(words["past_forms"])


#: Words after which a ``-te``/``-ten`` word is an adjective (``die ersten``, ``am letzten``), not a past verb.
_ARTICLES_BEFORE_ADJECTIVES = frozenset(
    "der die das den dem des ein eine einen einem einer eines am im vom zum zur beim ihre ihren seine seinen diese diesen".split()
)


@functools.cache
def _future_cues() -> frozenset[str]:
    return frozenset(time_words()["future_cues"])


# --------------------------------------------------------------------------- resolution


@attrs.frozen
class Result:
    """What a rule resolves to (offsets come from the match)."""

    type: str
    value: str
    mod: str | None = None
    start: Date | None = None
    end: Date | None = None


def _pick_year(ctx: Context, month: int, day: int, future: bool) -> int | None:
    """Year for a month/day without one: nearest past-or-current occurrence, or the next one
    when the clause speaks of the future."""
    anchor = ctx.anchor
    if anchor is None:
        return None
    year = anchor.year
    if future and (month, day) < (anchor.month, anchor.day):
        return year + 1
    if not future and (month, day) > (anchor.month, anchor.day):
        return year - 1
    return year


def _after_vom(ctx: Context, start: int) -> bool:
    """``die Anfrage vom Donnerstag``: a date naming a document is a past day."""
    return "vom " in (ctx.text[start : start + 4].lower(), ctx.text[max(0, start - 4) : start].lower())


def _weekday_date(ctx: Context, iso_weekday: int, rel: int | None, future: bool, today_counts: bool = False) -> Date | None:
    """Past context: the last such weekday on or before the anchor; future: the next one after
    (``today_counts``: on or after, for a present-tense clause on the day itself)."""
    if ctx.anchor is None:
        return None
    back = (ctx.anchor.isoweekday() - iso_weekday) % 7
    if rel == -1:
        return ctx.anchor - dt.timedelta(days=back or 7)
    if rel == 1 or future:
        ahead = (iso_weekday - ctx.anchor.isoweekday()) % 7
        return ctx.anchor + dt.timedelta(days=ahead or (0 if today_counts else 7))
    return ctx.anchor - dt.timedelta(days=back)


def _relative_period(ctx: Context, unit: str, rel: int) -> Period | None:
    if ctx.anchor is None:
        return None
    unit = unit.lower()
    if unit.startswith("jahrzehnt"):
        return _decade(ctx.anchor.year + 10 * rel)
    if unit.startswith("jahr"):
        return _year(ctx.anchor.year + rel)
    if unit.startswith("monat"):
        shifted = _add_months(ctx.anchor.replace(day=1), rel)
        return _month(shifted.year, shifted.month)
    if unit == "wochenende":
        week = _week(ctx.anchor + dt.timedelta(weeks=rel))
        saturday = week.start + dt.timedelta(days=5)
        return Period(f"{week.value}-WE", "weekend", saturday, week.end)
    return _week(ctx.anchor + dt.timedelta(weeks=rel))


def _open(value: str) -> Period:
    """A period the text names but no anchor can place (``XXXX-03-15``)."""
    return Period(value, "open", None, None)


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _core_date(m: re.Match[str], ctx: Context, future: bool) -> Period | None:
    """A day with or without year; an inferred year follows ``_pick_year``."""
    day = int(m.group("day"))
    month = time_words()["months"][m.group("dmonth").lower()] if m.group("dmonth") else int(m.group("dmnum"))
    if m.group("dyear"):
        year = int(m.group("dyear"))
        return _day(Date(year, month, day)) if _valid(year, month, day) else None
    year = _pick_year(ctx, month, day, future) if 1 <= month <= 12 else None
    if year is None:
        return _open(f"XXXX-{month:02d}-{day:02d}") if _valid(2000, month, day) else None
    # "am 29. Februar" in a non-leap year: the nearest leap year in the same direction.
    for step in range(4):
        candidate = year + (step if future else -step)
        if _valid(candidate, month, day):
            return _day(Date(candidate, month, day))
    return None


def _core_period(m: re.Match[str], ctx: Context, rel: int | None, future: bool) -> tuple[Period, str] | None:
    """Resolve the CORE of an anchored match to (period, TIMEX type); None to reject."""
    words = time_words()
    if m.group("day"):
        period = _core_date(m, ctx, future)
        return (period, "DATE") if period else None
    if m.group("qord"):
        order = _lookup("ordinals", m.group("qord"))
        year = int(m.group("qyear")) if m.group("qyear") else ctx.anchor.year if ctx.anchor else None
        quarter = m.group("qunit").lower().startswith("quartal")
        count = 4 if quarter else 2
        order = count if order == -1 else order
        if not 1 <= order <= count:
            return None
        if year is None:
            return _open(f"XXXX-{'Q' if quarter else 'H'}{order}"), "DATE"
        return (_quarter(year, order) if quarter else _half(year, order)), "DATE"
    if m.group("decade"):
        digits = m.group("decade")
        return _decade(int(digits) if len(digits) == 4 else 1900 + int(digits)), "DATE"
    if m.group("cpunit"):
        year = int(m.group("cpyear")) if m.group("cpyear") else ctx.anchor.year if ctx.anchor else None
        if m.group("cpunit").lower() == "monats":
            return (_month(ctx.anchor.year, ctx.anchor.month) if ctx.anchor else _open("XXXX-XX")), "DATE"
        return (_year(year) if year else _open("XXXX")), "DATE"
    if m.group("year"):
        return _year(int(m.group("year"))), "DATE"
    if m.group("month"):
        month = words["months"][m.group("month").lower()]
        if m.group("myear"):
            return _month(int(m.group("myear")), month), "DATE"
        year = _pick_year(ctx, month, 1 if future else calendar.monthrange(2000, month)[1], future)
        if rel and ctx.anchor:
            year = ctx.anchor.year + rel
        return (_month(year, month) if year else _open(f"XXXX-{month:02d}")), "DATE"
    if m.group("season"):
        code, first_month = SEASONS[m.group("season").lower()]
        if m.group("syear"):
            return _season(int(m.group("syear")), code, first_month), "DATE"
        if ctx.anchor is None:
            return _open(f"XXXX-{code}"), "DATE"
        year = ctx.anchor.year + (rel or 0)
        return _season(year, code, first_month), "DATE"
    if m.group("unit"):
        period = _relative_period(ctx, m.group("unit"), rel or 0)
        return (period or _open("XXXX")), "DATE"
    if m.group("wd"):
        # ``reist am Dienstag``: a weekday in a present-tense clause is the coming one
        present = rel is None and not future and not _after_vom(ctx, m.start()) and ctx.is_present_tense(m.start(), m.end())
        ahead = future or present
        day = _weekday_date(ctx, words["weekdays"][m.group("wd").lower()], rel, ahead, today_counts=present)
        part = m.group("wdpart")
        if part:
            code = _lookup("day_parts", part)
            value = f"{day.isoformat() if day else 'XXXX-XX-XX'}T{code}"
            return Period(value, "daypart", day, day), "TIME"
        return (_day(day) if day else _open("XXXX-XX-XX")), "DATE"
    return None


def _plausible(name: str, m: re.Match[str]) -> bool:
    """Reject anchored matches whose core alone is too ambiguous to be a time expression."""
    if name != "anchored":
        return True
    introduced = bool(m.group("prep") or m.group("part") or m.group("rel"))
    if m.group("dmnum") and not m.group("dyear"):
        return introduced or bool(m.group("dwd"))  # "4.4." alone is a version or list number
    if m.group("year"):
        return introduced or bool(m.group("yword"))  # a bare "2025" is often a count
    if m.group("month") and not m.group("myear"):
        return introduced  # "Mai" alone may be a name
    if m.group("season") and not m.group("syear"):
        return introduced
    if m.group("unit"):
        return bool(m.group("rel") or m.group("part"))  # "das Jahr" alone names no period
    return True


def resolve_anchored(m: re.Match[str], ctx: Context) -> Result | None:
    """[prep] [art] [früh/spät] [Anfang|Mitte|Ende] [rel] CORE -> Result."""
    rel = _lookup("relative", m.group("rel")) if m.group("rel") else None
    prep = _prefix_words().get(re.sub(r"\s+", " ", (m.group("prep") or "").lower()), "at")
    # "bis"/"ab"/"später" point ahead and "seit" back, whatever the verb says.
    future = prep in ("until", "from", "later") or (prep != "since" and ctx.is_future(m.start(), m.end()))
    resolved = _core_period(m, ctx, rel, future)
    if resolved is None:
        return None
    period, kind = resolved
    mod = None
    start, end = period.start, period.end
    part = m.group("part") or m.group("adj")
    if part:
        mod = _lookup("part_mods", part)
        if period.grain not in ("day", "daypart"):
            start, end = _part(period, mod)
    if m.group("cpart"):
        mod = _lookup("part_mods", m.group("cpart"))
        start, end = _part(period, mod)
    start, end, mod = _apply_preposition(prep, start, end, mod, bool(part), period, ctx)
    return Result(kind, period.value, mod, start, end)


def _apply_preposition(
    prep: str, start: Date | None, end: Date | None, mod: str | None, has_part: bool, period: Period, ctx: Context
) -> tuple[Date | None, Date | None, str | None]:
    """How bis/vor/nach/seit/ab/später change the interval (see the module notes)."""
    if prep == "until" or (prep == "before" and has_part):
        return None, end, mod  # "bis 2028", "Vor Ende 2028": open start, closes with the period
    if prep == "before":
        return None, (start - dt.timedelta(days=1)) if start else None, "BEFORE"
    if prep == "after":
        return (end + dt.timedelta(days=1)) if end else None, None, "AFTER"
    if prep == "since":
        return start, ctx.anchor, "AFTER"
    if prep == "from":
        return start, None, "AFTER"
    if prep == "later":
        return ctx.anchor or start, period.end, "AFTER"
    if prep == "earlier":
        return period.start, ctx.anchor or end, "BEFORE"
    return start, end, mod


def resolve_first_part(m: re.Match[str], ctx: Context) -> Result | None:
    """``in den ersten (drei) Monaten des Jahres 2025`` -> 2025-Q1, or the year with START/END."""
    year = int(m.group("fy")) if m.group("fy") else ctx.anchor.year if ctx.anchor else None
    if year is None:
        return Result("DATE", "XXXX", "START" if m.group("fl").lower() == "ersten" else "END")
    first = m.group("fl").lower() == "ersten"
    count = _number(m.group("fn")) if m.group("fn") else None
    unit = {"tagen": "D", "wochen": "W", "monaten": "M"}[m.group("fu").lower()]
    if count is None:
        # Vague "ersten Monaten": only the boundary the text fixes is given.
        return Result("DATE", str(year), "START" if first else "END", Date(year, 1, 1) if first else None,
                      None if first else Date(year, 12, 31))
    if unit == "M" and count in (3, 6):
        index = 1 if first else int(12 // count)
        period = _quarter(year, index) if count == 3 else _half(year, index)
        return Result("DATE", period.value, None, period.start, period.end)
    if first:
        start = Date(year, 1, 1)
        return Result("DATE", str(year), "START", start, _shift(start, count, unit) - dt.timedelta(days=1))
    end = Date(year, 12, 31)
    return Result("DATE", str(year), "END", _shift(end, -count, unit) + dt.timedelta(days=1), end)


def resolve_deictic(m: re.Match[str], ctx: Context) -> Result | None:
    """heute/gestern/morgen (+ Abend/früh) relative to the anchor."""
    offset = time_words()["deictic_days"][m.group("deictic").lower()]
    day = ctx.anchor + dt.timedelta(days=offset) if ctx.anchor else None
    if m.group("ddp"):
        code = _lookup("day_parts", m.group("ddp"))
        end = day + dt.timedelta(days=1) if day and code == "NI" else day
        return Result("TIME", f"{day.isoformat() if day else 'XXXX-XX-XX'}T{code}", None, day, end)
    return Result("DATE", day.isoformat() if day else "XXXX-XX-XX", None, day, day)


def resolve_day_part(m: re.Match[str], ctx: Context) -> Result | None:
    """am (frühen) Morgen, (noch) in der Nacht (zum Sonntag): a part of the anchor day.

    ``in der Nacht`` in a past-tense clause is the night before the anchor; with ``noch`` or
    a future cue it is the coming night. ``Nacht zum Sonntag`` is the night before that Sunday.
    """
    code = _lookup("day_parts", m.group("dp"))
    mod = _lookup("part_mods", m.group("dpadj")) if m.group("dpadj") else None
    future = bool(m.group("noch")) or ctx.is_future(m.start(), m.end())
    if m.group("dpwd"):
        target = _weekday_date(ctx, time_words()["weekdays"][m.group("dpwd").lower()], None, future)
        day = target - dt.timedelta(days=1) if target else None
    elif code == "NI" and not future and ctx.anchor:
        day = ctx.anchor - dt.timedelta(days=1)
    else:
        day = ctx.anchor
    if day is None:
        return Result("TIME", f"XXXX-XX-XXT{code}", mod)
    end = day + dt.timedelta(days=1) if code == "NI" else day
    return Result("TIME", f"{day.isoformat()}T{code}", mod, day, end)


_CLOCK_MODS = {"gegen": "APPROX", "kurz nach": "AFTER", "nach": "AFTER", "ab": "AFTER",
               "kurz vor": "BEFORE", "vor": "BEFORE", "bis": "BEFORE"}


def _clock_day(m: re.Match[str], ctx: Context) -> Date | None:
    """A clock time belongs to the day named earlier in the same sentence, else the anchor."""
    if ctx.last_day and ctx.last_day[0] == ctx.sentence_start(m.start()):
        return ctx.last_day[1]
    return ctx.anchor


def resolve_midnight(m: re.Match[str], ctx: Context) -> Result | None:
    """(nach) Mitternacht: the night after the last evening mentioned, else the anchor day."""
    prep = re.sub(r"\s+", " ", (m.group("mnprep") or "").lower())
    day = ctx.last_evening + dt.timedelta(days=1) if ctx.last_evening else ctx.anchor
    value = f"{day.isoformat() if day else 'XXXX-XX-XX'}T00:00"
    return Result("TIME", value, _CLOCK_MODS.get(prep), day, day)


def resolve_clock(m: re.Match[str], ctx: Context) -> Result | None:
    """um 14.30 Uhr (Ortszeit): a time on the day in focus."""
    hour, minute = int(m.group("hour")), int(m.group("minute") or 0)
    if hour == 24 and minute:
        return None
    day = _clock_day(m, ctx)
    prep = re.sub(r"\s+", " ", (m.group("cprep") or "").lower())
    value = f"{day.isoformat() if day else 'XXXX-XX-XX'}T{hour:02d}:{minute:02d}"
    return Result("TIME", value, _CLOCK_MODS.get(prep), day, day)


def _duration_value(count: float | None, unit: str) -> str:
    amount = "X" if count is None else (f"{count:g}")
    if unit in ("H", "MIN"):
        return f"PT{amount}{'H' if unit == 'H' else 'M'}"
    return f"P{amount}{unit}"


def resolve_offset(m: re.Match[str], ctx: Context) -> Result | None:
    """vor zwei Tagen / in drei Wochen: the day, ISO week, month or year that far away."""
    count = _number(m.group("on"))
    unit = _lookup("units", m.group("ou"))
    if count is None or unit not in ("D", "W", "M", "Y"):
        return None
    if ctx.anchor is None:
        return Result("DATE", {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX"}[unit])
    sign = -1 if m.group("odir").lower() == "vor" else 1
    target = _shift(ctx.anchor, sign * count, unit)
    period = {"D": _day, "W": _week, "M": lambda d: _month(d.year, d.month), "Y": lambda d: _year(d.year)}[unit](target)
    return Result("DATE", period.value, None, period.start, period.end)


def _span_from(start: Date, count: float, unit: str) -> tuple[Date, Date]:
    return start, _shift(start, count, unit) - dt.timedelta(days=1)


def _span_until(end: Date, count: float, unit: str) -> tuple[Date, Date]:
    return _shift(end, -count, unit) + dt.timedelta(days=1), end


def _following_future(m: re.Match[str], ctx: Context) -> Date | None:
    """Start of a future expression at most ~2 sentences (300 chars) before the match."""
    if ctx.last_future and m.start() - ctx.last_future[0] <= 300:
        return ctx.last_future[1]
    return None


def resolve_duration(m: re.Match[str], ctx: Context) -> Result | None:
    """seit drei Jahren / in den letzten zwei Tagen / 42 Tagen -> P3Y, P2D, P42D.

    ``seit`` and ``in den letzten`` end on the anchor; ``in den kommenden`` starts there; a
    bare duration starts at a future date named just before it ("soll am Sonntag beginnen.
    … 42 Tage"), else it has no interval.
    """
    count = _number(m.group("dn"))
    unit = _lookup("units", m.group("du"))
    value = _duration_value(count, unit)
    prep = re.sub(r"\s+", " ", (m.group("dprep") or "").lower())
    if count is None or unit in ("H", "MIN", "DE") or ctx.anchor is None:
        return Result("DURATION", value)
    if prep == "seit":
        return Result("DURATION", value, None, _shift(ctx.anchor, -count, unit), ctx.anchor)
    if prep.endswith(("letzten", "vergangenen")):
        return Result("DURATION", value, None, *_span_until(ctx.anchor, count, unit))
    if prep.endswith(("kommenden", "nächsten")):
        return Result("DURATION", value, None, *_span_from(ctx.anchor, count, unit))
    start = _following_future(m, ctx)
    if start and not prep:
        return Result("DURATION", value, None, *_span_from(start, count, unit))
    return Result("DURATION", value)


def resolve_duration_adj(m: re.Match[str], ctx: Context) -> Result | None:
    """zweitägigen Treffen -> P2D; anchored at a preceding future date, or, in a past-tense
    clause, ending on the anchor (a reported meeting that just ended)."""
    count = None if m.group("an").lower() == "mehr" else _number(m.group("an").rstrip("-"))
    unit = _lookup("unit_adjectives", m.group("au"))
    value = _duration_value(count, unit)
    if count is None or ctx.anchor is None or unit == "H":
        return Result("DURATION", value)
    start = _following_future(m, ctx)
    if start:
        return Result("DURATION", value, None, *_span_from(start, count, unit))
    if not ctx.is_future(m.start(), m.end()):
        return Result("DURATION", value, None, *_span_until(ctx.anchor, count, unit))
    return Result("DURATION", value)


def resolve_vague_duration(m: re.Match[str], ctx: Context) -> Result | None:
    """seit Jahren, Im Laufe der Jahre, wochenlang -> PXY, PXW (no interval)."""
    return Result("DURATION", time_words()["vague_durations"][re.sub(r"\s+", " ", m.group("vague").lower())])


def resolve_set(m: re.Match[str], ctx: Context) -> Result | None:
    """jährlich, täglich, jeden Montag, montags -> P1Y, P1D, XXXX-WXX-1."""
    if m.group("set"):
        return Result("SET", time_words()["sets"][re.sub(r"\s+", " ", m.group("set").lower())])
    weekday = time_words()["weekdays"][(m.group("setwd") or m.group("setwds")).lower()]
    return Result("SET", f"XXXX-WXX-{weekday}")


def resolve_ref(m: re.Match[str], ctx: Context) -> Result | None:
    """derzeit / in Zukunft / damals -> PRESENT_REF / FUTURE_REF / PAST_REF around the anchor."""
    value = time_words()["refs"][re.sub(r"\s+", " ", m.group("ref").lower())]
    start = ctx.anchor if value in ("PRESENT_REF", "FUTURE_REF") else None
    end = ctx.anchor if value in ("PRESENT_REF", "PAST_REF") else None
    return Result("DATE", value, None, start, end)


def resolve_week_number(m: re.Match[str], ctx: Context) -> Result | None:
    """14. Kalenderwoche (2025) -> 2025-W14."""
    year = int(m.group("kwyear")) if m.group("kwyear") else ctx.anchor.year if ctx.anchor else None
    week = int(m.group("kw"))
    if year is None:
        return Result("DATE", f"XXXX-W{week:02d}")
    try:
        monday = Date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    return Result("DATE", f"{year}-W{week:02d}", None, monday, monday + dt.timedelta(days=6))


RESOLVERS: dict[str, Callable[[re.Match[str], Context], Result | None]] = {
    "anchored": resolve_anchored,
    "first_part": resolve_first_part,
    "deictic": resolve_deictic,
    "day_part": resolve_day_part,
    "midnight": resolve_midnight,
    "clock": resolve_clock,
    "offset": resolve_offset,
    "duration": resolve_duration,
    "duration_adj": resolve_duration_adj,
    "vague_duration": resolve_vague_duration,
    "set": resolve_set,
    "ref": resolve_ref,
    "week_number": resolve_week_number,
}


# --------------------------------------------------------------------------- driver


def _candidates(text: str, amounts: Sequence[Money] | None = None) -> list[tuple[str, re.Match[str]]]:
    """Non-overlapping matches of all rules, longest first, minus spans that are money."""
    found = [(name, m) for name, regex in _compiled().items() for m in regex.finditer(text) if _plausible(name, m)]
    taken = bytearray(len(text))  # 1 where a character already belongs to a chosen span
    for money in find_money(text) if amounts is None else amounts:
        taken[money.start : money.end] = b"\x01" * (money.end - money.start)
    chosen: list[tuple[str, re.Match[str]]] = []
    for name, m in sorted(found, key=lambda item: (item[1].start() - item[1].end(), item[1].start())):
        if taken.find(1, m.start(), m.end()) == -1:
            chosen.append((name, m))
            taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return sorted(chosen, key=lambda item: item[1].start())


def _text_anchor(matches: list[tuple[str, re.Match[str]]]) -> Date | None:
    """The latest full date written out in the text (used when ``published`` is missing)."""
    dates = []
    for name, m in matches:
        if name == "anchored" and m.group("dyear"):
            month_name = m.group("dmonth")
            month = time_words()["months"][month_name.lower()] if month_name else int(m.group("dmnum"))
            try:
                dates.append(Date(int(m.group("dyear")), month, int(m.group("day"))))
            except ValueError:
                continue
    return max(dates, default=None)


def _remember(ctx: Context, m: re.Match[str], result: Result) -> None:
    """Update the running state that later expressions depend on."""
    if result.start is None:
        return
    if result.value.endswith(("TEV", "TNI")):
        ctx.last_evening = result.start
    if result.start == result.end and result.type in ("DATE", "TIME"):
        ctx.last_day = (ctx.sentence_start(m.start()), result.start)
    if ctx.anchor and result.type in ("DATE", "TIME") and result.start > ctx.anchor:
        ctx.last_future = (m.end(), result.start)


def find_times(text: str, published: dt.date | None = None, amounts: Sequence[Money] | None = None) -> list[Time]:
    """Find temporal expressions in German ``text``; TIMEX3 type, value, mod and interval.

    ``amounts`` are the money amounts of the text when the caller has found them already
    (``2025 Euro`` is money, not a year); otherwise they are found here.

    Relative expressions are resolved against ``published``; without it, against the latest
    full date written in the text, and failing that they stay open (``XXXX-03-15``, no
    interval). Results are sorted by start and never overlap (the longest match wins).
    """
    matches = _candidates(text, amounts)
    ctx = Context(text, published or _text_anchor(matches))
    times = []
    for name, m in matches:
        result = RESOLVERS[name](m, ctx)
        if result is None:
            continue
        _remember(ctx, m, result)
        interval = Interval(result.start, result.end) if (result.start or result.end) else None
        times.append(Time(m.group(0), m.start(), m.end(), result.type, result.value, result.mod, interval))
    return times
