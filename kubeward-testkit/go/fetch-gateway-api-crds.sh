#!/usr/bin/env bash
# Fetches the Gateway API CRDs (standard channel) of the version pinned in gateway-api/go.mod from the
# Go module proxy into a cache folder outside the repository, keyed by version and go.sum. Nothing is
# built: the module zip (checked by go against gateway-api/go.sum) holds config/crd/standard/*.yaml,
# the manifests upstream publishes as standard-install.yaml. The testkit's GatewayApiCrds installs them.
#
# Prints the folder holding the YAML files on its last line of stdout; does nothing when it is there.
#   KUBEWARD_CACHE   cache root (default: ${XDG_CACHE_HOME:-$HOME/.cache}/kubeward)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache_root="${KUBEWARD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kubeward}"
say() { echo "[gateway-api] $*" >&2; }
die() { echo "[gateway-api] ERROR: $*" >&2; exit 1; }

module=sigs.k8s.io/gateway-api
version="$(awk -v m="$module" '$1 == "require" && $2 == m { print $3 }' "$here/gateway-api/go.mod" | head -n1)"
[ -n "$version" ] || die "cannot read the pinned version from $here/gateway-api/go.mod"
key="$(cat "$here/gateway-api/go.mod" "$here/gateway-api/go.sum" | sha256sum | cut -c1-12)"
crd_dir="$cache_root/gateway-api/gateway-api-$version-$key"

if [ -f "$crd_dir/.complete" ]; then
  echo "$crd_dir"
  exit 0
fi

command -v go >/dev/null || die "Go is required to fetch the Gateway API CRDs; none found on PATH"
export GOTOOLCHAIN=local GOFLAGS="-mod=readonly"
say "fetching $module@$version through the Go module proxy"
source_dir="$(cd "$here/gateway-api" && go mod download -json "$module@$version" | awk -F'"' '$2 == "Dir" { print $4 }')"
[ -d "$source_dir/config/crd/standard" ] || die "go mod download gave no config/crd/standard for $module@$version"

mkdir -p "$cache_root/gateway-api"
staging="$(mktemp -d "$cache_root/gateway-api/.fetch-XXXXXX")"
trap 'rm -rf "$staging"' EXIT
cp "$source_dir"/config/crd/standard/*.yaml "$staging/"
chmod u+w "$staging"/*.yaml
ls "$staging"/*.yaml >/dev/null 2>&1 || die "no CRD manifests in $source_dir/config/crd/standard"
touch "$staging/.complete"
rm -rf "$crd_dir"
mv "$staging" "$crd_dir"
trap - EXIT
say "$(ls "$crd_dir"/*.yaml | wc -l) CRD manifests in $crd_dir"
echo "$crd_dir"
