"""Print the event-evaluation tables of ``docs/evaluation.md`` (markdown) for the gold folders given.

    python scripts/evaluation_report.py ../shared/eval/dev ../shared/eval/events

For each folder: the category totals, the events per type, the error classes of
``lagebild evaluate --errors``; for the dev set also the three articles the first version
was written with against the others (``--original``), the gap being the overfitting.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import lagebild
from lagebild.evaluate import CATEGORIES, Score, evaluate

#: The articles the first version of the event stage was developed on.
ORIGINAL = ("nato-ukraine-2025", "gaza-waffenruhe-einigung-2025", "georgia-eu-protests-2024")


def _row(name: str, s: dict) -> str:
    shares = " / ".join(f"{s[k]:.2f}" for k in ("target_share", "status_share", "place_share", "time_share") if s.get(k) is not None)
    return f"| {name} | {s['precision']:.2f} | {s['recall']:.2f} | {s['f1']:.2f} | {s['tp']} / {s['fp']} / {s['fn']} | {shares} |"


def _subset(report: dict, names: set[str], inside: bool) -> dict:
    total = Score()
    for case, scores in report["cases"].items():
        if (case in names) == inside and "events" in scores:
            s = scores["events"]
            total.add(Score(s["tp"], s["fp"], s["fn"]))
    return total.to_dict()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+")
    args = parser.parse_args()
    extractor = lagebild.Extractor(model="blank")
    recorded = {}
    for folder in args.folders:
        report = evaluate(folder, extractor)
        name = Path(folder).name
        print(f"\n### {name} ({len(report['cases'])} articles)\n")
        print("| category | P | R | F1 | tp / fp / fn | target / status / place / time of hits |\n| --- | --- | --- | --- | --- | --- |")
        for c in CATEGORIES:
            if c in report["total"]:
                print(_row(c, report["total"][c]))
        if any(case in ORIGINAL for case in report["cases"]):
            print(_row("events, 3 original articles", _subset(report, set(ORIGINAL), True)))
            print(_row(f"events, {len(report['cases']) - 3} new articles", _subset(report, set(ORIGINAL), False)))
        print("\n| type | P | R | F1 | tp / fp / fn |\n| --- | --- | --- | --- | --- |")
        for t, s in report["event_types"].items():
            print(f"| {t} | {s['precision']:.2f} | {s['recall']:.2f} | {s['f1']:.2f} | {s['tp']} / {s['fp']} / {s['fn']} |")
        counts = Counter(e["error"] for e in report["event_errors"])
        print("\nerror classes: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
        events = report["total"]["events"]
        recorded[name] = {"precision": events["precision"], "recall": events["recall"], "f1": events["f1"]}
    print("\n```json recorded-scores\n" + json.dumps(recorded, indent=1) + "\n```")


if __name__ == "__main__":
    main()
