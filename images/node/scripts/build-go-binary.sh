#!/usr/bin/env bash
# Builds static binaries from a tagged Go module through the module proxy. A throw-away
# consumer module requires MODULE@VERSION, so `replace` directives inside MODULE's own go.mod
# (etcd has several) are ignored and every dependency resolves to a published version.
# With a lock directory (go.mod + go.sum recorded by update-go-locks.sh) the build uses exactly
# those versions and checksums; without one it resolves them with `go mod tidy`.
# Usage: build-go-binary.sh OUT_DIR MODULE@VERSION PACKAGES NAME [LOCK_DIR]
#   PACKAGES: one main package (its binary is called NAME), or several separated by spaces
#   (each binary is named after the last element of its package path).
#   e.g. build-go-binary.sh /cache/go/etcd-v3.6.5 go.etcd.io/etcd/server/v3@v3.6.5 \
#          go.etcd.io/etcd/server/v3 etcd images/node/go-locks/etcd-v3.6.5
# Environment (all optional, all part of the stamp):
#   GO_TAGS      build tags, comma-separated
#   GO_LDFLAGS   extra -ldflags (version stamps: -X pkg.var=value)
#   GO_CGO=1     build with cgo, linked statically (runc needs it for libseccomp)
#   GO_PATCH     a patch (-p1) applied to a copy of MODULE's source before building; see
#                images/node/patches/README.md for why each one exists
set -euo pipefail

out="$1"
module_at_version="$2"
packages="$3"
name="$4"
lock="${5:-}"
work="${out}.mod"
module="${module_at_version%@*}"
tags="${GO_TAGS:-}"
extra_ldflags="${GO_LDFLAGS:-}"
cgo="${GO_CGO:-0}"
patch_file="${GO_PATCH:-}"

log() { printf '[go %s] %s\n' "$name" "$*" >&2; }

locked() { [[ -n "$lock" && -f "$lock/go.mod" && -f "$lock/go.sum" ]]; }

read -r -a package_list <<<"$packages"
# The files the build must produce.
binaries=()
if ((${#package_list[@]} == 1)); then
  binaries=("$name")
else
  for p in "${package_list[@]}"; do binaries+=("${p##*/}"); done
fi

# Outputs are reused only if built by this script, from the same module, lock, Go and options.
stamp="$(sha256sum <"${BASH_SOURCE[0]}" | cut -d' ' -f1) $(go env GOVERSION) ${module_at_version} ${packages}"
stamp+=" tags=${tags} ldflags=${extra_ldflags} cgo=${cgo}"
if [[ -n "$patch_file" ]]; then stamp+=" patch=$(sha256sum <"$patch_file" | cut -d' ' -f1)"; fi
if locked; then stamp+=" $(cat "$lock/go.mod" "$lock/go.sum" | sha256sum | cut -d' ' -f1)"; fi
all_present() {
  local b
  for b in "${binaries[@]}"; do [[ -x "$out/$b" ]] || return 1; done
}
if all_present && [[ -f "$out/.complete" && "$(cat "$out/.complete")" == "$stamp" ]]; then
  log "cached in $out"
  exit 0
fi
rm -f "$out/.complete"

rm -rf "$work"
mkdir -p "$work" "$out"
cd "$work"

# A patched module is built from a writable copy of its source, swapped in with `replace`.
stage_patched_source() {
  local dir
  dir="$(go mod download -json "$module_at_version" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')"
  [[ -n "$dir" ]] || { log "could not download ${module_at_version}"; exit 1; }
  cp -r "$dir" src
  chmod -R u+w src
  log "applying $(basename "$patch_file")"
  patch --quiet --directory=src -p1 <"$patch_file"
}

if [[ -n "$patch_file" ]]; then stage_patched_source; fi
if locked; then
  grep -qE "^[[:space:]]*(require )?${module} ${module_at_version#*@}\$" "$lock/go.mod" ||
    { log "lock ${lock} does not pin ${module_at_version}"; exit 1; }
  log "using locked dependencies from ${lock}"
  cp "$lock/go.mod" "$lock/go.sum" .
else
  go mod init "slipway.local/build-${name}" >/dev/null 2>&1
  go mod edit -require="$module_at_version"
  if [[ -n "$patch_file" ]]; then go mod edit -replace="${module}=./src"; fi
  # The blank imports make `go mod tidy` record every module the main packages need; the
  # build tag keeps the file out of compilation (a main package cannot be imported for real).
  {
    printf '//go:build tools\n\npackage tools\n\nimport (\n'
    for p in "${package_list[@]}"; do printf '\t_ "%s"\n' "$p"; done
    printf ')\n'
  } >tools.go
  log "resolving ${module_at_version} (no lock: versions may drift; see update-go-locks.sh)"
  go mod tidy >/dev/null
fi

ldflags="-s -w ${extra_ldflags}"
if [[ "$cgo" == 1 ]]; then ldflags+=" -linkmode external -extldflags -static"; fi
target="$out/$name"
((${#package_list[@]} == 1)) || target="$out/"
log "go build ${packages}"
CGO_ENABLED="$cgo" GOOS=linux GOARCH=amd64 go build -trimpath -tags "$tags" -ldflags "$ldflags" \
  -o "$target" "${package_list[@]}"
all_present || { log "the build did not produce ${binaries[*]}"; exit 1; }
echo "$stamp" >"$out/.complete"
log "done: $(du -sh "$out" | cut -f1)"
