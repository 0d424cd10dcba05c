#!/usr/bin/env bash
# The whole test suite: types, unit + integration tests on PGlite and on a real PostgreSQL server,
# the Playwright acceptance flows against the production build (built first) on the embedded default,
# then the distributed mode on the real runtime (daprd + Scheduler + Kafka, tests/real-stack).
set -euo pipefail
cd "$(dirname "$0")/.."

# Go builds first, in the background, so their cold cost (~15 min of CPU for the Kubernetes and real-stack
# toolchains) fills the cores that npm install, tsc, next build and vitest leave idle instead of adding to the
# end: the Kubernetes tools (kube-apiserver, etcd, helm, … from the Go module proxy) at nice 10, needed before
# vitest; the real stack (daprd + Scheduler, Kafka from Maven Central) at nice 19, needed last. Warm, both take
# seconds. Debian packages (Go, Java, Maven, Chromium) are installed first, one apt-get at a time.
background_builds=()
# `|| true` on each kill: errexit also applies inside the trap, and a build that already ended cannot be
# killed, so a bare failing kill would turn a passing run's exit status into 1.
trap 'for pid in "${background_builds[@]}"; do kill -- "-$pid" 2>/dev/null || true; done' EXIT
# Runs a build in its own process group at a low CPU priority; its log is printed only if it fails.
start_background_build() { # <niceness> <log var> <pid var> <command...>
  local niceness=$1 log_var=$2 pid_var=$3; shift 3
  local log; log=$(mktemp -t cadence-build.XXXXXX)
  setsid nice -n "$niceness" "$@" >"$log" 2>&1 &
  background_builds+=($!)
  printf -v "$log_var" %s "$log"; printf -v "$pid_var" %s "$!"
}
wait_background_build() { # <pid> <log> <what>
  if ! wait "$1"; then cat "$2" >&2; echo "building $3 failed (log above)" >&2; exit 1; fi
  rm -f "$2"
}
if [ "${CADENCE_SKIP_REAL_STACK:-}" != 1 ]; then
  bash scripts/ensure-real-stack.sh --tools-only
  start_background_build 19 realstack_log realstack_build bash scripts/ensure-real-stack.sh
fi
start_background_build 10 k8s_log k8s_build bash scripts/toolchain/k8s.sh

[ -d node_modules ] || npm install --no-audit --no-fund
bash scripts/ensure-chromium.sh

echo "== typecheck"
npx tsc --noEmit

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  TEST_DATABASE_URL=$(bash scripts/ensure-postgres.sh)
  export TEST_DATABASE_URL
fi
# Built before vitest: the distributed and image tests run the production build as separate processes;
# build:prod is `next build` plus dist/, the production image's contents.
echo "== build:prod"
npm run --silent build:prod | tail -1

# Kubernetes: the Helm chart against a real kube-apiserver, and the CI/CD workflows, with the toolchain the
# background build made (about 5.5 min cold on an idle machine, seconds warm). Before vitest, whose
# k8s-validate unit test runs the same pipeline.
echo "== k8s:validate + workflows"
wait_background_build "$k8s_build" "$k8s_log" "the Kubernetes toolchain"
npm run --silent k8s:validate
bash scripts/lint-workflows.sh

echo "== vitest (PGlite + PostgreSQL at ${TEST_DATABASE_URL%%@*}@…)"
npx vitest run

echo "== playwright"
npx playwright test

# The fleet on the real daprd 1.18.2 + Scheduler and Kafka 3.9.2, built from tools/dapr and tools/kafka into
# ~/.cache/cadence by the background build started above (cold cost in the README), driven from outside with
# fault drills. CADENCE_SKIP_REAL_STACK=1 leaves it out locally.
if [ "${CADENCE_SKIP_REAL_STACK:-}" != 1 ]; then
  echo "== real stack (daprd + Scheduler + Kafka)"
  wait_background_build "$realstack_build" "$realstack_log" "the real stack's toolchain"
  CADENCE_REAL_STACK=1 npx vitest run --project real-stack
fi
