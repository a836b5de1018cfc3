# Shared set-up for ./run.sh and ./test.sh: system libraries (as root on Debian-like systems), .venv, the package.
# Sourced, not executed. Idempotent: a second run with nothing changed does no network work.

ad_log() { printf '[assessdesk] %s\n' "$*" >&2; }

# ad_system_packages KIND  (KIND: run | test)
ad_system_packages() {
  local kind=$1
  local pkgs=(libgl1 libegl1 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon0)
  if [ "$kind" = run ]; then
    pkgs+=(libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
           libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xkb1)
  else
    pkgs+=(gnome-keyring dbus-daemon dbus-bin chromium chromium-driver poppler-utils)
  fi
  command -v dpkg >/dev/null 2>&1 || return 0   # not Debian-like: nothing we can check
  local py; py=$(ad_python) || return 1
  "$py" -c 'import ensurepip, venv' >/dev/null 2>&1 || pkgs+=(python3-venv)
  local missing=()
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    ad_log "installing system packages: ${missing[*]}"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || { ad_log "apt-get failed; run: apt-get install ${missing[*]}"; return 1; }
  else
    ad_log "missing system packages; run this once, then try again:"
    ad_log "  sudo apt-get install ${missing[*]}"
    return 1
  fi
}

ad_python() {
  local c
  for c in "${ASSESSDESK_PYTHON:-}" python3.13 python3.12 python3.11 python3; do
    [ -n "$c" ] || continue
    if command -v "$c" >/dev/null 2>&1 && "$c" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      command -v "$c"; return 0
    fi
  done
  ad_log "Python 3.11 or newer is needed (set ASSESSDESK_PYTHON to its path)"; return 1
}

# ad_venv EXTRAS  -> creates .venv and installs the package with those extras when pyproject.toml changed.
ad_venv() {
  local extras=$1 py stamp want
  py=$(ad_python) || return 1
  [ -x .venv/bin/python ] || { ad_log "creating .venv"; "$py" -m venv .venv || return 1; }
  want="$(cat pyproject.toml | sha256sum | cut -c1-16)-$extras"
  stamp=.venv/.assessdesk-installed
  if [ ! -f "$stamp" ] || ! grep -qx -- "$want" "$stamp"; then
    ad_log "installing Python packages into .venv (first time takes a few minutes)"
    .venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
    .venv/bin/python -m pip install -q -e ".[$extras]" || { ad_log "pip install failed (see above)"; return 1; }
    echo "$want" >> "$stamp"
  fi
}
