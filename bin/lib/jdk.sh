# Sourced by Kubeward's scripts: exports JAVA_HOME pointing at a JDK >= 21, or exits with a sentence.
# Order: $JAVA_HOME, the java on PATH, then the newest JDK under the usual system JVM folders.

kw_jdk_major() { # <jdk home> -> major version, or nothing
  local release="$1/release"
  [ -x "$1/bin/javac" ] && [ -f "$release" ] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
}

kw_find_jdk() {
  local min=21 candidate major best="" best_major=0
  local -a candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for candidate in "${candidates[@]}"; do
    major="$(kw_jdk_major "$candidate")"
    if [ -n "$major" ] && [ "$major" -ge "$min" ]; then echo "$candidate"; return 0; fi
  done
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk*; do
    [ -d "$candidate" ] || continue
    major="$(kw_jdk_major "$candidate")"
    if [ -n "$major" ] && [ "$major" -ge "$min" ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  [ -n "$best" ] && echo "$best"
}

if ! JAVA_HOME="$(kw_find_jdk)"; then
  echo "Kubeward needs a JDK 21 or newer and found none (looked at JAVA_HOME, PATH and /usr/lib/jvm)." >&2
  echo "Install one (for example: apt-get install openjdk-21-jdk-headless) or set JAVA_HOME." >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
