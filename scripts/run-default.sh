#!/usr/bin/env bash
# The main job (`npm run demo`, `make run`): builds, then runs `streamgen run` with its defaults
# (JSON Lines under ./out). Extra arguments go to `streamgen run`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/build.sh
exec node dist/src/cli/main.js run "$@"
