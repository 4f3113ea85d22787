#!/usr/bin/env bash
# Builds one static binary from a tagged Go module through the module proxy. A throw-away
# consumer module requires MODULE@VERSION, so `replace` directives inside MODULE's own go.mod
# (etcd has several) are ignored and every dependency resolves to a published version.
# With a lock directory (go.mod + go.sum recorded by update-go-locks.sh) the build uses exactly
# those versions and checksums; without one it resolves them with `go mod tidy`.
# Usage: build-go-binary.sh OUT_DIR MODULE@VERSION PACKAGE NAME [LOCK_DIR]
#   e.g. build-go-binary.sh /cache/go/etcd-v3.6.5 go.etcd.io/etcd/server/v3@v3.6.5 \
#          go.etcd.io/etcd/server/v3 etcd images/node/go-locks/etcd-v3.6.5
set -euo pipefail

out="$1"
module_at_version="$2"
package="$3"
name="$4"
lock="${5:-}"
work="${out}.mod"

log() { printf '[go %s] %s\n' "$name" "$*" >&2; }

locked() { [[ -n "$lock" && -f "$lock/go.mod" && -f "$lock/go.sum" ]]; }

# Outputs are reused only if built by this script, from the same module, lock and Go.
stamp="$(sha256sum <"${BASH_SOURCE[0]}" | cut -d' ' -f1) $(go env GOVERSION) ${module_at_version} ${package}"
if locked; then stamp+=" $(cat "$lock/go.mod" "$lock/go.sum" | sha256sum | cut -d' ' -f1)"; fi
if [[ -x "$out/$name" && -f "$out/.complete" && "$(cat "$out/.complete")" == "$stamp" ]]; then
  log "cached in $out"
  exit 0
fi
rm -f "$out/.complete"

rm -rf "$work"
mkdir -p "$work" "$out"
cd "$work"
if locked; then
  grep -qE "^[[:space:]]*(require )?${module_at_version%@*} ${module_at_version#*@}\$" "$lock/go.mod" ||
    { log "lock ${lock} does not pin ${module_at_version}"; exit 1; }
  log "using locked dependencies from ${lock}"
  cp "$lock/go.mod" "$lock/go.sum" .
else
  go mod init "slipway.local/build-${name}" >/dev/null 2>&1
  go mod edit -require="$module_at_version"
  # The blank import makes `go mod tidy` record every module the main package needs; the
  # build tag keeps the file out of compilation (a main package cannot be imported for real).
  printf '//go:build tools\n\npackage tools\n\nimport _ "%s"\n' "$package" >tools.go
  log "resolving ${module_at_version} (no lock: versions may drift; see update-go-locks.sh)"
  go mod tidy >/dev/null
fi

log "go build ${package}"
CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build -trimpath -ldflags "-s -w" -o "$out/$name" "$package"
echo "$stamp" >"$out/.complete"
log "done: $(du -h "$out/$name" | cut -f1)"
