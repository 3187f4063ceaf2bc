#!/usr/bin/env bash
# Builds the local control plane (etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kwok)
# and metrics-server from the Go module proxy into cache directories outside the repository, keyed
# by version. metrics-server has a cache folder of its own (so adding or bumping it never rebuilds
# the rest) and is linked into the control plane's folder.
#
# Prints the directory that holds the binaries on its last line of stdout.
# When the binaries for the pinned versions are already there it does nothing.
#
#   KUBEWARD_CACHE   cache root (default: ${XDG_CACHE_HOME:-$HOME/.cache}/kubeward)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache_root="${KUBEWARD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kubeward}"

say() { echo "[controlplane] $*" >&2; }
die() { echo "[controlplane] ERROR: $*" >&2; exit 1; }

# The pinned version of a module, read from the wrapper module's go.mod (the single source of truth).
pinned() { awk -v m="$2" '$1 == "require" && $2 == m { print $3 } $1 == m && $2 ~ /^v/ { print $2 }' "$here/$1/go.mod" | head -n1; }

k8s_version="$(pinned kubernetes k8s.io/kubernetes)"
etcd_version="$(pinned etcd go.etcd.io/etcd/server/v3)"
kwok_version="$(pinned kwok sigs.k8s.io/kwok)"
ms_version="$(pinned metrics-server sigs.k8s.io/metrics-server)"
[ -n "$k8s_version" ] && [ -n "$etcd_version" ] && [ -n "$kwok_version" ] && [ -n "$ms_version" ] || die "cannot read pinned versions from $here/*/go.mod"

# The key changes when a version or any dependency changes (go.sum), never otherwise.
key_of() { cat "$here/$1/go.mod" "$here/$1/go.sum" | sha256sum | cut -c1-12; }
bin_dir="$cache_root/controlplane/k8s-$k8s_version-etcd-$etcd_version-kwok-$kwok_version-$(key_of kubernetes)$(key_of etcd | cut -c1-4)$(key_of kwok | cut -c1-4)"

ms_dir="$cache_root/metrics-server/metrics-server-$ms_version-$(key_of metrics-server)"

binaries=(etcd kube-apiserver kube-controller-manager kube-scheduler kwok)
all_present() { for b in "${binaries[@]}"; do [ -x "$bin_dir/$b" ] || return 1; done; }
ms_linked() { [ -x "$ms_dir/metrics-server" ] && [ "$(readlink "$bin_dir/metrics-server" 2>/dev/null)" = "$ms_dir/metrics-server" ]; }

if all_present && ms_linked; then
  echo "$bin_dir"
  exit 0
fi

command -v go >/dev/null || die "Go is required to build the control plane (https://go.dev/doc/install); none found on PATH"
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="-mod=readonly -buildvcs=false"

mkdir -p "$cache_root/controlplane" "$cache_root/metrics-server"
staging="$(mktemp -d "$cache_root/controlplane/.build-XXXXXX")"
log="$staging/build.log"
trap 'rm -rf "$staging"' EXIT

build() { # <wrapper-dir> <ldflags> <packages...>
  local dir="$1" ldflags="$2"; shift 2
  say "building $* (log: $log)"
  if ! (cd "$here/$dir" && go build -trimpath -ldflags "$ldflags" -o "$staging/" "$@") >>"$log" 2>&1; then
    tail -n 40 "$log" >&2
    die "go build failed in $dir for: $*"
  fi
}

minor="${k8s_version#v1.}"; minor="${minor%%.*}"
k8s_ldflags="-s -w"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  k8s_ldflags+=" -X $pkg.gitVersion=$k8s_version -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
  k8s_ldflags+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
done

if ! all_present; then
  started=$SECONDS
  say "cold build of Kubernetes $k8s_version, etcd $etcd_version, kwok $kwok_version into $bin_dir"
  say "this takes 10-25 minutes on 2 cores; later runs reuse the cache"
  build etcd "-s -w" go.etcd.io/etcd/server/v3
  # go names a binary after the last path element that is not a major-version suffix: "server".
  mv "$staging/server" "$staging/etcd"
  build kwok "-s -w -X sigs.k8s.io/kwok/pkg/consts.Version=${kwok_version#v}" sigs.k8s.io/kwok/cmd/kwok
  build kubernetes "$k8s_ldflags" \
    k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager k8s.io/kubernetes/cmd/kube-scheduler

  for b in "${binaries[@]}"; do [ -x "$staging/$b" ] || die "build produced no $b"; done
  mkdir -p "$bin_dir"
  for b in "${binaries[@]}"; do mv "$staging/$b" "$bin_dir/$b"; done
  say "built in $((SECONDS - started)) s"
fi

if [ ! -x "$ms_dir/metrics-server" ]; then
  started=$SECONDS
  say "building metrics-server $ms_version into $ms_dir (about 4 minutes on 2 cores, once)"
  # As metrics-server's Makefile sets its version (PKG=k8s.io/client-go/pkg).
  ms_ldflags="-s -w -X k8s.io/client-go/pkg/version.gitVersion=$ms_version"
  ms_ldflags+=" -X k8s.io/client-go/pkg/version.gitCommit=module -X k8s.io/client-go/pkg/version.buildDate=1970-01-01T00:00:00Z"
  build metrics-server "$ms_ldflags" sigs.k8s.io/metrics-server/cmd/metrics-server
  [ -x "$staging/metrics-server" ] || die "build produced no metrics-server"
  mkdir -p "$ms_dir"
  mv "$staging/metrics-server" "$ms_dir/metrics-server"
  say "metrics-server built in $((SECONDS - started)) s"
fi
ln -sfn "$ms_dir/metrics-server" "$bin_dir/metrics-server"
echo "$bin_dir"
