#!/usr/bin/env bash
# actionlint over .github/workflows, with shellcheck on every `run:` script (part of `npm test`).
set -euo pipefail
cd "$(dirname "$0")/.."
tools=$(bash scripts/toolchain/k8s.sh)
"$tools/bin/actionlint" -shellcheck "$tools/bin/shellcheck" .github/workflows/*.yml
echo "actionlint: $(ls .github/workflows/*.yml | wc -l) workflows clean"
