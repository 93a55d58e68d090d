#!/usr/bin/env bash
# Installs dependencies from the lockfile when needed and compiles TypeScript into dist/.
# Exits with tsc's status; tsc still emits JavaScript when it reports type errors.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# npm keeps its own copy of the installed tree's lock at node_modules/.package-lock.json; a missing
# or older copy means node_modules does not match package-lock.json.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "build: installing dependencies (npm ci)" >&2
  npm ci --no-audit --no-fund
fi
echo "build: compiling TypeScript (tsc -p tsconfig.json)" >&2
npx tsc -p tsconfig.json
