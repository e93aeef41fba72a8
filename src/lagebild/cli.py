"""The ``lagebild`` command line: ``extract`` one article, ``evaluate`` a folder of gold cases."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import LagebildError
from .hygiene import HTML_POLICIES
from .records import Extraction


def _read_text(source: str) -> str:
    if source == "-":
        data = sys.stdin.buffer.read()
        name = "standard input"
    else:
        path = Path(source)
        if not path.is_file():
            raise LagebildError(f"{source}: no such file")
        data = path.read_bytes()
        name = source
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LagebildError(f"{name} is not UTF-8 text (byte {exc.start}: {data[exc.start:exc.start + 1]!r})") from None


def format_table(x: Extraction) -> str:
    """A readable summary of an extraction for a person at a terminal."""
    lines = [f"backbone {x.backbone}   published {x.published or '-'}   body_end {x.body_end}"]
    lines.append(f"\nACTORS ({len(x.actors)})")
    lines += [
        f"  {a.kind:<4} {a.id or '-':<10} {a.name}" + (f"  [{a.role}, {a.affiliation or '-'}]" if a.role else "")
        + f"  ×{len(a.mentions)}"
        for a in x.actors
    ]
    lines.append(f"\nPLACES ({len(x.places)})")
    lines += [f"  {p.canonical} ({p.country or '-'})  {p.name}  ×{len(p.mentions)}" for p in x.places]
    lines.append(f"\nMONEY ({len(x.money)})")
    lines += [f"  {m.text!r}: {m.qualifier} {m.value:,.0f} {m.currency}" for m in x.money]
    lines.append(f"\nTIMES ({len(x.times)})")
    for t in x.times:
        interval = t.interval.to_dict() if t.interval else {"start": None, "end": None}
        lines.append(f"  {t.text!r}: {t.type} {t.value}{' ' + t.mod if t.mod else ''}  [{interval['start']} .. {interval['end']}]")
    lines.append(f"\nEVENTS ({len(x.events)})")
    for e in x.events:
        amount = f"  {e.amount.value:,.0f} {e.amount.currency}" if e.amount else ""
        time = f"  [{e.time.start} .. {e.time.end}]" if e.time else ""
        lines.append(
            f"  {e.type:<9} {e.cameo or '-':<5} {e.status:<9} {','.join(e.source) or '?'} -> {','.join(e.target) or '-'}"
            f"  «{e.trigger.text}»{'  @' + e.place if e.place else ''}{time}{amount}"
        )
    return "\n".join(lines)


def _extract(args: argparse.Namespace) -> int:
    from .api import Extractor, parse_published

    published = parse_published(args.published)
    text = _read_text(args.file)
    extractor = Extractor(model=args.model, lexicons=args.lexicon or (), html=args.html, statements=args.statements)
    result = extractor.extract(text, published)
    print(result.to_json(indent=2) if args.format == "json" else format_table(result))
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from .api import Extractor
    from .evaluate import evaluate, format_report

    report = evaluate(args.folder, Extractor(model=args.model, lexicons=args.lexicon or ()))
    if not args.errors:
        report.pop("event_errors")
    print(json.dumps(report, indent=2, ensure_ascii=False) if args.json else format_report(report, errors=args.errors))
    return 0


def _run(args: argparse.Namespace) -> int:
    from .store import run_corpus

    summary = run_corpus(
        args.input,
        args.db,
        model=args.model,
        batch_size=args.batch_size,
        n_process=args.n_process,
        parquet=args.parquet,
        show_progress=sys.stderr.isatty(),
    )
    print(f"lagebild: {summary.line()}", file=sys.stderr)
    if summary.failed:
        print(f"lagebild: error: {summary.failed} items failed; see the errors table of {args.db}", file=sys.stderr)
        return 1
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``lagebild`` command."""
    parser = argparse.ArgumentParser(prog="lagebild", description="German news to geopolitical event records.")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract the records of one article")
    ex.add_argument("file", help="a UTF-8 text file, or - for standard input")
    ex.add_argument("--published", help="publication date YYYY-MM-DD (anchors relative times)")
    ex.add_argument("--format", choices=("json", "table"), default="json")
    ex.add_argument("--model", default="auto", help="auto (default), blank, or an installed spaCy pipeline")
    ex.add_argument("--lexicon", action="append", help="an extra lexicon file (repeatable)")
    ex.add_argument("--html", choices=HTML_POLICIES, default="auto", help="HTML input: convert when detected (auto), always, keep as text, or reject")
    ex.add_argument("--statements", action="store_true", help="also code public statements as STATEMENT events")
    ex.set_defaults(run=_extract)
    ev = sub.add_parser("evaluate", help="score a folder of gold cases (NAME.txt + NAME.gold.json)")
    ev.add_argument("folder")
    ev.add_argument("--model", default="auto")
    ev.add_argument("--lexicon", action="append", help="an extra lexicon file (repeatable)")
    ev.add_argument("--json", action="store_true", help="print the full report as JSON")
    ev.add_argument("--errors", action="store_true", help="list every missed and spurious event with its error class, and per-type scores")
    ev.set_defaults(run=_evaluate)
    rn = sub.add_parser("run", help="extract a corpus into a DuckDB database (resumable)")
    rn.add_argument("input", help="a folder of .txt files, a JSON Lines file, or - for JSON Lines on standard input")
    rn.add_argument("--db", required=True, help="the DuckDB database file (created if missing)")
    rn.add_argument("--parquet", metavar="DIR", help="also export every table to DIR/<table>.parquet")
    rn.add_argument("--model", default="auto", help="auto (default), blank, or an installed spaCy pipeline")
    rn.add_argument("--batch-size", type=int, default=32, help="articles per spaCy batch and per transaction")
    rn.add_argument("--n-process", type=int, default=1, help="worker processes (each loads the pipeline)")
    rn.set_defaults(run=_run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; errors become one line on stderr and exit status 1 (2 for usage)."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except LagebildError as exc:
        print(f"lagebild: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("lagebild: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
