#!/usr/bin/env bash
# Builds the onedir bundle into installer/dist/assessdesk (run from a checkout with .venv set up by ./test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath installer/dist --workpath installer/build installer/assessdesk.spec
echo "bundle: installer/dist/assessdesk/assessdesk"
