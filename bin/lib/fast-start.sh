# Sourced by Kubeward's launchers (bin/sandbox, bin/server, deploy/container/Containerfile): the
# fast start (ADR 0056). Makes, once per jar and JDK, the JVM's AOT cache (JDK 25+, JEP 483/514) or
# on JDK 21-24 a dynamic CDS archive, from a training run of the server that stops after its
# Spring context refreshed (no cluster needed), and says how to start from it.
#
#   kw_fast_start <executable jar> <cache root>
#     sets kw_fast_start_jar (the jar to start with -jar) and the array kw_fast_start_options
#     (the JVM options). Trains when the cache root has nothing for this jar and JDK yet (about a
#     minute, once); on any failure it says so and leaves the plain jar and no options: it never
#     blocks a start.
#   kw_fast_start_train <executable jar> <folder>
#     the training alone: <folder>/app/<jar name> (the extracted jar) and <folder>/kubeward.aot
#     or <folder>/kubeward.jsa. Exit status 0 when the cache was written.
#
# KUBEWARD_FAST_START=off starts the plain jar. A cache never meets another jar or JDK here: its
# folder is named after both. Should it happen anyway (files moved by hand), the JVM usually warns
# and starts without the cache, but JDK 25.0.3 did not notice every changed jar (ADR 0056).
# Needs JAVA_HOME (bin/lib/jdk.sh, or the container image's).

kw_fast_start_java_major() {
  if [ -f "$JAVA_HOME/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JAVA_HOME/release"
  else
    "$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 |
      sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
  fi
}

# What the cache depends on: the jar's content (each entry's name, length and CRC, not its date:
# Maven rewrites the outer jar at every package, the libraries inside stay byte for byte) and the
# JDK build.
kw_fast_start_key() {
  local jar="$1"
  {
    if command -v unzip >/dev/null 2>&1; then
      unzip -v "$jar" | awk '{print $1, $7, $8}'
    else
      sha256sum "$jar"
    fi
    "$JAVA_HOME/bin/java" -version 2>&1
  } | sha256sum | cut -c1-16
}

# The cache file's name, and the JVM options that write and that use it, for this JDK.
kw_fast_start_kind() {
  local major
  major="$(kw_fast_start_java_major)"
  if [ -z "$major" ] || [ "$major" -lt 21 ]; then
    return 1
  elif [ "$major" -ge 25 ]; then
    echo aot
  else
    echo cds
  fi
}

kw_fast_start_train() {
  local jar="$1" folder="$2" kind java="$JAVA_HOME/bin/java"
  kind="$(kw_fast_start_kind)" || return 1
  mkdir -p "$folder" || return 1
  local app="$folder/app" training="$folder/training"
  rm -rf "$app" "$training"
  mkdir -p "$training/data"
  "$java" -Djarmode=tools -jar "$jar" extract --destination "$app" \
    >"$folder/extract.log" 2>&1 || return 1
  local extracted="$app/$(basename "$jar")"
  [ -f "$extracted" ] || return 1
  # A cluster that never answers: the informers start (their classes load) and the context
  # refreshes; spring.context.exit=onRefresh ends the JVM before the web server starts.
  cat >"$training/kubeconfig" <<'EOF'
apiVersion: v1
kind: Config
clusters: [{name: training, cluster: {server: "https://127.0.0.1:9"}}]
users: [{name: training, user: {token: training}}]
contexts: [{name: training, context: {cluster: training, user: training}}]
current-context: training
EOF
  local output
  if [ "$kind" = aot ]; then
    output=(-XX:AOTCacheOutput="$folder/kubeward.aot")
  else
    output=(-XX:ArchiveClassesAtExit="$folder/kubeward.jsa")
  fi
  # The main class of the server, also for the sandbox's jar (same class path: -cp the jar whose
  # manifest lists the libraries, as -jar does), so the sandbox's cache holds the server's classes.
  "$java" "${output[@]}" -Dspring.context.exit=onRefresh \
    -cp "$extracted" io.kubeward.server.KubewardServer \
    --kubeconfig="$training/kubeconfig" --server.port=0 \
    --kubeward.data-dir="$training/data" \
    --kubeward.security.admin-password="training-$RANDOM$RANDOM$RANDOM" \
    >"$folder/training.log" 2>&1
  rm -rf "$training"
  [ -s "$folder/kubeward.$kind" ]
}

kw_fast_start() {
  local jar="$1" root="$2" kind key folder
  kw_fast_start_jar="$jar"
  kw_fast_start_options=()
  if [ "${KUBEWARD_FAST_START:-on}" = off ]; then
    return 0
  fi
  if ! kind="$(kw_fast_start_kind)"; then
    echo "[fast start] off: the JDK at $JAVA_HOME is older than 21" >&2
    return 0
  fi
  # One cache per jar content and JDK build; others in the root are stale and removed.
  key="$(kw_fast_start_key "$jar")"
  folder="$root/$key"
  if [ ! -f "$folder/ready" ]; then
    echo "[fast start] training the JVM's $kind cache for $(basename "$jar") (once per jar and JDK) ..." >&2
    mkdir -p "$root"
    find "$root" -mindepth 1 -maxdepth 1 -type d ! -name "$key" -exec rm -rf {} + 2>/dev/null || true
    if ! kw_fast_start_train "$jar" "$folder"; then
      echo "[fast start] no cache (see $folder/*.log): starting the plain jar" >&2
      return 0
    fi
    touch "$folder/ready"
  fi
  kw_fast_start_jar="$folder/app/$(basename "$jar")"
  if [ "$kind" = aot ]; then
    kw_fast_start_options=(-XX:AOTCache="$folder/kubeward.aot")
  else
    kw_fast_start_options=(-XX:SharedArchiveFile="$folder/kubeward.jsa")
  fi
}
