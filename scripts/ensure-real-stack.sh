#!/usr/bin/env bash
# What the real-stack suite and `npm run fleet` need besides PostgreSQL: Go (builds daprd + Scheduler from
# tools/dapr), Java and Maven (Kafka from tools/kafka). Installs missing ones from Debian when run as root,
# then builds/fetches both (skipped when their inputs are unchanged). Prints nothing on stdout.
# --tools-only: only the Debian packages (the test script installs them first, then builds in the background).
# Cold cost on the 2-core machine: see README ("The fleet on one machine").
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v go >/dev/null || [ -x /usr/local/go/bin/go ] || missing+=(golang-go)
command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
command -v mvn >/dev/null || missing+=(maven)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "[real-stack] installing ${missing[*]}" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >&2
  else
    echo "[real-stack] missing: ${missing[*]} (install them, or run as root on Debian)" >&2; exit 1
  fi
fi
[ "${1:-}" = --tools-only ] && exit 0
export PATH="$PATH:/usr/local/go/bin"
# An older Debian Go fetches the Go version tools/dapr/go.mod names from the Go module proxy.
export GOTOOLCHAIN=auto
bash scripts/toolchain/dapr.sh >/dev/null
bash scripts/toolchain/kafka.sh >/dev/null
