# shellcheck shell=bash
# Helpers shared by the node image build scripts (sourced, not run).

# Label every image we build carries: the hash of the inputs it was built from.
readonly INPUTS_LABEL=dev.slipway.inputs

# Progress line, the format build.sh promises: "[node-image] <what happens>".
step() { printf '[node-image] %s\n' "$*" >&2; }

die() {
  printf '[node-image] ERROR: %s\n' "$*" >&2
  exit 1
}

# Prints a sha256 over files and strings, e.g.
#   hash_inputs scripts/lib.sh rootfs -- v1.34.4 go1.26
# Paths (files or directories, relative to $HASH_ROOT, default: the current directory) are
# walked in a fixed order; each file contributes its path, mode and content, so the hash
# does not depend on where the checkout lives or on the order of the arguments.
hash_inputs() {
  local paths=()
  while (($# > 0)) && [[ "$1" != "--" ]]; do
    paths+=("$1")
    shift
  done
  if (($# > 0)); then shift; fi
  (
    cd "${HASH_ROOT:-.}" || exit 1
    {
      if ((${#paths[@]} > 0)); then
        find "${paths[@]}" -type f -print0 | LC_ALL=C sort -z -u |
          while IFS= read -r -d '' file; do
            printf 'file %s %s %s\n' "$file" "$(stat -c %a "$file")" "$(sha256sum <"$file" | cut -d' ' -f1)"
          done
      fi
      if (($# > 0)); then printf 'value %s\n' "$@"; fi
    } | sha256sum | cut -d' ' -f1
  )
}

# Prints the value of a label of a local image, or nothing if the image does not exist.
image_label() {
  docker image inspect --format "{{ index .Config.Labels \"$2\" }}" "$1" 2>/dev/null || true
}

# True when IMAGE exists and was built from inputs with hash HASH.
image_is_current() {
  [[ -n "$2" && "$(image_label "$1" "$INPUTS_LABEL")" == "$2" ]]
}

# True when a build output directory carries the stamp of the inputs it was built from.
stamp_matches() {
  [[ -f "$1/.complete" && "$(cat "$1/.complete")" == "$2" ]]
}
