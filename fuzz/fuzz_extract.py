"""Coverage-guided fuzzing of ``lagebild.Extractor.extract`` with atheris (libFuzzer).

Run (bounded)::

    .venv/bin/python fuzz/fuzz_extract.py -max_total_time=60 -rss_limit_mb=4096 -seed=1

Any libFuzzer flag works (``-runs=N``, ``-max_len=N``, a corpus directory to keep inputs).
Each input becomes a text: the first bytes choose a publication date and whether the text
is glued to one of the German seed sentences below (so the fuzzer starts inside the rules'
territory), the rest is decoded as Unicode. The harness fails (and libFuzzer writes a
``crash-*`` file) when ``extract`` raises anything but ``LagebildError``, when a span does
not satisfy ``text[start:end] == span.text``, when an event sentence lies outside the text,
or when ``to_json()`` does not round-trip. Reproduce a crash with
``.venv/bin/python fuzz/fuzz_extract.py crash-<sha>``.
"""

from __future__ import annotations

import datetime as dt
import json
import sys

import atheris

with atheris.instrument_imports(include=["lagebild"]):
    import lagebild

#: German sentences written for this harness; the fuzzer mutates around them.
SEEDS = [
    "Die NATO sagte der Ukraine am 4. April 2025 in Brüssel 20 Milliarden Euro zu.",
    "KIEW (dpa) – Russland griff in der Nacht zum Sonntag Charkiw mit Drohnen an.",
    "Bundeskanzler Olaf Scholz traf Emmanuel Macron gestern Abend um 18.30 Uhr in Paris.",
    "Die EU verhängte Anfang des Jahres Sanktionen; bis zu 3,5 Mrd. US-Dollar sind eingefroren.",
    "Israel und die Hamas vereinbarten eine Waffenruhe von 42 Tagen, die am Sonntag beginnen soll.",
    "Der Kreml dementierte, Truppen an die Grenze verlegt zu haben. Lesen Sie auch: Weitere Nachrichten",
    "Seit drei Jahren fordert Polen zwischen 2 und 3 Milliarden Euro; im ersten Quartal 2024 kam nichts.",
]

PUBLISHED = [None, dt.date(2025, 4, 5), dt.date(2024, 2, 29), dt.date(1999, 12, 31), "2025-01-01"]

EXTRACTOR: lagebild.Extractor | None = None


def check(text: str, published) -> None:
    """Run one extraction and raise AssertionError on any broken invariant."""
    assert EXTRACTOR is not None
    try:
        result = EXTRACTOR.extract(text, published=published)
    except lagebild.LagebildError:
        if text.strip():
            raise AssertionError(f"LagebildError on a non-blank text: {text!r}") from None
        return
    if result.html:
        text = result.text  # offsets of an HTML input point into its converted text
    for kind, span_text, start, end in result.spans():
        if not (0 <= start <= end <= len(text) and text[start:end] == span_text):
            raise AssertionError(f"{kind} span {start}:{end} {span_text!r} != {text[start:end]!r}")
    for event in result.events:
        if not 0 <= event.sentence[0] <= event.sentence[1] <= len(text):
            raise AssertionError(f"event sentence {event.sentence} outside the text ({len(text)})")
    record = result.to_dict()
    if json.loads(result.to_json()) != record:
        raise AssertionError("to_json() does not round-trip")


def test_one_input(data: bytes) -> None:
    """libFuzzer entry point: bytes -> (text, published) -> check."""
    fdp = atheris.FuzzedDataProvider(data)
    published = PUBLISHED[fdp.ConsumeIntInRange(0, len(PUBLISHED) - 1)]
    mode = fdp.ConsumeIntInRange(0, 3)
    body = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
    if mode == 0:
        text = body
    else:
        seed = SEEDS[len(body) % len(SEEDS)]
        cut = len(body) % (len(seed) + 1)
        text = {1: seed + " " + body, 2: body + seed, 3: seed[:cut] + body + seed[cut:]}[mode]
    check(text, published)


def main(argv: list[str]) -> None:
    """Load the pipeline once, then hand over to libFuzzer."""
    global EXTRACTOR
    EXTRACTOR = lagebild.Extractor(model="blank")
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
