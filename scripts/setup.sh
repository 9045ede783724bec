#!/usr/bin/env bash
# Installs what News Atlas needs to build, serve and test, at pinned versions,
# skipping whatever is already in place (a second run installs nothing).
#
#   wasm32-unknown-unknown   rustup target
#   trunk 0.21.14            cargo install --locked (about 11 minutes cold)
#   wasm-bindgen-cli         exactly the wasm-bindgen version in Cargo.lock
#   chromium, chromedriver   Debian packages
#   npm packages             package-lock.json (playwright-core, binaryen's wasm-opt, axe-core, compromise, wink-nlp, esbuild)
#   Python packages          python/requirements.txt, into .venv (maturin, pytest, dask, pandas, pyarrow)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { echo "setup: $*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (slow the first time)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli must match the library exactly, and Trunk.toml must name it.
[ -f Cargo.lock ] || cargo generate-lockfile
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
if [ -z "$bindgen_version" ]; then
  echo "setup: Cargo.lock names no wasm-bindgen version" >&2
  exit 1
fi
if ! grep -q "^wasm_bindgen = \"$bindgen_version\"" Trunk.toml; then
  echo "setup: Trunk.toml must pin wasm_bindgen = \"$bindgen_version\" to match Cargo.lock" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  say "installing wasm-bindgen-cli $bindgen_version"
  # Not --locked: its lock file names a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$bindgen_version" --force
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Debian's chromium and chromium-driver"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y --no-install-recommends chromium chromium-driver
fi

# npm ci only when node_modules does not match the committed lock file.
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.news-atlas-lock 2>/dev/null)" != "$lock_sum" ]; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
  echo "$lock_sum" > node_modules/.news-atlas-lock
fi

# A virtual environment in .venv (created once) with the pinned packages of
# python/requirements.txt, installed again only when that file changes. The
# package itself (pip install ./python) is built by scripts/test.sh, since it
# follows the sources.
# A half-made environment (venv without pip, say, after an interrupted run)
# is made again rather than trusted.
if ! .venv/bin/python -m pip --version >/dev/null 2>&1; then
  say "creating the Python environment .venv"
  rm -rf .venv
  if ! python3 -m venv .venv; then
    rm -rf .venv
    echo "setup: python3 -m venv failed (on Debian: apt-get install python3-venv)" >&2
    exit 1
  fi
fi
req_sum=$(sha256sum python/requirements.txt | cut -d' ' -f1)
if [ "$(cat .venv/.news-atlas-requirements 2>/dev/null)" != "$req_sum" ]; then
  say "installing Python packages from python/requirements.txt"
  .venv/bin/pip install --disable-pip-version-check --quiet -r python/requirements.txt
  echo "$req_sum" > .venv/.news-atlas-requirements
fi
