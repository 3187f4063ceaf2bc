#!/usr/bin/env bash
# Builds Prometheus Alertmanager (the version pinned in alertmanager/go.mod) from the Go module proxy
# into a cache folder outside the repository, keyed by version and go.sum. Tests that forward alerts
# to a real Alertmanager (its v2 API) use it; nothing else needs it.
#
# A plain `go install github.com/prometheus/alertmanager/cmd/alertmanager@v0.35.0` fails: the module
# embeds ui/app/dist (the web UI build), which is not in the module zip. So the module is copied into a
# staging folder, given a one-page dist, and built through the wrapper module's `replace`.
#
# Prints the binary's path on its last line of stdout; does nothing when it is already built.
#   KUBEWARD_CACHE   cache root (default: ${XDG_CACHE_HOME:-$HOME/.cache}/kubeward)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache_root="${KUBEWARD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kubeward}"
say() { echo "[alertmanager] $*" >&2; }
die() { echo "[alertmanager] ERROR: $*" >&2; exit 1; }

module=github.com/prometheus/alertmanager
version="$(awk -v m="$module" '$1 == "require" && $2 == m { print $3 }' "$here/alertmanager/go.mod" | head -n1)"
[ -n "$version" ] || die "cannot read the pinned version from $here/alertmanager/go.mod"
key="$(cat "$here/alertmanager/go.mod" "$here/alertmanager/go.sum" | sha256sum | cut -c1-12)"
bin_dir="$cache_root/alertmanager/alertmanager-$version-$key"

if [ -x "$bin_dir/alertmanager" ]; then
  echo "$bin_dir/alertmanager"
  exit 0
fi

command -v go >/dev/null || die "Go is required to build Alertmanager; none found on PATH"
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="-mod=readonly -buildvcs=false"
mkdir -p "$cache_root/alertmanager"
staging="$(mktemp -d "$cache_root/alertmanager/.build-XXXXXX")"
log="$staging/build.log"
trap 'chmod -R u+w "$staging" 2>/dev/null; rm -rf "$staging"' EXIT

started=$SECONDS
say "building Alertmanager $version into $bin_dir (a few minutes, once)"
source_dir="$(cd "$here/alertmanager" && GOFLAGS=-mod=mod go mod download -json "$module@$version" | awk -F'"' '$2 == "Dir" { print $4 }')"
[ -d "$source_dir" ] || die "go mod download gave no folder for $module@$version"
cp "$here/alertmanager/go.mod" "$here/alertmanager/go.sum" "$staging/"
cp -r "$source_dir" "$staging/src"
chmod -R u+w "$staging/src"
mkdir -p "$staging/src/ui/app/dist"
printf '<!doctype html><title>Alertmanager</title><p>Web UI not built (kubeward testkit build).\n' \
  > "$staging/src/ui/app/dist/index.html"
if ! (cd "$staging" && go build -trimpath -ldflags "-s -w" -o "$staging/out/" "$module/cmd/alertmanager") >>"$log" 2>&1; then
  tail -n 40 "$log" >&2
  die "go build failed"
fi
[ -x "$staging/out/alertmanager" ] || die "build produced no alertmanager"
mkdir -p "$bin_dir"
mv "$staging/out/alertmanager" "$bin_dir/alertmanager"
say "built in $((SECONDS - started)) s"
echo "$bin_dir/alertmanager"
