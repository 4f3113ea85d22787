#!/usr/bin/env bash
# Prepares a Debian host (ours: bookworm, root) for Slipway: Debian packages, the Docker
# daemon, kernel limits for multi-node clusters, npm dependencies and the hermetic images.
# Idempotent: every step checks before it acts, so a warm machine is ready in seconds.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
export DEBIAN_FRONTEND=noninteractive

say() { printf '[setup] %s\n' "$*"; }
# sudo -n: never stop to ask for a password (CI and the quickstart are non-interactive).
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo -n "$@"; fi; }

# Debian packages: the container engine, debootstrap for the node image, Chromium for UI tests,
# and a C compiler for the pause binary (the hermetic builds need cgo nowhere else).
packages=(docker.io debootstrap chromium ca-certificates git pigz gcc libc6-dev)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if ((${#missing[@]} > 0)); then
  say "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The Docker daemon: started by hand where no init system runs it.
if ! docker info >/dev/null 2>&1; then
  say "starting dockerd"
  as_root bash -c 'nohup dockerd >/var/log/slipway-dockerd.log 2>&1 &'
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || { say "dockerd did not start; see /var/log/slipway-dockerd.log"; exit 1; }
fi

# Multi-node clusters run a kubelet, kube-proxy and containerd per node, each holding inotify
# instances and watches (an HA and a multi-node cluster side by side exhaust the default 128).
raise_sysctl() {
  local key="$1" want="$2" have
  have="$(sysctl -n "$key" 2>/dev/null || echo 0)"
  if ((have < want)); then as_root sysctl -q -w "$key=$want" >/dev/null || say "could not raise $key (have $have, want $want)"; fi
}
raise_sysctl fs.inotify.max_user_instances 1024
raise_sysctl fs.inotify.max_user_watches 524288

# npm dependencies, reinstalled only when the lock file changed.
stamp="$root/node_modules/.slipway-lock-hash"
lock_hash="$(sha256sum "$root/package-lock.json" | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$lock_hash" ]]; then
  say "installing npm dependencies"
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_hash" >"$stamp"
fi

# Go for the hermetic builds (Debian's is too old; see the script).
bash "$root/scripts/install-go.sh"

# Hermetic images (no container registry is reachable): cached, so warm runs take seconds.
# The node image's root file system comes from debootstrap, which needs root; the add-on
# images do not, and their image map belongs in the invoking user's cache.
# The tests need the default release and the oldest (the release matrix runs both); the
# quickstart asks for the default only (SLIPWAY_NODE_RELEASES=default).
for release in ${SLIPWAY_NODE_RELEASES:-default oldest}; do
  case "$release" in
    default) version="" ;;
    oldest) version="$(node -p 'const r = require(process.argv[1]).releases; "v" + r[r.length - 1].minor' "$root/images/node/releases.json")" ;;
    *) version="$release" ;;
  esac
  say "building the node image (${version:-default release})"
  as_root env "PATH=$PATH" "KUBERNETES_VERSION=$version" bash "$root/images/node/build.sh"
done
# SLIPWAY_ADDON_IMAGES picks the add-on images: unset, every one (what `npm test` needs);
# "none", none; otherwise the add-ons (or images) named, e.g. "registry metrics-server".
addon_images="${SLIPWAY_ADDON_IMAGES-}"
if [[ "$addon_images" == none ]]; then
  say "skipping the add-on images (SLIPWAY_ADDON_IMAGES=none)"
else
  say "building the add-on images${addon_images:+ for: $addon_images}"
  # shellcheck disable=SC2086 # a list of names, split on purpose
  bash "$root/images/addons/build.sh" $addon_images
fi
say "host ready"
