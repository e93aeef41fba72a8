"""Build ``src/lagebild/data/verb_forms.json``: every inflected form of the verbs the event frames use.

Run after adding a verb to ``data/frames.json`` (needs ``pip install simplemma``; lagebild
itself does not import simplemma at run time, so its 1 s load and 80 MB stay out of every
process). Forms come from simplemma's German dictionary (MIT licence), inverted for the
frames' lemmas. A separable verb (``einstellen``) also lists the finite forms of its base
verb (``stellte``), which count only when the particle closes the clause.
"""

from __future__ import annotations

import json
from pathlib import Path

from simplemma.strategies.dictionaries import DefaultDictionaryFactory

from lagebild.events.german import SEPARABLE_PARTICLES

DATA = Path(__file__).resolve().parents[1] / "src" / "lagebild" / "data"


def particle_of(lemma: str) -> str | None:
    """The separable prefix of a verb (``einstellen`` → ``ein``), if it has one."""
    for particle in SEPARABLE_PARTICLES:
        if lemma.startswith(particle) and len(lemma) > len(particle) + 3:
            return particle
    return None


def main() -> None:
    frames = json.loads((DATA / "frames.json").read_text(encoding="utf-8"))["frames"]
    lemmas = sorted({verb for frame in frames for verb in frame["verbs"]})
    dictionary = DefaultDictionaryFactory().get_dictionary("de")
    wanted = set(lemmas) | {lemma[len(p):] for lemma in lemmas if (p := particle_of(lemma))}
    forms: dict[str, set[str]] = {lemma: {lemma} for lemma in wanted}
    for form, lemma in dictionary.items():
        if lemma in wanted and form.islower():
            forms[lemma].add(form)
    entries = []
    for lemma in lemmas:
        entry = {"lemma": lemma, "forms": sorted(forms[lemma])}
        particle = particle_of(lemma)
        if particle:
            base = lemma[len(particle):]
            entry["particle"] = particle
            entry["finite"] = sorted(f for f in forms[base] if not f.startswith("ge") and not f.endswith("end"))
            # the dictionary misses some joined participles (``vorgedrungen``): particle + the base's participle
            joined = {particle + f for f in forms[base] if f.startswith("ge") and len(f) > 4} | {f"{particle}zu{base}"}
            entry["forms"] = sorted(set(entry["forms"]) | joined)
        entries.append(entry)
    out = {
        "meta": {
            "name": "verb_forms",
            "version": "1.0",
            "source": "simplemma 2.0.0 German dictionary, inverted for the lemmas of frames.json by scripts/build_verb_forms.py",
            "licence": "MIT (simplemma); word forms are facts of German",
            "format": "forms: every inflected form (lowercase); particle/finite: for separable verbs, the particle and the finite forms of the base verb",
        },
        "entries": entries,
    }
    (DATA / "verb_forms.json").write_text(
        json.dumps(out, ensure_ascii=False, indent=None).replace(', {"lemma"', ',\n {"lemma"') + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
