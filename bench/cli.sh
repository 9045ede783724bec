#!/usr/bin/env bash
# The command line and the Python package at scale (bench/cli.py): CLI
# throughput on one core and on every core over a corpus of 100 MB or more,
# peak memory at 10 MB and 100 MB, and Python articles/s (analyze_many, Dask).
#   bench/cli.sh [--mb N]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin atlas
py=()
if [ -x .venv/bin/python ] && .venv/bin/python -c "import news_atlas, dask" 2>/dev/null; then
  py=(--python .venv/bin/python)
fi
python3 bench/cli.py --atlas "${CARGO_TARGET_DIR:-target}/release/atlas" "${py[@]}" "$@"
