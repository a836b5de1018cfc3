#!/usr/bin/env bash
# Starts gnome-keyring's Secret Service, unlocked with a throwaway password, inside the current D-Bus session,
# then runs the given command. Used by ./test.sh so the real keyring path is tested.
set -euo pipefail
PASSWORD=assessdesk-test
# A keyring file of this run's own: two runs on one machine would otherwise share ~/.local/share/keyrings, each
# with its own daemon writing the same file, and lose each other's secrets.
XDG_DATA_HOME="$(mktemp -d "${TMPDIR:-/tmp}/assessdesk-keyring.XXXXXX")"
export XDG_DATA_HOME
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
eval "$(printf '%s' "$PASSWORD" | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
eval "$(gnome-keyring-daemon --start --components=secrets 2>/dev/null)" || true
export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
# gnome-keyring sometimes locks the login collection after a prompt it cannot show here; a desktop session would keep
# it unlocked, so a small keeper re-unlocks it for as long as this script runs.
PY="$(dirname "$0")/../.venv/bin/python"
if [ -x "$PY" ]; then
  "$PY" "$(dirname "$0")/keyring_keeper.py" "$PASSWORD" $$ &
fi
"$@"
