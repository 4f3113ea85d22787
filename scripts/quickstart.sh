#!/usr/bin/env bash
# The main job on a fresh machine: set the host up, build what the embedded default cluster
# needs — the node image and the images of its add-ons (registry and metrics-server), no
# others — then create that cluster and show its nodes. Other add-on images are built when
# wanted: `bash images/addons/build.sh ingress` (docs/addons.md#hermetic-add-on-images).
# Arguments go to `slipway create`.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
say() { printf '[quickstart] %s\n' "$*"; }

say "setting the host up and building the node image of the default release"
SLIPWAY_NODE_RELEASES=default SLIPWAY_ADDON_IMAGES=none bash "$root/scripts/setup-host.sh"
cd "$root"
say "compiling the slipway command"
npm run --silent build
read -ra defaults <<<"$(npx --no-install tsx scripts/default-addons.ts)"
say "building the default cluster's add-on images: ${defaults[*]}"
bash images/addons/build.sh "${defaults[@]}"
say "creating the default cluster"
node bin/slipway.js create "$@"
node bin/slipway.js kubectl slipway -- get nodes -o wide
