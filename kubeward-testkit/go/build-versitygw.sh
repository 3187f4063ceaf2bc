#!/usr/bin/env bash
# Builds the Versity S3 Gateway (versitygw, Apache-2.0; the version pinned in versitygw/go.mod) from
# the Go module proxy into a cache folder outside the repository, keyed by version and go.sum. Tests
# of S3 storage locations (LocalS3: posix backend, SigV4, loopback) use it; nothing else needs it.
# The MinIO server is AGPL and is neither bundled nor required (issue 16).
#
# Prints the binary's path on its last line of stdout; does nothing when it is already built.
#   KUBEWARD_CACHE   cache root (default: ${XDG_CACHE_HOME:-$HOME/.cache}/kubeward)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache_root="${KUBEWARD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kubeward}"
say() { echo "[versitygw] $*" >&2; }
die() { echo "[versitygw] ERROR: $*" >&2; exit 1; }

module=github.com/versity/versitygw
version="$(awk -v m="$module" '$1 == m { print $2 } $1 == "require" && $2 == m { print $3 }' "$here/versitygw/go.mod" | head -n1)"
[ -n "$version" ] || die "cannot read the pinned version from $here/versitygw/go.mod"
key="$(cat "$here/versitygw/go.mod" "$here/versitygw/go.sum" | sha256sum | cut -c1-12)"
bin_dir="$cache_root/versitygw/versitygw-$version-$key"

if [ -x "$bin_dir/versitygw" ]; then
  echo "$bin_dir/versitygw"
  exit 0
fi

command -v go >/dev/null || die "Go is required to build versitygw; none found on PATH"
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="-mod=readonly -buildvcs=false"
mkdir -p "$cache_root/versitygw"
staging="$(mktemp -d "$cache_root/versitygw/.build-XXXXXX")"
log="$staging/build.log"
trap 'rm -rf "$staging"' EXIT

started=$SECONDS
say "building versitygw $version into $bin_dir (a few minutes, once)"
if ! (cd "$here/versitygw" && go build -trimpath -ldflags "-s -w" -o "$staging/" "$module/cmd/versitygw") >>"$log" 2>&1; then
  tail -n 40 "$log" >&2
  die "go build failed"
fi
[ -x "$staging/versitygw" ] || die "build produced no versitygw"
mkdir -p "$bin_dir"
mv "$staging/versitygw" "$bin_dir/versitygw"
say "built in $((SECONDS - started)) s"
echo "$bin_dir/versitygw"
