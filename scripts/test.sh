#!/usr/bin/env bash
# Runs every test: native (core, command line, doctests), a short fuzz run,
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

echo "== fuzzing, bounded (20 s per target; longer runs: see fuzz/main.rs)"
cargo run --profile fuzz --example fuzz -- all --seconds 20

echo "== browser tests (wasm-bindgen-test in headless Chromium)"
web_tests=()
for f in tests/web_*.rs; do web_tests+=(--test "$(basename "$f" .rs)"); done
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --target wasm32-unknown-unknown "${web_tests[@]}"

echo "== release build (trunk build --release)"
trunk build --release

echo "== end-to-end tests (Playwright, Chromium)"
node --test --test-concurrency=1 tests/e2e/
