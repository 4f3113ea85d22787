#!/usr/bin/env bash
# Builds the Kubernetes binaries of one release from the Go module proxy, with no container
# registry and no git checkout. k8s.io/kubernetes requires its staging modules at v0.0.0, so a
# throw-away consumer module maps each of them to the published v0.<minor>.<patch> tag.
# kubeadm is built first and marked with OUT_DIR/.kubeadm-ready, so callers can ask it for
# the component versions while the other six binaries are still compiling.
# With a lock directory (go.mod + go.sum recorded by update-go-locks.sh) the build uses exactly
# those versions and checksums instead of resolving them again.
# Usage: build-kubernetes.sh VERSION OUT_DIR [LOCK_DIR]   (e.g. v1.34.4 /cache/k8s/v1.34.4)
set -euo pipefail

version="$1"
out="$2"
lock="${3:-}"
work="${out}.mod"
binaries=(kube-apiserver kube-controller-manager kube-scheduler kube-proxy kubelet kubectl)

log() { printf '[kubernetes %s] %s\n' "$version" "$*" >&2; }

locked() { [[ -n "$lock" && -f "$lock/go.mod" && -f "$lock/go.sum" ]]; }

# Outputs are reused only if built by this script, for this version and lock, with this Go.
stamp="$(sha256sum <"${BASH_SOURCE[0]}" | cut -d' ' -f1) ${version} $(go env GOVERSION)"
if locked; then stamp+=" $(cat "$lock/go.mod" "$lock/go.sum" | sha256sum | cut -d' ' -f1)"; fi
if [[ -f "$out/.complete" && "$(cat "$out/.complete")" == "$stamp" ]]; then
  log "cached in $out"
  exit 0
fi
rm -f "$out/.complete" "$out/.kubeadm-ready"

mkdir -p "$work" "$out"
cd "$work"
rm -f go.mod go.sum tools.go

# The consumer module: k8s.io/kubernetes plus a replace for each staging module.
resolve_modules() {
  log "resolving module graph"
  local modfile staging_version module b
  modfile=$(go mod download -json "k8s.io/kubernetes@${version}" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
  staging_version="v0.${version#v1.}"
  go mod init slipway.local/kubernetes-build >/dev/null 2>&1
  go mod edit -require="k8s.io/kubernetes@${version}"
  # Copy the go line so GODEBUG defaults match upstream builds.
  go mod edit -go="$(sed -n 's/^go //p' "$modfile")"
  while read -r module; do
    go mod edit -replace="${module}=${module}@${staging_version}"
  done < <(awk '$2 == "v0.0.0" && $1 ~ /^k8s.io\// {print $1}' "$modfile")
  {
    echo '//go:build tools'
    echo
    echo 'package tools'
    echo
    echo 'import ('
    for b in kubeadm "${binaries[@]}"; do echo "	_ \"k8s.io/kubernetes/cmd/${b}\""; done
    echo ')'
  } >tools.go
  go mod tidy >/dev/null
}

if locked; then
  grep -qE "^[[:space:]]*(require )?k8s.io/kubernetes ${version}\$" "$lock/go.mod" ||
    { log "lock ${lock} does not pin k8s.io/kubernetes ${version}"; exit 1; }
  log "using locked dependencies from ${lock}"
  cp "$lock/go.mod" "$lock/go.sum" .
else
  resolve_modules
fi

# kubeadm refuses unversioned builds: stamp both version packages like hack/lib/version.sh.
minor="${version#v1.}"
minor="${minor%%.*}"
build_date="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
ldflags="-s -w"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  ldflags+=" -X ${pkg}.gitVersion=${version} -X ${pkg}.gitMajor=1 -X ${pkg}.gitMinor=${minor}"
  ldflags+=" -X ${pkg}.gitCommit=0000000000000000000000000000000000000000 -X ${pkg}.gitTreeState=clean"
  ldflags+=" -X ${pkg}.buildDate=${build_date}"
done
export CGO_ENABLED=0 GOOS=linux GOARCH=amd64

log "go build kubeadm"
go build -trimpath -ldflags "$ldflags" -o "$out/kubeadm" k8s.io/kubernetes/cmd/kubeadm
"$out/kubeadm" version -o short | grep -qx "$version"
touch "$out/.kubeadm-ready"

# One invocation for the rest: packages compile once and links overlap with compiles.
log "go build ${binaries[*]}"
packages=()
for b in "${binaries[@]}"; do packages+=("k8s.io/kubernetes/cmd/${b}"); done
total="$(go list -deps "${packages[@]}" | wc -l)"
# -v names each package as it compiles (cached ones are skipped): report every 100th, so a
# cold build of ten minutes or more shows how far along it is.
go build -v -trimpath -ldflags "$ldflags" -o "$out/" "${packages[@]}" 2>&1 |
  awk -v total="$total" -v tag="[kubernetes ${version}]" '
    /^(#|go: |[^ ]*\.go:)/ { print; next }
    { n++; if (n % 100 == 0) printf "%s compiled %d packages (of at most %d)\n", tag, n, total; fflush() }'
status=("${PIPESTATUS[@]}")
((status[0] == 0)) || { log "go build failed"; exit 1; }

echo "$stamp" >"$out/.complete"
log "done: $(du -sh "$out" | cut -f1)"
