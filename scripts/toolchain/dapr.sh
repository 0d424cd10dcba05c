#!/usr/bin/env bash
# Builds daprd and the Scheduler at the version pinned in tools/dapr/go.mod (from the Go module proxy) and
# prints the folder holding both binaries. daprd is tools/dapr/daprd: dapr's own cmd/daprd with only the components
# the local fleet and the real-stack tests load (see its components.go), not `-tags stablecomponents`, which
# compiles every cloud SDK. The folder is named by a hash of go.mod, go.sum, tools/dapr/daprd/*.go and the build
# flags, so a second run with unchanged inputs does nothing. Cold cost: see README (Real stack).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
module="$root/tools/dapr"
cache="${CADENCE_CACHE_DIR:-$HOME/.cache/cadence}"
flags="CGO_ENABLED=0 -trimpath -ldflags=-s"
hash=$( { cat "$module/go.mod" "$module/go.sum"; for f in "$module"/daprd/*.go; do echo "${f##*/}"; cat "$f"; done; echo "$flags"; go env GOVERSION; } | sha256sum | cut -c1-16)
out="$cache/dapr-$hash"
if [ -x "$out/daprd" ] && [ -x "$out/scheduler" ]; then
  echo "$out"
  exit 0
fi
command -v go >/dev/null || { echo "Go is needed to build daprd (https://go.dev/dl/)" >&2; exit 1; }
tmp="$out.tmp.$$"
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
echo "building daprd + scheduler (tools/dapr/go.mod; a few minutes the first time)" >&2
(
  cd "$module"
  export CGO_ENABLED=0 GOFLAGS=-mod=readonly
  go build -trimpath -ldflags=-s -o "$tmp/daprd" ./daprd
  go build -trimpath -ldflags=-s -o "$tmp/scheduler" github.com/dapr/dapr/cmd/scheduler
) >&2
rm -rf "$out"
mv "$tmp" "$out"
trap - EXIT
echo "$out"
