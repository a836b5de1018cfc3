#!/usr/bin/env bash
# Runs the assessdesk station app; with no station profile it opens the demo profile.
set -euo pipefail
cd "$(dirname "$0")"
. installer/bootstrap.sh
ad_system_packages run
ad_venv "registry,face"
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  ad_log "no display found: set DISPLAY, or run under xvfb-run"
fi
exec .venv/bin/assessdesk "$@"
