#!/usr/bin/env bash
# Imports an archive of component images into the node's containerd content store and
# commits the result as the final node image. Runs an ordinary (unprivileged) container:
# with --no-unpack containerd only writes blobs and metadata, so no overlay mounts are needed.
# Usage: preload-images.sh BASE_IMAGE ARCHIVE OUT_IMAGE LABEL=VALUE EXPECTED_REF...
set -euo pipefail

base="$1"
archive="$2"
out="$3"
label="$4"
shift 4
expected=("$@")

log() { printf '[preload] %s\n' "$*" >&2; }

container="slipway-preload-$$"
cleanup() { docker rm --force --volumes "$container" >/dev/null 2>&1 || true; }
trap cleanup EXIT

# /run and /tmp on tmpfs so containerd's sockets and scratch files stay out of the image.
docker run --detach --name "$container" --network none --tmpfs /run --tmpfs /tmp \
  --entrypoint sleep "$base" infinity >/dev/null

# A minimal containerd: the CRI plugin would only complain about the missing overlay support.
docker exec "$container" sh -c '
  printf "version = 3\ndisabled_plugins = [\"io.containerd.grpc.v1.cri\", \"io.containerd.cri.v1.runtime\", \"io.containerd.cri.v1.images\"]\n" >/tmp/containerd.toml
  nohup containerd --config /tmp/containerd.toml >/tmp/containerd.log 2>&1 &'
for _ in $(seq 1 100); do
  docker exec "$container" ctr version >/dev/null 2>&1 && break
  sleep 0.2
done

log "importing $(du -h "$archive" | cut -f1) of images"
# Blobs stay uncompressed: ctr's --compress-blobs (single-threaded gzip) made this step 10x
# slower (22 s vs 282 s here) to save ~400 MB. containerd unpacks an image the first time a
# container uses it.
docker exec -i "$container" ctr --namespace k8s.io images import --local --no-unpack --all-platforms - <"$archive"

present="$(docker exec "$container" ctr --namespace k8s.io images list --quiet)"
for ref in "${expected[@]}"; do
  # containerd spells unqualified names out (docker.io/...); ours are all fully qualified.
  grep -qxF "$ref" <<<"$present" || {
    log "missing after import: ${ref}"
    exit 1
  }
done
# Pinned images are exempt from kubelet's image GC (containerd reports them as pinned).
for ref in "${expected[@]}"; do
  docker exec "$container" ctr --namespace k8s.io images label "$ref" io.cri-containerd.pinned=pinned >/dev/null
done
log "imported ${#expected[@]} images"

# `sleep` as PID 1 never reaps, so a stopped containerd lingers as a zombie: wait for that.
docker exec "$container" sh -c 'pkill -x containerd
  while ps -C containerd -o stat= | grep -qv Z; do sleep 0.2; done'
docker commit \
  --change 'ENTRYPOINT ["/usr/local/bin/entrypoint", "/sbin/init"]' \
  --change 'CMD []' \
  --change "LABEL ${label}" \
  "$container" "$out" >/dev/null
log "committed ${out}"
