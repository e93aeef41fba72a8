"""Score extractions against gold cases (``NAME.txt`` + ``NAME.gold.json``).

The rules are those of the evaluation README the project is scored with:

* actors and places: precision/recall/F1 over distinct gold entries; an extracted entry
  matches when its canonical name or any mention text matches one of the gold ``names``
  (or, for places, the gold ``canonical``);
* money: same value (within 0.5 %), currency and qualifier;
* times: the extracted span overlaps the gold text and has the same type; shares of hits
  with the right value and the right interval are reported;
* events: same type, an overlapping trigger or sentence, and at least one matching source
  actor; shares of hits with the right target, place, time, amount and status are reported.

Entries marked ``optional`` are neither required nor punished; nothing after ``body_end``
is scored. Macro-F1 is the mean of the five category F1 scores.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from .errors import InputError
from .records import Actor, Event, Extraction

CATEGORIES = ("actors", "places", "money", "times", "events")
EVENT_ATTRIBUTES = ("target", "status", "place", "time", "amount")
_INFLECTIONS = ("", "e", "en", "em", "er", "es", "s", "n")


@attrs.define
class Score:
    """Counts of one category; attribute counts for hits where the category has them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    attributes: dict[str, int] = attrs.Factory(dict)

    @property
    def precision(self) -> float:
        """TP / (TP + FP); 1.0 when nothing was extracted or expected."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """TP / (TP + FN); 1.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        """Add another score's counts to this one."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        for key, value in other.attributes.items():
            self.attributes[key] = self.attributes.get(key, 0) + value

    def to_dict(self) -> dict[str, Any]:
        """Counts, P/R/F1 and attribute shares (share of hits) as a dict."""
        out: dict[str, Any] = {
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
        }
        hits = self.attributes.get("hits", 0)
        for key, value in self.attributes.items():
            if key != "hits":
                out[f"{key}_share"] = round(value / hits, 4) if hits else None
        return out


def _norm(name: str) -> str:
    return " ".join(name.casefold().split())


def names_match(gold: str, candidate: str) -> bool:
    """Same name, ignoring case, an inflection ending (``ukrainisch``/``ukrainischen``) or a genitive."""
    g, c = _norm(gold), _norm(candidate)
    return any(c == g + e or g == c + e for e in _INFLECTIONS)


def _any_name_matches(gold_names: Iterable[str], candidates: Iterable[str]) -> bool:
    candidates = list(candidates)
    return any(names_match(g, c) for g in gold_names for c in candidates)


def _actor_names(actor: Actor) -> list[str]:
    return [actor.name, *(m.text for m in actor.mentions)] + ([actor.id] if actor.id else [])


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(needle)
    while needle and start != -1:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return spans


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _match(gold: Sequence[dict[str, Any]], found: Sequence[Any], hit: Callable[[dict[str, Any], Any], bool]) -> tuple[Score, list[tuple[dict[str, Any], Any]]]:
    """One-to-one greedy matching of required, then optional gold entries.

    An extraction that matches no gold entry is a false positive; one that repeats an
    already matched entry, or matches an optional one, is neither rewarded nor punished.
    """
    score = Score()
    used: set[int] = set()
    pairs = []
    ordered = sorted(gold, key=lambda g: bool(g.get("optional")))
    for g in ordered:
        index = next((i for i, f in enumerate(found) if i not in used and hit(g, f)), None)
        if index is None:
            score.fn += not g.get("optional")
            continue
        used.add(index)
        if not g.get("optional"):
            score.tp += 1
            pairs.append((g, found[index]))
    for i, f in enumerate(found):
        if i not in used and not any(hit(g, f) for g in gold):
            score.fp += 1
    return score, pairs


class CaseScorer:
    """Scores one extraction against one gold case."""

    def __init__(self, gold: dict[str, Any], text: str, extraction: Extraction) -> None:
        self.gold = gold
        self.body_end = gold.get("body_end") or len(text)
        self.text = text[: self.body_end]
        self.x = _in_body(extraction, self.body_end)
        self.gold_actors = gold.get("actors", [])

    def score(self) -> dict[str, Score]:
        """Scores of all five categories."""
        return {c: getattr(self, f"_{c}")() for c in CATEGORIES}

    def _actors(self) -> Score:
        return _match(self.gold_actors, self.x.actors, lambda g, a: _any_name_matches(g["names"], _actor_names(a)))[0]

    def _places(self) -> Score:
        def hit(g: dict[str, Any], p: Any) -> bool:
            return names_match(g["canonical"], p.canonical) or _any_name_matches(g["names"], [p.name, *(m.text for m in p.mentions)])

        return _match(self.gold.get("places", []), self.x.places, hit)[0]

    def _money(self) -> Score:
        def hit(g: dict[str, Any], m: Any) -> bool:
            return (
                _close(g["value"], m.value)
                and g["currency"] == m.currency
                and g.get("qualifier", "exact") == m.qualifier
            )

        return _match(self.gold.get("money", []), self.x.money, hit)[0]

    def _times(self) -> Score:
        def hit(g: dict[str, Any], t: Any) -> bool:
            return g["type"] == t.type and any(_overlaps(o, (t.start, t.end)) for o in _occurrences(self.text, g["text"]))

        score, pairs = _match(self.gold.get("times", []), self.x.times, hit)
        score.attributes = {"hits": len(pairs), "value": 0, "interval": 0}
        for g, t in pairs:
            score.attributes["value"] += g["value"] == t.value
            interval = t.interval.to_dict() if t.interval else {"start": None, "end": None}
            score.attributes["interval"] += all(interval[k] == g[k] for k in ("start", "end") if k in g)
        return score

    def _events(self) -> Score:
        score, pairs = _match(self.gold.get("events", []), self.x.events, self._event_hit)
        score.attributes = {"hits": len(pairs), **{a: 0 for a in EVENT_ATTRIBUTES}}
        for g, e in pairs:
            score.attributes["target"] += self._targets_right(g.get("target", []), e.target)
            score.attributes["status"] += g.get("status", "occurred") == e.status
            score.attributes["place"] += (g.get("place") or None) == e.place
            gold_time = g.get("time")
            score.attributes["time"] += (
                e.time is None if not gold_time else e.time is not None and all(e.time.to_dict()[k] == v for k, v in gold_time.items())
            )
            gold_amount = g.get("amount")
            score.attributes["amount"] += (
                e.amount is None if not gold_amount
                else e.amount is not None and _close(gold_amount["value"], e.amount.value) and gold_amount["currency"] == e.amount.currency
            )
        return score

    def _event_hit(self, g: dict[str, Any], e: Event) -> bool:
        if g["type"] != e.type:
            return False
        triggers = g["trigger"] if isinstance(g["trigger"], list) else [g["trigger"]]
        spans = [(m.start, m.end) for m in (e.trigger, *e.evidence)] + [e.sentence]
        located = [o for t in triggers for o in _occurrences(self.text, t)]
        if not any(_overlaps(o, s) for o in located for s in spans):
            return False
        return any(self._actor_matches(gs, es) for gs in g.get("source", []) for es in e.source)

    def _gold_actor(self, ref: str) -> dict[str, Any] | None:
        for actor in self.gold_actors:
            if actor.get("id") == ref or any(names_match(n, ref) for n in actor["names"]):
                return actor
        return None

    def _actor_matches(self, gold_ref: str, found_ref: str) -> bool:
        if names_match(gold_ref, found_ref):
            return True
        actor = next((a for a in self.x.actors if a.key == found_ref), None)
        gold_actor = self._gold_actor(gold_ref)
        if actor is None:
            return False
        if gold_actor is None:
            return _any_name_matches([gold_ref], _actor_names(actor))
        return (actor.id is not None and actor.id == gold_actor.get("id")) or _any_name_matches(gold_actor["names"], _actor_names(actor))

    def _targets_right(self, gold: list[str], found: Sequence[str]) -> bool:
        if not gold and not found:
            return True
        return bool(found) and all(any(self._actor_matches(g, f) for g in gold) for f in found)


def _close(expected: float, value: float) -> bool:
    return abs(value - expected) <= 0.005 * abs(expected)


def _in_body(x: Extraction, body_end: int) -> Extraction:
    """The extraction without anything that starts after ``body_end``."""
    def keep_mentions(record: Any) -> Any:
        mentions = tuple(m for m in record.mentions if m.start < body_end)
        return attrs.evolve(record, mentions=mentions) if mentions else None

    return attrs.evolve(
        x,
        actors=tuple(a for a in map(keep_mentions, x.actors) if a),
        places=tuple(p for p in map(keep_mentions, x.places) if p),
        money=tuple(m for m in x.money if m.start < body_end),
        times=tuple(t for t in x.times if t.start < body_end),
        events=tuple(e for e in x.events if e.trigger.start < body_end),
    )


def load_cases(folder: str | Path) -> list[tuple[dict[str, Any], str]]:
    """Every ``(gold, text)`` pair in ``folder``, sorted by name."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder} is not a folder")
    cases = []
    for gold_file in sorted(folder.glob("*.gold.json")):
        try:
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            text_file = gold_file.parent / gold.get("text_file", gold_file.name.replace(".gold.json", ".txt"))
            cases.append((gold, text_file.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"cannot read gold case {gold_file}: {exc}") from exc
    if not cases:
        raise InputError(f"no *.gold.json cases in {folder}")
    return cases


def evaluate(folder: str | Path, extractor: Any) -> dict[str, Any]:
    """Score ``extractor`` on every case in ``folder``: per case, in total, and macro-F1."""
    totals = {c: Score() for c in CATEGORIES}
    per_case = {}
    for gold, text in load_cases(folder):
        extraction = extractor.extract(text, published=gold.get("published"))
        scores = CaseScorer(gold, text, extraction).score()
        per_case[gold.get("id", "?")] = {c: s.to_dict() for c, s in scores.items()}
        for c in CATEGORIES:
            totals[c].add(scores[c])
    total = {c: s.to_dict() for c, s in totals.items()}
    return {"cases": per_case, "total": total, "macro_f1": round(sum(s.f1 for s in totals.values()) / len(CATEGORIES), 4)}


def format_report(report: dict[str, Any]) -> str:
    """A plain-text table of a report from :func:`evaluate`."""
    lines = []
    for name, scores in [*report["cases"].items(), ("TOTAL", report["total"])]:
        lines.append(name)
        for c in CATEGORIES:
            s = scores[c]
            shares = "  ".join(f"{k[:-6]} {v:.2f}" for k, v in s.items() if k.endswith("_share") and v is not None)
            lines.append(
                f"  {c:<7} P {s['precision']:.2f}  R {s['recall']:.2f}  F1 {s['f1']:.2f}"
                f"  (tp {s['tp']}, fp {s['fp']}, fn {s['fn']})" + (f"  {shares}" if shares else "")
            )
    lines.append(f"macro-F1 {report['macro_f1']:.3f}")
    return "\n".join(lines)
