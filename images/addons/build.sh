#!/usr/bin/env bash
# Builds the hermetic add-on images offline: Go binaries from the Go module proxy, Debian
# packages, and Slipway's own stand-ins from images/addons/<dir> (kind "src": one binary whose
# first argument picks the personality) for upstream images whose sources the proxy refuses.
# Stand-ins are named as Slipway's and only enter the opt-in map (see write_overrides).
# Each is packed FROM scratch as localhost/slipway/addons/<name>:<version>, labelled
# with a hash of its inputs so a warm run only checks labels. Writes the image override map
# the bundles are used through (docs/addons.md, "Air-gapped use").
# Usage: images/addons/build.sh [--dry-run] [NAME...]
#   NAME is an add-on (registry, ingress, csi-hostpath, metrics-server: every image it uses)
#   or one image of the table below; none builds every image. --dry-run prints what would
#   be built, in order, and builds nothing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${SLIPWAY_CACHE_DIR:-$HOME/.cache/slipway}/images/addons"
# The node image build's Kubernetes compile of the default release (images/node/releases.json).
default_patch="$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).releases[0].patch' "$here/../node/releases.json")"
k8s_ready="${SLIPWAY_CACHE_DIR:-$HOME/.cache/slipway}/images/kubernetes/${default_patch}/.complete"
prefix="localhost/slipway/addons"
label="dev.slipway.input-hash"
mkdir -p "$cache"

log() { printf '[addon-images] %s\n' "$*" >&2; }

# name | kind | source | package or path | version | upstream repository (override key) | add-on
table="$(cat <<'TABLE'
registry|deb|docker-registry|/usr/bin/docker-registry|2.8.2|docker.io/library/registry|registry
metrics-server|go|sigs.k8s.io/metrics-server@v0.8.0|./cmd/metrics-server|v0.8.0|registry.k8s.io/metrics-server/metrics-server|metrics-server
traefik|go|github.com/traefik/traefik/v3@v3.6.13|./cmd/traefik|v3.6.13|docker.io/library/traefik|ingress
snapshot-controller|go|github.com/kubernetes-csi/external-snapshotter/v8@v8.6.0|./cmd/snapshot-controller|v8.6.0|registry.k8s.io/sig-storage/snapshot-controller|csi-hostpath
csi-snapshotter|go|github.com/kubernetes-csi/external-snapshotter/v8@v8.6.0|./cmd/csi-snapshotter|v8.6.0|registry.k8s.io/sig-storage/csi-snapshotter|csi-hostpath
csi-provisioner|go|github.com/kubernetes-csi/external-provisioner/v6@v6.3.0|./cmd/csi-provisioner|v6.3.0|registry.k8s.io/sig-storage/csi-provisioner|csi-hostpath
slipway-csi-hostpath-plugin|src|csi-hostpath|plugin|v0.1.0|registry.k8s.io/sig-storage/hostpathplugin|csi-hostpath
slipway-csi-hostpath-registrar|src|csi-hostpath|registrar|v0.1.0|registry.k8s.io/sig-storage/csi-node-driver-registrar|csi-hostpath
slipway-csi-hostpath-livenessprobe|src|csi-hostpath|livenessprobe|v0.1.0|registry.k8s.io/sig-storage/livenessprobe|csi-hostpath
TABLE
)"

# Version stamps per image: without them the binaries report "unknown" or "dev". Never stamp
# k8s.io/component-base's version into an aggregated API server (metrics-server): its API
# library reads that as the Kubernetes version it emulates, and at "0.9" it serves no groups.
ldflags_for() {
  case "$1" in
    metrics-server) echo "-X k8s.io/client-go/pkg/version.gitVersion=$2" ;;
    traefik) echo "-X github.com/traefik/traefik/v3/pkg/version.Version=$2" ;;
    *) echo "-X main.version=$2" ;;
  esac
}

entrypoint_for() { # name kind source package
  case "$2" in
    deb) echo '["/bin/registry","serve","/etc/distribution/config.yml"]' ;;
    src) echo "[\"/bin/$3\",\"$4\"]" ;;
    *) echo "[\"/bin/$1\"]" ;;
  esac
}

# Hash of a stand-in's sources: a change to them rebuilds its binary and images.
source_hash() {
  (cd "$here/$1" && find . -name '*.go' -o -name go.mod -o -name go.sum | LC_ALL=C sort | xargs sha256sum) |
    sha256sum | cut -c1-16
}

build_src_binary() { # source-dir version out
  local source="$1" version="$2" out="$3"
  if [[ -x "$out" ]]; then return; fi
  log "$source: go test and go build (nice 19)"
  (cd "$here/$source" && nice -n 19 go test ./... >&2 &&
    CGO_ENABLED=0 GOOS=linux GOARCH=amd64 nice -n 19 go build -trimpath \
      -ldflags "-s -w -X main.version=$version" -o "$out.tmp" .)
  mv "$out.tmp" "$out"
}

input_hash() {
  { cat "$here/build.sh"; printf '%s\n' "$@"; } | sha256sum | cut -c1-16
}

current_hash() {
  docker image inspect --format "{{ index .Config.Labels \"$label\" }}" "$1" 2>/dev/null || true
}

# Go builds wait for the node image's Kubernetes compile so two big builds never share 2 cores.
wait_for_kubernetes_build() {
  while [[ ! -f "$k8s_ready" && -z "${SLIPWAY_ADDON_IMAGES_NO_WAIT:-}" ]]; do
    log "waiting for the Kubernetes build ($k8s_ready)"
    sleep 30
  done
}

build_go_binary() { # name module@version package version out
  local name="$1" module="$2" package="$3" version="$4" out="$5"
  local work="$cache/go/$name-$version"
  if [[ -x "$out" ]]; then return; fi
  wait_for_kubernetes_build
  log "$name: fetching $module"
  local dir
  dir="$(go mod download -json "$module" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')"
  rm -rf "$work" && mkdir -p "$(dirname "$work")" && cp -r "$dir" "$work" && chmod -R u+w "$work"
  cd "$work"
  # Replacements that point inside the repository (nested modules are not in a module zip)
  # resolve to the nested module published with the same tag.
  local old
  for old in $(grep -E '=>[[:space:]]+\.\.?/' go.mod | sed -E 's/^[[:space:]]*(replace[[:space:]]+)?([^[:space:]]+).*/\2/'); do
    go mod edit -replace="$old=$old@$version"
  done
  log "$name: go build $package (nice 19)"
  CGO_ENABLED=0 GOOS=linux GOARCH=amd64 nice -n 19 go build -mod=mod -trimpath \
    -ldflags "-s -w $(ldflags_for "$name" "$version")" -o "$out.tmp" "$package"
  mv "$out.tmp" "$out"
  cd "$here"
}

stage_deb_registry() { # rootfs
  local rootfs="$1" debs="$cache/debs"
  mkdir -p "$debs" && (cd "$debs" && apt-get download docker-registry libc6 >/dev/null 2>&1)
  for deb in "$debs"/docker-registry_*.deb "$debs"/libc6_*.deb; do dpkg -x "$deb" "$rootfs/.x"; done
  mkdir -p "$rootfs/bin" "$rootfs/lib/x86_64-linux-gnu" "$rootfs/lib64" "$rootfs/etc/distribution" "$rootfs/var/lib/registry"
  cp "$rootfs/.x/usr/bin/docker-registry" "$rootfs/bin/registry"
  cp -L "$rootfs/.x/lib/x86_64-linux-gnu/libc.so.6" "$rootfs/lib/x86_64-linux-gnu/"
  cp -L "$rootfs/.x/lib64/ld-linux-x86-64.so.2" "$rootfs/lib64/"
  cp "$here/registry-config.yml" "$rootfs/etc/distribution/config.yml"
  rm -rf "$rootfs/.x"
}

build_image() { # one table row
  local name kind source package version upstream addon
  IFS='|' read -r name kind source package version upstream addon <<<"$1"
  local ref="$prefix/$name:$version"
  local hash sources=""
  if [[ "$kind" == src ]]; then sources="$(source_hash "$source")"; fi
  hash="$(input_hash "$1" "$(cat "$here/registry-config.yml")" "$sources")"
  if [[ "$(current_hash "$ref")" == "$hash" ]]; then
    log "$ref is current ($hash)"
    return
  fi
  local context="$cache/context/$name"
  rm -rf "$context" && mkdir -p "$context/rootfs/bin" "$context/rootfs/tmp" "$context/rootfs/etc"
  if [[ "$kind" == go ]]; then
    # Keyed by the link flags too: a changed stamp must relink (the Go build cache keeps it quick).
    local binary
    binary="$cache/bin/$name-$version-$(ldflags_for "$name" "$version" | sha256sum | cut -c1-8)"
    mkdir -p "$cache/bin"
    build_go_binary "$name" "$source" "$package" "$version" "$binary"
    cp "$binary" "$context/rootfs/bin/$name"
    cp /etc/ssl/certs/ca-certificates.crt "$context/rootfs/etc/ca-certificates.crt"
  elif [[ "$kind" == src ]]; then
    local binary="$cache/bin/$source-$version-$sources"
    mkdir -p "$cache/bin"
    build_src_binary "$source" "$version" "$binary"
    cp "$binary" "$context/rootfs/bin/$source"
  else
    stage_deb_registry "$context/rootfs"
  fi
  printf 'nobody:x:65534:65534:nobody:/:/bin/false\n' >"$context/rootfs/etc/passwd"
  chmod 1777 "$context/rootfs/tmp"
  cat >"$context/Dockerfile" <<DOCKERFILE
FROM scratch
COPY rootfs/ /
ENV SSL_CERT_FILE=/etc/ca-certificates.crt
ENTRYPOINT $(entrypoint_for "$name" "$kind" "$source" "$package")
LABEL $label="$hash" dev.slipway.upstream="$upstream" dev.slipway.source="$source"
DOCKERFILE
  log "$ref: docker build"
  local replaced
  replaced="$(docker image inspect --format '{{.Id}}' "$ref" 2>/dev/null || true)"
  DOCKER_BUILDKIT=0 docker build -q -t "$ref" "$context" >/dev/null
  # The image this one replaces is now untagged; drop it unless something still uses it.
  if [[ -n "$replaced" && "$replaced" != "$(docker image inspect --format '{{.Id}}' "$ref")" ]]; then
    docker image rm "$replaced" >/dev/null 2>&1 || true
  fi
}

# Two maps: overrides.yaml holds only images built from upstream's own sources, and is what
# `addons enable` uses by default. with-standins.yaml adds Slipway's stand-ins (kind "src") for
# upstream images that cannot be built here; they are not upstream, so using them is a choice
# the user (or a test) makes explicitly with --images.
write_map() { # file kinds-regex header
  local file="$1" kinds="$2" header="$3"
  {
    echo "# Written by images/addons/build.sh: $header"
    echo "apiVersion: slipway.dev/v1alpha1"
    echo "kind: ImageOverrides"
    echo "images:"
    while IFS='|' read -r name kind _ _ version upstream _; do
      [[ "$kind" =~ ^($kinds)$ ]] || continue
      # Only images that exist: an override to a missing image would break enable offline.
      if docker image inspect "$prefix/$name:$version" >/dev/null 2>&1; then
        echo "  $upstream: $prefix/$name:$version"
      fi
    done <<<"$table"
  } >"$file"
  log "image map: $file"
}

write_overrides() {
  write_map "$cache/overrides.yaml" 'go|deb' 'upstream repositories → hermetic builds of their own sources.'
  write_map "$cache/with-standins.yaml" 'go|deb|src' \
    "the same, plus Slipway's stand-ins (images/addons/csi-hostpath) for upstream images that cannot be built offline."
}

usage() {
  printf 'usage: images/addons/build.sh [--dry-run] [NAME...]\n' >&2
  printf '  NAME: an add-on (%s) or an image (%s)\n' "$(known addon)" "$(known image)" >&2
}

# The distinct add-on (column 7) or image (column 1) names of the table, comma-separated.
known() {
  local column=1
  if [[ "$1" == addon ]]; then column=7; fi
  cut -d'|' -f"$column" <<<"$table" | awk '!seen[$0]++' | paste -sd, - | sed 's/,/, /g'
}

# The table rows NAMEs select (all rows without NAMEs); an unknown NAME is a usage error.
selected_rows() {
  if [[ $# -eq 0 ]]; then
    printf '%s\n' "$table"
    return
  fi
  local wanted
  for wanted in "$@"; do
    if ! cut -d'|' -f1,7 <<<"$table" | tr '|' '\n' | grep -qxF -- "$wanted"; then
      printf 'error: %s is neither an add-on with hermetic images nor an image of this script\n' "$wanted" >&2
      usage
      return 2
    fi
  done
  local row name addon
  while IFS= read -r row; do
    name="${row%%|*}"
    addon="${row##*|}"
    for wanted in "$@"; do
      if [[ "$wanted" == "$name" || "$wanted" == "$addon" ]]; then
        printf '%s\n' "$row"
        break
      fi
    done
  done <<<"$table"
}

main() {
  local dry_run=""
  case "${1:-}" in
    --dry-run) dry_run=1 && shift ;;
    -h | --help) usage && return 0 ;;
    -*) printf 'error: unknown option %s\n' "$1" >&2 && usage && return 2 ;;
  esac
  local rows
  rows="$(selected_rows "$@")" || return $?
  local total count=0 started=$SECONDS row name version addon
  total="$(wc -l <<<"$rows")"
  while IFS= read -r row; do
    count=$((count + 1))
    IFS='|' read -r name _ _ _ version _ addon <<<"$row"
    if [[ -n "$dry_run" ]]; then
      printf '%s/%s:%s (%s)\n' "$prefix" "$name" "$version" "$addon"
      continue
    fi
    log "($count/$total) $name $version for the $addon add-on"
    build_image "$row"
  done <<<"$rows"
  if [[ -n "$dry_run" ]]; then return 0; fi
  write_overrides
  log "done in $((SECONDS - started)) s"
}

main "$@"
