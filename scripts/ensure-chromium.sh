#!/usr/bin/env bash
# Debian's Chromium for the Playwright acceptance flows (never Playwright's own browser download).
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "[chromium] installing Debian's chromium" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >&2
  else
    echo "[chromium] /usr/bin/chromium is missing; install Debian's chromium package" >&2; exit 1
  fi
fi
