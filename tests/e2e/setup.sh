#!/usr/bin/env bash
# Installs what the real-editor tests in tests/e2e/ need, and nothing twice:
#   - Debian packages: chromium (driven by playwright-core), neovim (0.7),
#     ripgrep (code-server's search), libkrb5-dev (to build kerberos);
#   - code-server (VS Code in the browser) from npm, in a cache folder outside
#     the repo: ${POLICYLINT_E2E_CACHE:-$HOME/.cache/policylint-e2e}.
# Idempotent: each step is skipped when done; a complete code-server install
# is marked with a file holding its version, and a half-done one is redone.
# Needs root (or sudo) for apt-get only when a package is missing.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
CACHE="${POLICYLINT_E2E_CACHE:-$HOME/.cache/policylint-e2e}"
DEST="$CACHE/code-server-$CODE_SERVER_VERSION"
MARKER="$DEST/.policylint-e2e-ready"
APT_PACKAGES=(chromium libkrb5-dev ripgrep neovim)

log() { printf 'e2e setup: %s\n' "$*" >&2; }
elapsed() { printf '%ss' "$(( $(date +%s) - START ))"; }
START=$(date +%s)

# 1. Debian packages ---------------------------------------------------------
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  SUDO=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { log "need root to apt-get install ${missing[*]}"; exit 1; }
    SUDO=(sudo)
  fi
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  log "Debian packages installed ($(elapsed))"
else
  log "Debian packages already installed"
fi

# 2. code-server -------------------------------------------------------------
if [[ -f "$MARKER" && "$(cat "$MARKER")" == "$CODE_SERVER_VERSION" ]]; then
  log "code-server $CODE_SERVER_VERSION already installed in $DEST"
  exit 0
fi

# Build in a fresh work folder and move it into place only when complete, so
# an interrupted run never leaves something that looks installed.
mkdir -p "$CACHE"
WORK="$DEST.partial"
rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK"
printf '{ "name": "policylint-e2e-code-server", "private": true }\n' >package.json

NPM=(npm --no-audit --no-fund --loglevel=error)
log "npm install code-server@$CODE_SERVER_VERSION (no install scripts)"
"${NPM[@]}" install --ignore-scripts "code-server@$CODE_SERVER_VERSION"

VSCODE="$WORK/node_modules/code-server/lib/vscode"
log "npm install VS Code's own dependencies ($(elapsed))"
(cd "$VSCODE" && "${NPM[@]}" install --omit=dev --ignore-scripts)

# @vscode/ripgrep's postinstall downloads rg from GitHub, which fails here:
# use Debian's.
mkdir -p "$VSCODE/node_modules/@vscode/ripgrep/bin"
cp /usr/bin/rg "$VSCODE/node_modules/@vscode/ripgrep/bin/rg"

log "npm rebuild VS Code's native modules ($(elapsed))"
(cd "$VSCODE" && "${NPM[@]}" rebuild kerberos @vscode/spdlog native-watchdog @parcel/watcher)
# VS Code loads its dependencies from node_modules.asar when that exists.
ln -sfn node_modules "$VSCODE/node_modules.asar"

log "npm rebuild argon2 ($(elapsed))"
"${NPM[@]}" rebuild argon2

# Smoke test: the installed code-server runs (without writing to $HOME).
CHECK_HOME=$(mktemp -d)
XDG_CONFIG_HOME="$CHECK_HOME" XDG_DATA_HOME="$CHECK_HOME" XDG_CACHE_HOME="$CHECK_HOME" \
  "$WORK/node_modules/.bin/code-server" --version >/dev/null
rm -rf "$CHECK_HOME"

rm -rf "$DEST"
mv "$WORK" "$DEST"
printf '%s' "$CODE_SERVER_VERSION" >"$MARKER"
log "code-server $CODE_SERVER_VERSION installed in $DEST ($(elapsed))"
