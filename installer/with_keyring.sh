#!/usr/bin/env bash
# Starts gnome-keyring's Secret Service, unlocked with a throwaway password, inside the current D-Bus session,
# then runs the given command. Used by ./test.sh so the real keyring path is tested.
set -euo pipefail
eval "$(printf 'assessdesk-test' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
eval "$(gnome-keyring-daemon --start --components=secrets 2>/dev/null)" || true
export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
"$@"
