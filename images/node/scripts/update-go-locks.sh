#!/usr/bin/env bash
# Records the go.mod/go.sum that the last build resolved for each Go component as its lock in
# images/node/go-locks/, so later builds use exactly these versions and checksums (and need
# no checksum-database lookups). Run it after a build that printed "no lock", review the
# diff, commit it.
# Usage: update-go-locks.sh   (env: SLIPWAY_CACHE_DIR as for build.sh)
set -euo pipefail

node_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${SLIPWAY_CACHE_DIR:-${HOME}/.cache/slipway}/images"
locks="${node_dir}/go-locks"

for work in "$cache"/go/*.mod "$cache"/kubernetes/*.mod; do
  [[ -f "$work/go.sum" && -f "${work%.mod}/.complete" ]] || continue
  name="$(basename "${work%.mod}")"
  [[ "$work" == "$cache"/kubernetes/* ]] && name="kubernetes-${name}"
  mkdir -p "${locks}/${name}"
  cp "$work/go.mod" "$work/go.sum" "${locks}/${name}/"
  echo "locked ${name}"
done
