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


def _match(gold: Sequence[dict[str, Any]], found: Sequence[Any], hit: Callable[[dict[str, Any], Any], bool]) -> tuple[Score, dict[int, int]]:
    """One-to-one matching: as many required gold entries as possible, then optional ones.

    Required entries are matched by augmenting paths (a maximum matching, so the order of
    the gold never costs a hit); optional entries then take only outputs left over. Every
    output that took no gold entry is a false positive, also when it repeats a matched one.
    Returns the score and the owner map: output index → gold index.
    """
    edges = [[i for i, f in enumerate(found) if hit(g, f)] for g in gold]
    owner: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for i in edges[g]:
            if i not in seen:
                seen.add(i)
                if i not in owner or augment(owner[i], seen):
                    owner[i] = g
                    return True
        return False

    required = [g for g, entry in enumerate(gold) if not entry.get("optional")]
    matched = sum(augment(g, set()) for g in required)
    for g, entry in enumerate(gold):
        if entry.get("optional"):
            free = next((i for i in edges[g] if i not in owner), None)
            if free is not None:
                owner[free] = g
    return Score(tp=matched, fp=len(found) - len(owner), fn=len(required) - matched), owner


def _required_pairs(gold: Sequence[dict[str, Any]], found: Sequence[Any], owner: dict[int, int]) -> list[tuple[dict[str, Any], Any]]:
    return [(gold[g], found[i]) for i, g in sorted(owner.items(), key=lambda item: item[1]) if not gold[g].get("optional")]


class CaseScorer:
    """Scores one extraction against one gold case."""

    def __init__(self, gold: dict[str, Any], text: str, extraction: Extraction) -> None:
        self.gold = gold
        self.body_end = gold.get("body_end") or len(text)
        self.text = text[: self.body_end]
        self.x = _in_body(extraction, self.body_end)
        self.gold_actors = gold.get("actors", [])
        self.event_owner: dict[int, int] = {}

    def score(self) -> dict[str, Score]:
        """Scores of all five categories."""
        return {c: getattr(self, f"_{c}")() for c in CATEGORIES if c in self.gold}

    def _actors(self) -> Score:
        return _match(self.gold_actors, self.x.actors, lambda g, a: _any_name_matches(g["names"], _actor_names(a)))[0]

    def _places(self) -> Score:
        def hit(g: dict[str, Any], p: Any) -> bool:
            return names_match(g["canonical"], p.canonical) or _any_name_matches(g["names"], [p.name, *(m.text for m in p.mentions)])

        return _match(self.gold["places"], self.x.places, hit)[0]

    def _money(self) -> Score:
        def hit(g: dict[str, Any], m: Any) -> bool:
            return (
                _close(g["value"], m.value)
                and g["currency"] == m.currency
                and g.get("qualifier", "exact") == m.qualifier
            )

        return _match(self.gold["money"], self.x.money, hit)[0]

    def _times(self) -> Score:
        def hit(g: dict[str, Any], t: Any) -> bool:
            return g["type"] == t.type and any(_overlaps(o, (t.start, t.end)) for o in _occurrences(self.text, g["text"]))

        score, owner = _match(self.gold["times"], self.x.times, hit)
        pairs = _required_pairs(self.gold["times"], self.x.times, owner)
        score.attributes = {"hits": len(pairs), "value": 0, "interval": 0}
        for g, t in pairs:
            score.attributes["value"] += g["value"] == t.value
            interval = t.interval.to_dict() if t.interval else {"start": None, "end": None}
            score.attributes["interval"] += all(interval[k] == g[k] for k in ("start", "end") if k in g)
        return score

    def _events(self) -> Score:
        score, owner = _match(self.gold["events"], self.x.events, self._event_hit)
        pairs = _required_pairs(self.gold["events"], self.x.events, owner)
        self.event_owner = owner
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
        triggers = _gold_triggers(g)
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


def _gold_triggers(g: dict[str, Any]) -> list[str]:
    return g["trigger"] if isinstance(g["trigger"], list) else [g["trigger"]]


def _event_summary(e: Event) -> dict[str, Any]:
    return {"type": e.type, "status": e.status, "trigger": e.trigger.text, "source": list(e.source), "target": list(e.target)}


def _gold_summary(g: dict[str, Any]) -> dict[str, Any]:
    return {k: g[k] for k in ("type", "status", "trigger", "source", "target", "optional") if k in g}


class EventDiagnosis:
    """Why events were missed or spurious, and per-type counts, for one scored case.

    A missed required gold event is ``no_event`` (no extracted event in its sentence),
    ``other_type`` (events there, none of its type) or ``source_wrong`` (its type is there,
    but no source matches, or the matching output took another gold entry). A spurious
    event is listed with the gold events of its sentence.
    """

    def __init__(self, scorer: CaseScorer) -> None:
        self.scorer = scorer
        self.gold = scorer.gold.get("events", [])
        self.found = scorer.x.events

    def _near(self, g: dict[str, Any], e: Event) -> bool:
        located = [o for t in _gold_triggers(g) for o in _occurrences(self.scorer.text, t)]
        return any(_overlaps(o, e.sentence) or _overlaps(o, (e.trigger.start, e.trigger.end)) for o in located)

    def errors(self, case: str) -> list[dict[str, Any]]:
        """One dict per missed required gold event and per spurious extracted event."""
        owner = self.scorer.event_owner
        taken = set(owner.values())
        out = []
        for index, g in enumerate(self.gold):
            if g.get("optional") or index in taken:
                continue
            near = [e for e in self.found if self._near(g, e)]
            same_type = [e for e in near if e.type == g["type"]]
            kind = "no_event" if not near else "other_type" if not same_type else "source_wrong"
            out.append({"case": case, "error": f"missed:{kind}", "gold": _gold_summary(g), "found": [_event_summary(e) for e in near]})
        for index, e in enumerate(self.found):
            if index not in owner:
                near = [_gold_summary(g) for g in self.gold if self._near(g, e)]
                sentence = self.scorer.text[e.sentence[0] : e.sentence[1]]
                out.append({"case": case, "error": "spurious", "event": _event_summary(e), "gold_in_sentence": near, "sentence": sentence})
        return out

    def by_type(self) -> dict[str, Score]:
        """Precision/recall counts per event type (optional matches count for neither side)."""
        owner = self.scorer.event_owner
        taken = set(owner.values())
        scores: dict[str, Score] = {}
        for index, g in enumerate(self.gold):
            if not g.get("optional"):
                score = scores.setdefault(g["type"], Score())
                if index in taken:
                    score.tp += 1
                else:
                    score.fn += 1
        for index, e in enumerate(self.found):
            if index not in owner:
                scores.setdefault(e.type, Score()).fp += 1
        return scores


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
    """Score ``extractor`` on every case in ``folder``.

    The report holds per-case scores (only the categories a case annotates), totals,
    macro-F1 over the annotated categories, per-type event counts and the event errors
    (see :class:`EventDiagnosis`).
    """
    totals: dict[str, Score] = {}
    types: dict[str, Score] = {}
    per_case, errors = {}, []
    for gold, text in load_cases(folder):
        case = gold.get("id", "?")
        extraction = extractor.extract(text, published=gold.get("published"))
        scorer = CaseScorer(gold, text, extraction)
        scores = scorer.score()
        per_case[case] = {c: s.to_dict() for c, s in scores.items()}
        for c, s in scores.items():
            totals.setdefault(c, Score()).add(s)
        if "events" in scores:
            diagnosis = EventDiagnosis(scorer)
            errors += diagnosis.errors(case)
            for t, s in diagnosis.by_type().items():
                types.setdefault(t, Score()).add(s)
    total = {c: totals[c].to_dict() for c in CATEGORIES if c in totals}
    macro = sum(totals[c].f1 for c in total) / len(total) if total else 0.0
    return {
        "cases": per_case,
        "total": total,
        "macro_f1": round(macro, 4),
        "event_types": {t: types[t].to_dict() for t in sorted(types)},
        "event_errors": errors,
    }


def format_report(report: dict[str, Any], *, errors: bool = False) -> str:
    """A plain-text table of a report from :func:`evaluate`; with ``errors``, the event error list too."""
    lines = []
    for name, scores in [*report["cases"].items(), ("TOTAL", report["total"])]:
        lines.append(name)
        for c in CATEGORIES:
            if c not in scores:
                continue
            s = scores[c]
            shares = "  ".join(f"{k[:-6]} {v:.2f}" for k, v in s.items() if k.endswith("_share") and v is not None)
            lines.append(
                f"  {c:<7} P {s['precision']:.2f}  R {s['recall']:.2f}  F1 {s['f1']:.2f}"
                f"  (tp {s['tp']}, fp {s['fp']}, fn {s['fn']})" + (f"  {shares}" if shares else "")
            )
    lines.append(f"macro-F1 {report['macro_f1']:.3f}")
    if not errors:
        return "\n".join(lines)
    lines.append("\nEVENT TYPES")
    for t, s in report["event_types"].items():
        lines.append(f"  {t:<10} P {s['precision']:.2f}  R {s['recall']:.2f}  F1 {s['f1']:.2f}  (tp {s['tp']}, fp {s['fp']}, fn {s['fn']})")
    counts: dict[str, int] = {}
    for e in report["event_errors"]:
        counts[e["error"]] = counts.get(e["error"], 0) + 1
    lines.append("\nEVENT ERRORS  " + "  ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    for e in report["event_errors"]:
        if e["error"] == "spurious":
            ev = e["event"]
            lines.append(f"  [{e['case']}] spurious {ev['type']} {ev['status']} «{ev['trigger']}» {ev['source']} -> {ev['target']}")
            lines.append(f"      sentence: {' '.join(e['sentence'].split())[:300]}")
            lines += [f"      gold here: {g['type']} {g['trigger']} {g.get('source')}" for g in e["gold_in_sentence"]]
        else:
            g = e["gold"]
            lines.append(f"  [{e['case']}] {e['error']} {g['type']} {g.get('status', 'occurred')} {g['trigger']} {g.get('source')} -> {g.get('target')}")
            lines += [f"      found: {f['type']} {f['status']} «{f['trigger']}» {f['source']} -> {f['target']}" for f in e["found"]]
    return "\n".join(lines)
