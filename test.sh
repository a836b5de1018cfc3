#!/usr/bin/env bash
# Runs the whole test suite headless, inside a D-Bus session with gnome-keyring's Secret Service unlocked.
set -euo pipefail
cd "$(dirname "$0")"
. installer/bootstrap.sh
ad_system_packages test
ad_venv "registry,face,dev"
export QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 LC_ALL=C.UTF-8 PYTHONDONTWRITEBYTECODE=1
if [ -z "${ASSESSDESK_TEST_POSTGRES_URL:-}" ]; then
  url="postgresql+psycopg://postgres@127.0.0.1:5432/test"
  if .venv/bin/python installer/pg_probe.py "$url" 2>/dev/null; then
    export ASSESSDESK_TEST_POSTGRES_URL=$url
    ad_log "PostgreSQL answers on 127.0.0.1:5432: registry tests run on it too"
  fi
fi
exec dbus-run-session -- bash installer/with_keyring.sh .venv/bin/python -m pytest "$@"
