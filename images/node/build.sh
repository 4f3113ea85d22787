#!/usr/bin/env bash
# Builds Slipway's offline, kind-compatible node image and the HA load-balancer image from
# Debian packages and the Go module proxy only (no container registry). Idempotent and
# incremental: every step keeps its output in the cache and is skipped when its inputs did
# not change; when both final images carry the hash of the current inputs it exits at once.
#
# Usage: images/node/build.sh            (or: npm run images:node)
# Environment:
#   KUBERNETES_VERSION  release to build: a minor (v1.36) or a patch from releases.json
#                       (default: the catalog's newest release)
#   NODE_IMAGE          default localhost/slipway/node:$KUBERNETES_VERSION
#   HAPROXY_IMAGE       default localhost/slipway/haproxy:2.6-bookworm
#   SLIPWAY_CACHE_DIR   cache root (default ~/.cache/slipway); outputs go to images/ in it
#   DEBIAN_MIRROR       debootstrap mirror (default: the host's apt mirror)
set -euo pipefail

NODE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/lib.sh
source "${NODE_DIR}/scripts/lib.sh"
export HASH_ROOT="$NODE_DIR"

# The release catalog (releases.json) is the one home of which releases exist.
catalog_release() {
  node -e '
    const { releases } = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const wanted = (process.argv[2] || "").replace(/^v/, "");
    const hit = wanted === "" ? releases[0] : releases.find((r) => r.minor === wanted || r.patch === `v${wanted}`);
    if (!hit) {
      console.error(`KUBERNETES_VERSION=${process.argv[2]} is not in the release catalog; supported: ${releases.map((r) => `v${r.minor} (${r.patch})`).join(", ")}`);
      process.exit(2);
    }
    console.log(hit.patch);' "${NODE_DIR}/releases.json" "${1:-}"
}
K8S_VERSION="$(catalog_release "${KUBERNETES_VERSION:-}")" || exit 2
# The node's runtime, built from Go modules like Kubernetes (Debian's containerd 1.6 cannot run
# Kubernetes 1.36+), and the pod network: flannel (routes) with kube-network-policies.
CONTAINERD_VERSION=v2.4.2
RUNC_VERSION=v1.5.3
CNI_PLUGINS_VERSION=v1.10.0
FLANNEL_VERSION=v0.28.10
NETWORK_POLICIES_VERSION=v0.8.0
LOCAL_PATH_VERSION=v0.0.30
DEBIAN_SUITE=bookworm
HAPROXY_SERIES=2.6
NODE_IMAGE="${NODE_IMAGE:-localhost/slipway/node:${K8S_VERSION}}"
HAPROXY_IMAGE="${HAPROXY_IMAGE:-localhost/slipway/haproxy:${HAPROXY_SERIES}-${DEBIAN_SUITE}}"
# Names our own manifests use (default-cni.yaml, default-storage.yaml); checked below.
FLANNEL_IMAGE="localhost/slipway/flannel:${FLANNEL_VERSION}"
NETWORK_POLICIES_IMAGE="localhost/slipway/kube-network-policies:${NETWORK_POLICIES_VERSION}"
LOCAL_PATH_IMAGE="localhost/slipway/local-path-provisioner:${LOCAL_PATH_VERSION}"
LOCAL_PATH_HELPER_IMAGE="localhost/slipway/local-path-helper:1.35-${DEBIAN_SUITE}"

CACHE="${SLIPWAY_CACHE_DIR:-${HOME}/.cache/slipway}/images"
K8S_OUT="${CACHE}/kubernetes/${K8S_VERSION}"
GO_OUT="${CACHE}/go"
LOGS="${CACHE}/logs"

NODE_PACKAGES=systemd,iptables,nftables,conntrack,iproute2,ethtool,util-linux,mount,kmod,libseccomp2,pigz,e2fsprogs,bash,ca-certificates,curl,jq,procps,socat
NETBASE_PACKAGES=iptables,nftables,conntrack,ipset,iproute2,kmod,busybox-static
HAPROXY_PACKAGES=haproxy

# --- inputs -------------------------------------------------------------------------------

node_inputs_hash() {
  hash_inputs build.sh scripts go-locks patches rootfs node components manifests -- \
    "$K8S_VERSION" "$CONTAINERD_VERSION" "$RUNC_VERSION" "$CNI_PLUGINS_VERSION" "$FLANNEL_VERSION" \
    "$NETWORK_POLICIES_VERSION" "$LOCAL_PATH_VERSION" "$DEBIAN_SUITE" "$(go env GOVERSION)" \
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

# The newest progress line of a job's log ("[go flannel] go build …"), for the live status.
job_status() {
  grep -E '^\[[a-z0-9 .-]+\] ' "${LOGS}/$1.log" 2>/dev/null | tail -n 1 | cut -c1-110 || true
}

# Waits for every job; meanwhile, every PROGRESS_SECONDS (default 30) one status line per
# running job says what it is doing, so a cold build of tens of minutes is never silent.
wait_jobs() {
  local name failed=() started=$SECONDS last=$SECONDS running
  while :; do
    running=()
    for name in "${!JOBS[@]}"; do kill -0 "${JOBS[$name]}" 2>/dev/null && running+=("$name"); done
    ((${#running[@]} > 0)) || break
    if ((SECONDS - last >= ${PROGRESS_SECONDS:-30})); then
      last=$SECONDS
      for name in "${running[@]}"; do
        step "$(printf '%dm%02ds' $(((SECONDS - started) / 60)) $(((SECONDS - started) % 60))) ${name}: $(job_status "$name")"
      done
    fi
    sleep 2
  done
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

# Go components built so far, for "(3 of 9)" in the log.
GO_BUILT=0
GO_TOTAL=8

go_binary() {
  local name="$1" module="$2" package="$3" version="$4"
  GO_BUILT=$((GO_BUILT + 1))
  printf '[go %s] component %d of %d\n' "$name" "$GO_BUILT" "$GO_TOTAL" >&2
  nice -n 19 "${NODE_DIR}/scripts/build-go-binary.sh" "${GO_OUT}/${name}-${version}" \
    "${module}@${version}" "$package" "$name" "${NODE_DIR}/go-locks/${name}-${version}"
}

# Prints the tag kubeadm wants for an image (e.g. `etcd` -> 3.6.5-0).
kubeadm_image_tag() {
  "${K8S_OUT}/kubeadm" config images list --kubernetes-version "$K8S_VERSION" | sed -n "s#.*/$1:##p"
}

# The node's container runtime: release-independent, so every release shares one build.
build_runtime() {
  GO_TAGS=urfave_cli_no_docs,no_btrfs,osusergo,netgo \
    GO_LDFLAGS="-X github.com/containerd/containerd/v2/version.Version=${CONTAINERD_VERSION} -X github.com/containerd/containerd/v2/version.Package=slipway" \
    go_binary containerd github.com/containerd/containerd/v2 \
    "github.com/containerd/containerd/v2/cmd/containerd github.com/containerd/containerd/v2/cmd/containerd-shim-runc-v2 github.com/containerd/containerd/v2/cmd/ctr" \
    "$CONTAINERD_VERSION"
  # cgo for libseccomp (seccomp profiles such as RuntimeDefault), linked statically.
  GO_CGO=1 GO_TAGS=seccomp,urfave_cli_no_docs,netgo,osusergo \
    go_binary runc github.com/opencontainers/runc github.com/opencontainers/runc "$RUNC_VERSION"
  local p plugins=""
  for p in main/bridge main/loopback main/ptp ipam/host-local meta/portmap; do
    plugins+=" github.com/containernetworking/plugins/plugins/${p}"
  done
  go_binary cni-plugins github.com/containernetworking/plugins "${plugins# }" "$CNI_PLUGINS_VERSION"
}

build_go_components() {
  build_runtime
  # See patches/README.md: two cloud and legacy backends left out.
  GO_PATCH="${NODE_DIR}/patches/flannel-${FLANNEL_VERSION}.patch" \
    GO_LDFLAGS="-X github.com/flannel-io/flannel/pkg/version.Version=${FLANNEL_VERSION}" \
    go_binary flannel github.com/flannel-io/flannel github.com/flannel-io/flannel "$FLANNEL_VERSION"
  # See patches/README.md: the same rules through the xtables NFQUEUE target.
  GO_PATCH="${NODE_DIR}/patches/kube-network-policies-${NETWORK_POLICIES_VERSION}.patch" \
    go_binary kube-network-policies sigs.k8s.io/kube-network-policies sigs.k8s.io/kube-network-policies/cmd \
    "$NETWORK_POLICIES_VERSION"
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
  printf '%s\n' "$FLANNEL_IMAGE" "$NETWORK_POLICIES_IMAGE" "$LOCAL_PATH_IMAGE" "$LOCAL_PATH_HELPER_IMAGE"
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
  build_binary_image "$FLANNEL_IMAGE" flannel.Dockerfile "${GO_OUT}/flannel-${FLANNEL_VERSION}/flannel" \
    --build-arg "BASE=${base_id}"
  build_binary_image "$NETWORK_POLICIES_IMAGE" static.Dockerfile \
    "${GO_OUT}/kube-network-policies-${NETWORK_POLICIES_VERSION}/kube-network-policies" \
    --build-arg BINARY=kube-network-policies
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
    [[ "$ref" == "$FLANNEL_IMAGE" || "$ref" == "$NETWORK_POLICIES_IMAGE" || "$ref" == "$LOCAL_PATH_IMAGE" ||
      "$ref" == "$LOCAL_PATH_HELPER_IMAGE" ]] ||
      die "manifests reference ${ref}, which this build does not produce"
  done < <(grep -hoE 'image: *[^ ]+' "${NODE_DIR}"/manifests/*.yaml | sed -E 's/image: *//; s/"//g' | sort -u)
}

link_or_copy() { cp -l "$1" "$2" 2>/dev/null || cp "$1" "$2"; }

# containerd and runc where systemd units and PATH find them; CNI plugins where kind's
# node contract keeps them (/opt/cni/bin).
stage_runtime() {
  local dir="$1" b
  mkdir -p "${dir}/usr/local/bin" "${dir}/usr/local/sbin" "${dir}/opt/cni/bin"
  for b in containerd containerd-shim-runc-v2 ctr; do
    link_or_copy "${GO_OUT}/containerd-${CONTAINERD_VERSION}/${b}" "${dir}/usr/local/bin/"
  done
  link_or_copy "${GO_OUT}/runc-${RUNC_VERSION}/runc" "${dir}/usr/local/sbin/"
  for b in bridge loopback ptp host-local portmap; do
    link_or_copy "${GO_OUT}/cni-plugins-${CNI_PLUGINS_VERSION}/${b}" "${dir}/opt/cni/bin/"
  done
}

build_node_base_image() {
  local ref="localhost/slipway/node-base:${K8S_VERSION}" context tar pause_image hash b
  tar="$(rootfs_tar node "$NODE_PACKAGES")"
  pause_image="$(component_refs | grep '/pause:')"
  context="${CACHE}/contexts/node"
  rm -rf "$context"
  mkdir -p "${context}/bin" "${context}/kind/manifests"
  cp -l "$tar" "${context}/rootfs.tar" 2>/dev/null || cp "$tar" "${context}/rootfs.tar"
  for b in kubeadm kubelet kubectl; do link_or_copy "${K8S_OUT}/${b}" "${context}/bin/"; done
  stage_runtime "${context}/runtime"
  cp -a "${NODE_DIR}/rootfs" "${context}/rootfs"
  cp "${NODE_DIR}/node/configure-node.sh" "${context}/"
  cp "${NODE_DIR}"/manifests/*.yaml "${context}/kind/manifests/"
  echo "$K8S_VERSION" >"${context}/kind/version"
  hash="$(hash_inputs node rootfs manifests -- "$(basename "$tar")" "$(cat "${K8S_OUT}/.complete")" "$pause_image" \
    "$(cat "${GO_OUT}"/{containerd-${CONTAINERD_VERSION},runc-${RUNC_VERSION},cni-plugins-${CNI_PLUGINS_VERSION}}/.complete)")"
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
