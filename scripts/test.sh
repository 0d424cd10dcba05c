#!/usr/bin/env bash
# The whole test suite: types, unit + integration tests on PGlite and on a real PostgreSQL server,
# the Playwright acceptance flows against the production build (built first) on the embedded default,
# then the distributed mode on the real runtime (daprd + Scheduler + Kafka, tests/real-stack).
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm install --no-audit --no-fund

# Debian packages first, one apt-get at a time. Then the real stack's toolchain (daprd + Scheduler from the Go
# module proxy, Kafka from Maven Central: ~10 min of CPU cold, seconds warm) builds in the background at the
# lowest CPU priority while the steps below run — they leave about half of the two cores idle — instead of
# adding its cold cost to the end.
bash scripts/ensure-chromium.sh
realstack_build=
if [ "${CADENCE_SKIP_REAL_STACK:-}" != 1 ]; then
  bash scripts/ensure-real-stack.sh --tools-only
  realstack_log=$(mktemp -t cadence-real-stack-build.XXXXXX)
  setsid nice -n 19 bash scripts/ensure-real-stack.sh >"$realstack_log" 2>&1 &
  realstack_build=$!
  trap '[ -n "$realstack_build" ] && kill -- "-$realstack_build" 2>/dev/null; true' EXIT
fi

echo "== typecheck"
npx tsc --noEmit

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  TEST_DATABASE_URL=$(bash scripts/ensure-postgres.sh)
  export TEST_DATABASE_URL
fi
# Kubernetes: the Helm chart against a real kube-apiserver, and the CI/CD workflows. The first run builds the
# toolchain from the Go module proxy into ~/.cache/cadence (about 5.5 min cold on an idle machine, seconds warm).
echo "== k8s:validate + workflows"
npm run --silent k8s:validate
bash scripts/lint-workflows.sh

# Built before vitest: the distributed and image tests run the production build as separate processes;
# build:prod is `next build` plus dist/, the production image's contents.
echo "== build:prod"
npm run --silent build:prod | tail -1

echo "== vitest (PGlite + PostgreSQL at ${TEST_DATABASE_URL%%@*}@…)"
npx vitest run

echo "== playwright"
npx playwright test

# The fleet on the real daprd 1.18.2 + Scheduler and Kafka 3.9.2, built from tools/dapr and tools/kafka into
# ~/.cache/cadence by the background build started above (cold cost in the README), driven from outside with
# fault drills. CADENCE_SKIP_REAL_STACK=1 leaves it out locally.
if [ "${CADENCE_SKIP_REAL_STACK:-}" != 1 ]; then
  echo "== real stack (daprd + Scheduler + Kafka)"
  if ! wait "$realstack_build"; then
    cat "$realstack_log" >&2
    echo "building the real stack's toolchain failed (log above)" >&2
    exit 1
  fi
  realstack_build=
  rm -f "$realstack_log"
  CADENCE_REAL_STACK=1 npx vitest run --project real-stack
fi
