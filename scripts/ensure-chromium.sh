#!/usr/bin/env bash
# Debian's Chromium for the end-to-end tests: installed from Debian's packages when missing,
# never a browser downloaded by a test tool (no network here but the package registries).
set -euo pipefail
CHROMIUM="${AIFIN_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "The end-to-end tests need Chromium at $CHROMIUM (set AIFIN_CHROMIUM to another path)." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "Chromium is missing and installing it needs root: run 'apt-get install chromium' as root." >&2
    exit 1
  fi
fi
echo "Installing Debian's chromium for the end-to-end tests…"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
"$CHROMIUM" --version
