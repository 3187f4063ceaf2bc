#!/usr/bin/env bash
# Builds etcdutl (snapshot status / restore) from the same etcd version as the local control plane's
# etcd, in a wrapper module (go/etcdutl: etcd's own go.mod has relative replace directives, so a
# plain `go install` is refused), into a cache directory outside the repository keyed by version.
#
# Prints the path of the etcdutl binary on its last line of stdout; does nothing when it is cached.
# Fails when go/etcdutl pins another etcd version than go/etcd (the control plane's).
#
#   KUBEWARD_CACHE   cache root (default: ${XDG_CACHE_HOME:-$HOME/.cache}/kubeward)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache_root="${KUBEWARD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kubeward}"

say() { echo "[etcdutl] $*" >&2; }
die() { echo "[etcdutl] ERROR: $*" >&2; exit 1; }

pinned() { awk -v m="$2" '$1 == "require" && $2 == m { print $3 } $1 == m && $2 ~ /^v/ { print $2 }' "$here/$1/go.mod" | head -n1; }

etcd_version="$(pinned etcd go.etcd.io/etcd/server/v3)"
etcdutl_version="$(pinned etcdutl go.etcd.io/etcd/etcdutl/v3)"
[ -n "$etcd_version" ] && [ -n "$etcdutl_version" ] || die "cannot read pinned versions from $here/etcd/go.mod and $here/etcdutl/go.mod"
[ "$etcd_version" = "$etcdutl_version" ] \
  || die "go/etcdutl pins etcdutl $etcdutl_version but the control plane's etcd is $etcd_version; bump them together"

key="$(cat "$here/etcdutl/go.mod" "$here/etcdutl/go.sum" | sha256sum | cut -c1-12)"
bin_dir="$cache_root/etcdutl/etcdutl-$etcdutl_version-$key"

if [ -x "$bin_dir/etcdutl" ]; then
  echo "$bin_dir/etcdutl"
  exit 0
fi

command -v go >/dev/null || die "Go is required to build etcdutl (https://go.dev/doc/install); none found on PATH"
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="-mod=readonly -buildvcs=false"

mkdir -p "$cache_root/etcdutl"
staging="$(mktemp -d "$cache_root/etcdutl/.build-XXXXXX")"
log="$staging/build.log"
trap 'rm -rf "$staging"' EXIT

started=$SECONDS
say "building etcdutl $etcdutl_version into $bin_dir (about 2 minutes on 2 cores, once; log: $log)"
if ! (cd "$here/etcdutl" && go build -trimpath -ldflags "-s -w" -o "$staging/etcdutl" go.etcd.io/etcd/etcdutl/v3) >>"$log" 2>&1; then
  tail -n 40 "$log" >&2
  die "go build failed for etcdutl $etcdutl_version"
fi
[ -x "$staging/etcdutl" ] || die "build produced no etcdutl"
mkdir -p "$bin_dir"
mv "$staging/etcdutl" "$bin_dir/etcdutl"
say "built in $((SECONDS - started)) s"
echo "$bin_dir/etcdutl"
