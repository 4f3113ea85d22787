#!/usr/bin/env bash
# Bootstraps a minimal Debian root filesystem with extra packages and saves it as a tarball.
# Downloaded .debs are kept in a shared cache directory so later bootstraps (other package
# lists, or a rebuild) do not fetch them again.
# Usage: build-rootfs.sh OUT_TAR PACKAGES [SUITE]
#   PACKAGES: comma-separated list for debootstrap --include (may be empty)
# Env: DEBIAN_MIRROR (default: the first deb.debian.org-style URI in /etc/apt/sources*),
#      DEB_CACHE_DIR (default: next to OUT_TAR, in debs/)
set -euo pipefail

out_tar="$1"
packages="$2"
suite="${3:-bookworm}"
name="$(basename "$out_tar" .tar)"
deb_cache="${DEB_CACHE_DIR:-$(dirname "$out_tar")/debs}"

log() { printf '[rootfs %s] %s\n' "$name" "$*" >&2; }

# The host's own apt mirror is the one known to be reachable from this machine.
default_mirror() {
  local uri
  uri="$(grep -hoE '^(URIs:|deb) +https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null |
    grep -oE 'https?://[^ ]+' | head -n1 || true)"
  echo "${uri:-http://deb.debian.org/debian}"
}
mirror="${DEBIAN_MIRROR:-$(default_mirror)}"

if [[ -s "$out_tar" ]]; then
  log "cached in $out_tar"
  exit 0
fi

work="$(mktemp -d "${out_tar}.work.XXXXXX")"
cleanup() {
  # debootstrap leaves proc/sys mounted when it fails half way.
  umount -l "$work/root/proc" "$work/root/sys" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$deb_cache" "$work/root"

log "debootstrap ${suite} (minbase) from ${mirror}"
include=()
[[ -n "$packages" ]] && include=(--include="$packages")
debootstrap --variant=minbase --cache-dir="$deb_cache" "${include[@]}" \
  "$suite" "$work/root" "$mirror" >"$work/debootstrap.log" 2>&1 || {
  tail -n 30 "$work/debootstrap.log" >&2
  exit 1
}

log "trimming docs, locales and apt state"
root="$work/root"
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb \
  "$root"/var/log/*.log "$root"/var/log/apt/* "$root"/usr/share/man/* "$root"/usr/share/info/* \
  "$root"/usr/share/locale/* "$root"/usr/share/doc-base/* "$root"/tmp/* "$root"/var/tmp/*
# Keep the copyright files: they are the licences of what we ship.
find "$root/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete
: >"$root/etc/machine-id"
rm -f "$root/var/lib/dbus/machine-id" "$root/etc/hostname" "$root/etc/resolv.conf"

tar --numeric-owner --xattrs -C "$root" -cf "${out_tar}.partial" .
mv "${out_tar}.partial" "$out_tar"
log "done: $(du -h "$out_tar" | cut -f1)"
