#!/usr/bin/env bash
# Builds the Helm CLI (helm.sh/helm/v4, Apache-2.0; the version pinned in helm/go.mod) from the Go
# module proxy into a cache folder outside the repository, keyed by version and go.sum. Kubeward's
# Helm releases feature runs it (kubeward.helm.binary), the sandbox and the tests use this build, and
# the test command lints and renders Kubeward's own chart (deploy/helm/kubeward) with it (issue 18).
#
# Prints the binary's path on its last line of stdout; does nothing when it is already built.
#   KUBEWARD_CACHE   cache root (default: ${XDG_CACHE_HOME:-$HOME/.cache}/kubeward)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache_root="${KUBEWARD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kubeward}"
say() { echo "[helm] $*" >&2; }
die() { echo "[helm] ERROR: $*" >&2; exit 1; }

module=helm.sh/helm/v4
version="$(awk -v m="$module" '$1 == m { print $2 } $1 == "require" && $2 == m { print $3 }' "$here/helm/go.mod" | head -n1)"
[ -n "$version" ] || die "cannot read the pinned version from $here/helm/go.mod"
key="$(cat "$here/helm/go.mod" "$here/helm/go.sum" | sha256sum | cut -c1-12)"
bin_dir="$cache_root/helm/helm-$version-$key"

if [ -x "$bin_dir/helm" ]; then
  echo "$bin_dir/helm"
  exit 0
fi

command -v go >/dev/null || die "Go is required to build helm; none found on PATH"
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="-mod=readonly -buildvcs=false"
mkdir -p "$cache_root/helm"
staging="$(mktemp -d "$cache_root/helm/.build-XXXXXX")"
log="$staging/build.log"
trap 'rm -rf "$staging"' EXIT

started=$SECONDS
say "building helm $version into $bin_dir (a few minutes, once)"
if ! (cd "$here/helm" && go build -trimpath -ldflags "-s -w" -o "$staging/" "$module/cmd/helm") >>"$log" 2>&1; then
  tail -n 40 "$log" >&2
  die "go build failed"
fi
[ -x "$staging/helm" ] || die "build produced no helm"
mkdir -p "$bin_dir"
mv "$staging/helm" "$bin_dir/helm"
say "built in $((SECONDS - started)) s"
echo "$bin_dir/helm"
