# Sourced by Kubeward's scripts: checks and installs the tools the build needs.

kw_require_go() {
  if ! command -v go >/dev/null 2>&1; then
    echo "Kubeward builds its local Kubernetes control plane with Go, and no 'go' is on PATH." >&2
    echo "Install Go 1.24 or newer (https://go.dev/dl/) and run this again." >&2
    exit 1
  fi
}

# Installs Debian packages that are missing (as root, or through sudo). Usage: kw_apt_install pkg...
kw_apt_install() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "[setup] installing Debian packages: ${missing[*]}" >&2
  # No service starts during the installation (e.g. prometheus' postinst would start a system-wide
  # Prometheus on :9090): the tests start their own servers on free ports of 127.0.0.1.
  local policy=/usr/sbin/policy-rc.d own_policy=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null && $sudo chmod 755 "$policy" && own_policy=1
  fi
  local status=0
  $sudo apt-get update -qq >&2 &&
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 || status=$?
  [ -z "$own_policy" ] || $sudo rm -f "$policy"
  return "$status"
}
