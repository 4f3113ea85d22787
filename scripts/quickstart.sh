#!/usr/bin/env bash
# The main job on a fresh machine: set the host up, then create the embedded default cluster
# (one control plane, two workers, registry and metrics-server) and show its nodes.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SLIPWAY_NODE_RELEASES=default bash "$root/scripts/setup-host.sh"
cd "$root"
node bin/slipway.js create "$@"
node bin/slipway.js kubectl slipway -- get nodes -o wide
