#!/usr/bin/env bash
# Builds Slipway's offline, kind-compatible node image and the HA load-balancer image from
# Debian packages and the Go module proxy only (no container registry). Idempotent and
# incremental: every step keeps its output in the cache and is skipped when its inputs did
# not change; when both final images carry the hash of the current inputs it exits at once.
#
# Usage: images/node/build.sh            (or: npm run images:node)
# Environment:
#   KUBERNETES_VERSION  release to build (default v1.34.4)
#   NODE_IMAGE          default localhost/slipway/node:$KUBERNETES_VERSION
#   HAPROXY_IMAGE       default localhost/slipway/haproxy:2.6-bookworm
#   SLIPWAY_CACHE_DIR   cache root (default ~/.cache/slipway); outputs go to images/ in it
#   DEBIAN_MIRROR       debootstrap mirror (default: the host's apt mirror)
set -euo pipefail

NODE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/lib.sh
source "${NODE_DIR}/scripts/lib.sh"
export HASH_ROOT="$NODE_DIR"

K8S_VERSION="${KUBERNETES_VERSION:-v1.34.4}"
KUBE_ROUTER_VERSION=v2.1.0
LOCAL_PATH_VERSION=v0.0.30
DEBIAN_SUITE=bookworm
HAPROXY_SERIES=2.6
NODE_IMAGE="${NODE_IMAGE:-localhost/slipway/node:${K8S_VERSION}}"
HAPROXY_IMAGE="${HAPROXY_IMAGE:-localhost/slipway/haproxy:${HAPROXY_SERIES}-${DEBIAN_SUITE}}"
# Names our own manifests use (default-cni.yaml, default-storage.yaml); checked below.
KUBE_ROUTER_IMAGE="localhost/slipway/kube-router:${KUBE_ROUTER_VERSION}"
LOCAL_PATH_IMAGE="localhost/slipway/local-path-provisioner:${LOCAL_PATH_VERSION}"
LOCAL_PATH_HELPER_IMAGE="localhost/slipway/local-path-helper:1.35-${DEBIAN_SUITE}"

CACHE="${SLIPWAY_CACHE_DIR:-${HOME}/.cache/slipway}/images"
K8S_OUT="${CACHE}/kubernetes/${K8S_VERSION}"
GO_OUT="${CACHE}/go"
LOGS="${CACHE}/logs"

NODE_PACKAGES=systemd,containerd,runc,containernetworking-plugins,iptables,nftables,conntrack,iproute2,ethtool,util-linux,mount,kmod,libseccomp2,pigz,e2fsprogs,bash,ca-certificates,curl,jq,procps,socat
NETBASE_PACKAGES=iptables,nftables,conntrack,ipset,iproute2,kmod,busybox-static
HAPROXY_PACKAGES=haproxy

# --- inputs -------------------------------------------------------------------------------

node_inputs_hash() {
  hash_inputs build.sh scripts go-locks rootfs node components manifests -- \
    "$K8S_VERSION" "$KUBE_ROUTER_VERSION" "$LOCAL_PATH_VERSION" "$DEBIAN_SUITE" "$(go env GOVERSION)" \
    "$NODE_PACKAGES" "$NETBASE_PACKAGES"
}

haproxy_inputs_hash() {
  hash_inputs haproxy scripts/build-rootfs.sh -- "$DEBIAN_SUITE" "$HAPROXY_PACKAGES" "$HAPROXY_SERIES"
}

# Path of the cached rootfs tarball for a package list (named after its inputs).
rootfs_tar() {
  echo "${CACHE}/rootfs/$1-$(hash_inputs scripts/build-rootfs.sh -- "$DEBIAN_SUITE" "$2" | cut -c1-16).tar"
}

check_prerequisites() {
  local cmd
  for cmd in go docker debootstrap gcc sha256sum; do
    command -v "$cmd" >/dev/null || die "missing prerequisite: ${cmd}"
  done
  ((EUID == 0)) || die "debootstrap needs root; run as root"
  docker info >/dev/null 2>&1 || die "docker daemon not reachable"
}

# --- background jobs ------------------------------------------------------------------------

declare -A JOBS=()

# Runs a function in the background with its output in $LOGS/NAME.log.
start_job() {
  local name="$1"
  shift
  step "${name}: started (log: ${LOGS}/${name}.log)"
  "$@" >"${LOGS}/${name}.log" 2>&1 &
  JOBS[$name]=$!
}

wait_jobs() {
  local name failed=()
  for name in "${!JOBS[@]}"; do
    if wait "${JOBS[$name]}"; then
      step "${name}: done"
    else
      failed+=("$name")
      tail -n 25 "${LOGS}/${name}.log" | sed "s/^/[node-image]   ${name}: /" >&2
    fi
  done
  JOBS=()
  ((${#failed[@]} == 0)) || die "failed: ${failed[*]}"
}

build_rootfs_tarballs() {
  local args
  for args in "node ${NODE_PACKAGES}" "netbase ${NETBASE_PACKAGES}" "haproxy ${HAPROXY_PACKAGES}"; do
    set -- $args
    "${NODE_DIR}/scripts/build-rootfs.sh" "$(rootfs_tar "$1" "$2")" "$2" "$DEBIAN_SUITE"
  done
}

go_binary() {
  local name="$1" module="$2" package="$3" version="$4"
  nice -n 19 "${NODE_DIR}/scripts/build-go-binary.sh" "${GO_OUT}/${name}-${version}" \
    "${module}@${version}" "$package" "$name" "${NODE_DIR}/go-locks/${name}-${version}"
}

# Prints the tag kubeadm wants for an image (e.g. `etcd` -> 3.6.5-0).
kubeadm_image_tag() {
  "${K8S_OUT}/kubeadm" config images list --kubernetes-version "$K8S_VERSION" | sed -n "s#.*/$1:##p"
}

build_go_components() {
  # kube-router's release is missing from the proxy's checksum database. Its lock carries the
  # checksum; without a lock (another version) the proxy has to be trusted.
  GONOSUMDB=github.com/cloudnativelabs/kube-router \
    go_binary kube-router github.com/cloudnativelabs/kube-router/v2 \
    github.com/cloudnativelabs/kube-router/v2/cmd/kube-router "$KUBE_ROUTER_VERSION"
  go_binary local-path-provisioner github.com/rancher/local-path-provisioner \
    github.com/rancher/local-path-provisioner "$LOCAL_PATH_VERSION"
  # etcd and CoreDNS must be exactly the versions this kubeadm asks for.
  until [[ -f "${K8S_OUT}/.kubeadm-ready" || -f "${K8S_OUT}/.complete" ]]; do
    kill -0 "${JOBS[kubernetes]}" 2>/dev/null || die "the kubernetes build stopped before kubeadm was ready"
    sleep 5
  done
  local etcd_tag coredns_tag
  etcd_tag="$(kubeadm_image_tag etcd)"
  coredns_tag="$(kubeadm_image_tag coredns)"
  go_binary etcd go.etcd.io/etcd/server/v3 go.etcd.io/etcd/server/v3 "v${etcd_tag%-*}"
  go_binary coredns github.com/coredns/coredns github.com/coredns/coredns "$coredns_tag"
}

# --- pause -----------------------------------------------------------------------------------

# Compiles pause.c from the k8s.io/kubernetes module (the same source upstream ships).
build_pause() {
  local tag="$1" out="${CACHE}/pause/$1" source
  stamp_matches "$out" "$tag $K8S_VERSION" && return 0
  source="$(cd "${K8S_OUT}.mod" && go list -m -f '{{.Dir}}' k8s.io/kubernetes)/build/pause/linux/pause.c"
  mkdir -p "$out"
  gcc -Os -Wall -Werror -static -DVERSION="v${tag}" -o "${out}/pause" "$source"
  strip "${out}/pause"
  echo "$tag $K8S_VERSION" >"${out}/.complete"
}

# --- images ----------------------------------------------------------------------------------

# Builds an image with the classic builder (works offline, supports STOPSIGNAL) unless an
# image with this name already carries the same inputs hash.
build_image() {
  local ref="$1" dockerfile="$2" context="$3" hash="$4"
  shift 4
  if image_is_current "$ref" "$hash"; then
    step "image ${ref}: up to date"
    return 0
  fi
  step "image ${ref}: building"
  DOCKER_BUILDKIT=0 docker build --quiet --force-rm --label "${INPUTS_LABEL}=${hash}" \
    --tag "$ref" --file "$dockerfile" "$@" "$context" >>"${LOGS}/docker-build.log" 2>&1 || {
    tail -n 20 "${LOGS}/docker-build.log" >&2
    die "docker build of ${ref} failed"
  }
}

# Fresh build context with the given files (hard-linked when possible: binaries are big).
stage_context() {
  local dir="${CACHE}/contexts/$1" file
  shift
  rm -rf "$dir"
  mkdir -p "$dir/skeleton/tmp"
  chmod 1777 "$dir/skeleton/tmp"
  cp -r "${NODE_DIR}/components/skeleton/." "$dir/skeleton/"
  for file in "$@"; do
    cp -l "$file" "$dir/" 2>/dev/null || cp "$file" "$dir/"
  done
  echo "$dir"
}

# A component image from one binary; its inputs are the Dockerfile and the binary's stamp.
build_binary_image() {
  local ref="$1" dockerfile="$2" binary="$3" context hash
  shift 3
  context="$(stage_context "$(basename "$binary")" "$binary")"
  hash="$(hash_inputs "components/${dockerfile}" components/skeleton -- "$ref" \
    "$(cat "$(dirname "$binary")/.complete")" "$@")"
  build_image "$ref" "${NODE_DIR}/components/${dockerfile}" "$context" "$hash" "$@"
}

netbase_image() { echo "localhost/slipway/netbase:${DEBIAN_SUITE}"; }

build_netbase_image() {
  local tar context hash
  tar="$(rootfs_tar netbase "$NETBASE_PACKAGES")"
  context="$(stage_context netbase "$tar" "${NODE_DIR}/components/iptables-wrapper")"
  mv "${context}/$(basename "$tar")" "${context}/rootfs.tar"
  hash="$(hash_inputs components/iptables-base.Dockerfile components/iptables-wrapper -- "$(basename "$tar")")"
  build_image "$(netbase_image)" "${NODE_DIR}/components/iptables-base.Dockerfile" "$context" "$hash"
}

build_local_path_helper_image() {
  local tar context hash
  tar="$(rootfs_tar netbase "$NETBASE_PACKAGES")"
  context="$(stage_context local-path-helper)"
  tar -xf "$tar" -C "$context" ./usr/bin/busybox
  mv "${context}/usr/bin/busybox" "${context}/busybox"
  hash="$(hash_inputs components/local-path-helper.Dockerfile components/skeleton -- "$(basename "$tar")")"
  build_image "$LOCAL_PATH_HELPER_IMAGE" "${NODE_DIR}/components/local-path-helper.Dockerfile" "$context" "$hash"
}

# Every image the node preloads, by the names kubeadm and our manifests use.
component_refs() {
  "${K8S_OUT}/kubeadm" config images list --kubernetes-version "$K8S_VERSION"
  printf '%s\n' "$KUBE_ROUTER_IMAGE" "$LOCAL_PATH_IMAGE" "$LOCAL_PATH_HELPER_IMAGE"
}

build_component_images() {
  local repo=registry.k8s.io base_id c
  for c in kube-apiserver kube-controller-manager kube-scheduler; do
    build_binary_image "${repo}/${c}:${K8S_VERSION}" static.Dockerfile "${K8S_OUT}/${c}" --build-arg "BINARY=${c}"
  done
  local etcd_tag coredns_tag pause_tag
  etcd_tag="$(kubeadm_image_tag etcd)"
  coredns_tag="$(kubeadm_image_tag coredns)"
  pause_tag="$(kubeadm_image_tag pause)"
  build_binary_image "${repo}/etcd:${etcd_tag}" static.Dockerfile "${GO_OUT}/etcd-v${etcd_tag%-*}/etcd" --build-arg BINARY=etcd
  build_binary_image "${repo}/coredns/coredns:${coredns_tag}" coredns.Dockerfile "${GO_OUT}/coredns-${coredns_tag}/coredns"
  build_pause "$pause_tag"
  build_binary_image "${repo}/pause:${pause_tag}" pause.Dockerfile "${CACHE}/pause/${pause_tag}/pause"
  build_binary_image "$LOCAL_PATH_IMAGE" static.Dockerfile \
    "${GO_OUT}/local-path-provisioner-${LOCAL_PATH_VERSION}/local-path-provisioner" --build-arg BINARY=local-path-provisioner
  build_local_path_helper_image
  build_netbase_image
  # By ID, so a rebuilt base changes the inputs (and the hash) of the images on top.
  base_id="$(docker image inspect --format '{{.Id}}' "$(netbase_image)")"
  build_binary_image "${repo}/kube-proxy:${K8S_VERSION}" kube-proxy.Dockerfile "${K8S_OUT}/kube-proxy" \
    --build-arg "BASE=${base_id}"
  build_binary_image "$KUBE_ROUTER_IMAGE" kube-router.Dockerfile "${GO_OUT}/kube-router-${KUBE_ROUTER_VERSION}/kube-router" \
    --build-arg "BASE=${base_id}"
}

# Saves all component images into one archive, named after their image IDs.
save_component_archive() {
  local refs ids archive
  mapfile -t refs < <(component_refs)
  ids="$(docker image inspect --format '{{.Id}}' "${refs[@]}" | sort | sha256sum | cut -c1-16)"
  archive="${CACHE}/archives/components-${ids}.tar"
  if [[ ! -s "$archive" ]]; then
    step "saving ${#refs[@]} component images"
    mkdir -p "${CACHE}/archives"
    find "${CACHE}/archives" -name 'components-*.tar' -delete
    docker save "${refs[@]}" -o "${archive}.partial"
    mv "${archive}.partial" "$archive"
  fi
  echo "$archive"
}

# The manifests are ours and name our images: fail early if they drifted from this script.
check_manifest_images() {
  local ref
  while read -r ref; do
    [[ "$ref" == "$KUBE_ROUTER_IMAGE" || "$ref" == "$LOCAL_PATH_IMAGE" || "$ref" == "$LOCAL_PATH_HELPER_IMAGE" ]] ||
      die "manifests reference ${ref}, which this build does not produce"
  done < <(grep -hoE 'image: *[^ ]+' "${NODE_DIR}"/manifests/*.yaml | sed -E 's/image: *//; s/"//g' | sort -u)
}

build_node_base_image() {
  local ref="localhost/slipway/node-base:${K8S_VERSION}" context tar pause_image hash b
  tar="$(rootfs_tar node "$NODE_PACKAGES")"
  pause_image="$(component_refs | grep '/pause:')"
  context="${CACHE}/contexts/node"
  rm -rf "$context"
  mkdir -p "${context}/bin" "${context}/kind/manifests"
  cp -l "$tar" "${context}/rootfs.tar" 2>/dev/null || cp "$tar" "${context}/rootfs.tar"
  for b in kubeadm kubelet kubectl; do cp -l "${K8S_OUT}/${b}" "${context}/bin/" 2>/dev/null || cp "${K8S_OUT}/${b}" "${context}/bin/"; done
  cp -a "${NODE_DIR}/rootfs" "${context}/rootfs"
  cp "${NODE_DIR}/node/configure-node.sh" "${context}/"
  cp "${NODE_DIR}"/manifests/*.yaml "${context}/kind/manifests/"
  echo "$K8S_VERSION" >"${context}/kind/version"
  hash="$(hash_inputs node rootfs manifests -- "$(basename "$tar")" "$(cat "${K8S_OUT}/.complete")" "$pause_image")"
  build_image "$ref" "${NODE_DIR}/node/Dockerfile" "$context" "$hash" --build-arg "PAUSE_IMAGE=${pause_image}"
  echo "$ref"
}

build_haproxy_image() {
  local hash="$1" tar context
  tar="$(rootfs_tar haproxy "$HAPROXY_PACKAGES")"
  context="$(stage_context haproxy "$tar" "${NODE_DIR}/haproxy/haproxy.cfg" "${NODE_DIR}/haproxy/haproxy-start")"
  mv "${context}/$(basename "$tar")" "${context}/rootfs.tar"
  build_image "$HAPROXY_IMAGE" "${NODE_DIR}/haproxy/Dockerfile" "$context" "$hash" \
    --build-arg "HAPROXY_SERIES=${HAPROXY_SERIES}"
}

# --- main --------------------------------------------------------------------------------------

main() {
  local started=$SECONDS node_hash haproxy_hash base archive
  check_prerequisites
  node_hash="$(node_inputs_hash)"
  haproxy_hash="$(haproxy_inputs_hash)"
  if image_is_current "$NODE_IMAGE" "$node_hash" && image_is_current "$HAPROXY_IMAGE" "$haproxy_hash"; then
    step "up to date: ${NODE_IMAGE} and ${HAPROXY_IMAGE}"
    return 0
  fi
  mkdir -p "$LOGS" "$GO_OUT" "${CACHE}/rootfs"
  check_manifest_images
  step "building ${NODE_IMAGE} (Kubernetes ${K8S_VERSION}) in ${CACHE}"
  start_job kubernetes "${NODE_DIR}/scripts/build-kubernetes.sh" "$K8S_VERSION" "$K8S_OUT" \
    "${NODE_DIR}/go-locks/kubernetes-${K8S_VERSION}"
  start_job rootfs build_rootfs_tarballs
  start_job go-components build_go_components
  wait_jobs
  build_component_images
  archive="$(save_component_archive)"
  base="$(build_node_base_image)"
  if image_is_current "$NODE_IMAGE" "$node_hash"; then
    step "image ${NODE_IMAGE}: up to date"
  else
    step "preloading component images into ${NODE_IMAGE}"
    "${NODE_DIR}/scripts/preload-images.sh" "$base" "$archive" "$NODE_IMAGE" "${INPUTS_LABEL}=${node_hash}" \
      $(component_refs) >>"${LOGS}/preload.log" 2>&1 || {
      tail -n 20 "${LOGS}/preload.log" >&2
      die "preloading images failed"
    }
  fi
  build_haproxy_image "$haproxy_hash"
  step "done in $((SECONDS - started))s: ${NODE_IMAGE} ($(docker image inspect --format '{{.Size}}' "$NODE_IMAGE" | numfmt --to=iec)), ${HAPROXY_IMAGE}"
}

main "$@"; exit
