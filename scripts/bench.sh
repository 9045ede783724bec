#!/usr/bin/env bash
# Measures News Atlas and prints every figure beside its budget:
#   1. native: `cargo run --release --bin bench` (gazetteer load, per-article
#      analysis, MB/s, 1 MB and 5 MB analysed in parts), and bench/cli.sh
#      (the command line over 100 MB on one core and every core, its peak
#      memory, Python's analyze_many and the Dask example);
#   2. in headless Chromium against the release build: analysis time against
#      the npm package compromise in the same page, download sizes, first
#      map and list on screen (cold, and at 9 Mbit/s with 170 ms round
#      trips), memory, selecting a place, panning a
#      map of 500 markers.
# Results land in bench/results/ (table.md, browser.json, native.json).
# A benchmark, not a test: a missed budget is reported, not a failure.
#
#   scripts/bench.sh            full run (about 5 minutes on 2 cores, after the build)
#   scripts/bench.sh --quick    fewer runs
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
results=bench/results
mkdir -p "$results"

echo "== release build (trunk build --release, into $results/dist)"
# Its own output folder, so a build or test running meanwhile in dist/ does
# not change what is measured.
trunk build --release --dist "$results/dist"

echo "== native benchmark (cargo run --release --bin bench)"
cargo run --release --quiet --bin bench -- --json "$results/native.json" --cities "$results/cities.txt"

echo "== command line and Python at scale (bench/cli.sh: 100 MB corpus, results in $results/cli.json)"
bench/cli.sh

echo "== browser benchmark (node bench/browser.mjs)"
node bench/browser.mjs --dist "$results/dist" --native "$results/native.json" --cities "$results/cities.txt" --out "$results" "$@"
