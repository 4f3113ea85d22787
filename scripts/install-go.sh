#!/usr/bin/env bash
# Makes sure a Go toolchain new enough for the hermetic image builds is on PATH.
#
# Debian bookworm packages Go 1.19, which is too old for our go.mod files and cannot switch
# toolchains by itself (that arrived in Go 1.21). The Go module proxy is reachable, though,
# and serves every Go release as the module golang.org/toolchain. So: install Debian's Go
# only as a bootstrap, let it download the release we pin as a module, and install that tree
# under /usr/local/go. Idempotent: a host that already has Go >= the minimum does nothing.
set -euo pipefail

scratch=""

readonly GO_MINIMUM="1.24"
readonly GO_RELEASE="1.26.8"

say() { printf '[setup] %s\n' "$*"; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo -n "$@"; fi; }

# True when "$1" (e.g. 1.26.8) is at least "$2" (e.g. 1.24).
version_at_least() { [[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" == "$2" ]]; }

installed_go_version() {
  local go_bin
  go_bin="$(command -v go || true)"
  if [[ -z "$go_bin" && -x /usr/local/go/bin/go ]]; then go_bin=/usr/local/go/bin/go; fi
  if [[ -n "$go_bin" ]]; then "$go_bin" env GOVERSION 2>/dev/null | sed 's/^go//'; fi
}

go_arch() {
  case "$(uname -m)" in
    x86_64) echo amd64 ;;
    aarch64 | arm64) echo arm64 ;;
    *) say "no Go release for machine type $(uname -m)"; exit 1 ;;
  esac
}

main() {
  local have
  have="$(installed_go_version)"
  if [[ -n "$have" ]] && version_at_least "$have" "$GO_MINIMUM"; then
    [[ -x /usr/local/go/bin/go && ! -e /usr/local/bin/go ]] && as_root ln -s /usr/local/go/bin/go /usr/local/bin/go
    return 0
  fi
  say "installing Go ${GO_RELEASE} (found: ${have:-none}; the image builds need >= ${GO_MINIMUM})"
  if ! command -v go >/dev/null; then
    as_root apt-get update -qq
    as_root apt-get install -y -qq --no-install-recommends golang-go ca-certificates >/dev/null
  fi

  local module dir
  scratch="$(mktemp -d)"
  trap 'rm -rf "$scratch"' EXIT
  module="golang.org/toolchain@v0.0.1-go${GO_RELEASE}.linux-$(go_arch)"
  # A private module cache keeps the bootstrap out of the user's; -modcacherw lets the trap
  # remove it again.
  (cd "$scratch" && GOPATH="$scratch/gopath" GOFLAGS=-modcacherw GO111MODULE=on \
    go mod download -json "$module" >"$scratch/download.json") || true
  dir="$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' "$scratch/download.json")"
  if [[ -z "$dir" || ! -f "$dir/bin/go" ]]; then
    say "could not download ${module}: $(sed -n 's/^[[:space:]]*"Error": "\(.*\)"$/\1/p' "$scratch/download.json")"
    exit 1
  fi

  # Module zips carry no file modes: the binaries must be made executable again.
  chmod -R u+w "$dir"
  chmod +x "$dir"/bin/* "$dir"/pkg/tool/*/*
  as_root rm -rf /usr/local/go.partial
  as_root cp -a "$dir" /usr/local/go.partial
  as_root rm -rf /usr/local/go
  as_root mv /usr/local/go.partial /usr/local/go
  as_root ln -sf /usr/local/go/bin/go /usr/local/bin/go
  as_root ln -sf /usr/local/go/bin/gofmt /usr/local/bin/gofmt
  say "Go $(/usr/local/go/bin/go env GOVERSION) installed in /usr/local/go"
}

main "$@"
