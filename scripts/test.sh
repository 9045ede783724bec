#!/usr/bin/env bash
# Runs every test: native (core, command line, doctests), the Python package
# (pytest, with the Dask example), a short fuzz run,
# in-browser (wasm-bindgen-test in headless Chromium) and end-to-end
# (Playwright against the release build served from a sub-path). Exits
# non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

echo "== native tests (cargo test)"
cargo test --workspace --all-targets
cargo test --workspace --doc

echo "== Python package (pip install ./python) and its tests (pytest, with the Dask example)"
PATH="$PWD/.venv/bin:$PATH" .venv/bin/pip install --disable-pip-version-check --quiet --no-build-isolation --no-deps --force-reinstall ./python
# The command line the tests compare with: the one cargo test just built.
ATLAS="${CARGO_TARGET_DIR:-$PWD/target}/debug/atlas" .venv/bin/python -m pytest python/tests

echo "== fuzzing, bounded (20 s per target; longer runs: see fuzz/main.rs)"
cargo run --profile fuzz --example fuzz -- all --seconds 20

echo "== browser tests (wasm-bindgen-test in headless Chromium)"
web_tests=()
for f in tests/web_*.rs; do web_tests+=(--test "$(basename "$f" .rs)"); done
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --target wasm32-unknown-unknown --features precomputed "${web_tests[@]}"

echo "== release build (trunk build --release)"
trunk build --release

echo "== end-to-end tests (Playwright, Chromium)"
node --test --test-concurrency=1 tests/e2e/
