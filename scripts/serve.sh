#!/usr/bin/env bash
# Installs what is missing, then serves News Atlas at http://127.0.0.1:8080
# with live rebuilds.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
echo "News Atlas: serving at http://127.0.0.1:8080 (Ctrl-C stops)"
exec trunk serve --address 127.0.0.1 --port 8080
