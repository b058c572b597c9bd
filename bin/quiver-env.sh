# Shared by Quiver's launch scripts: locates the installation, builds it when sources changed, and
# defines the JVM flags and classpath a Quiver program needs. Sourced, not run.

QUIVER_HOME="${QUIVER_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
export QUIVER_HOME

# Arrow reads java.nio buffers directly; JDK 17 requires opening that package. Arrow also checks the bounds of
# every buffer access unless told otherwise: the launchers turn that off, as production Arrow deployments do
# (the test suite keeps the checks on, where they catch bugs). QUIVER_ARROW_CHECKS=on keeps them.
QUIVER_JVM_FLAGS=(--add-opens=java.base/java.nio=ALL-UNNAMED)
# The JIT otherwise inlines whole compiled kernels (up to 2.5 KB of machine code each) into the operators' per-batch
# loops, compiling 40-70 KB methods again each time a query brings new kernel classes; on two cores that compile
# work competes with the tasks. With 500 bytes, the TPC-H run's compile time halves (32-40 s -> 18-22 s of CPU)
# and its geometric mean drops 10-15% (bench/README.md); hot loops keep their small callees inlined.
QUIVER_JVM_FLAGS+=(-XX:InlineSmallCode=500)
# For the same reason: C2 inlines hot callees of up to 325 bytes of bytecode by default, and compiling those
# big graphs again after each deoptimization was still a quarter of the TPC-H run's CPU. At 150 bytes the
# kernels' small helpers still inline, and the run's geometric mean drops about 4% (bench/RESULTS.md).
QUIVER_JVM_FLAGS+=(-XX:FreqInlineSize=150)
if [ "${QUIVER_ARROW_CHECKS:-off}" != "on" ]; then
  QUIVER_JVM_FLAGS+=(-Darrow.enable_unsafe_memory_access=true)
fi

quiver_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    echo "$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    command -v java
  else
    echo "quiver: no Java found; install JDK 17+ or set JAVA_HOME" >&2
    exit 1
  fi
}

# Builds Quiver with Maven (quietly) when any source, pom or resource is newer than the last build.
quiver_ensure_built() {
  if [ -n "${QUIVER_CLASSPATH:-}" ]; then
    return  # given by the caller (tests, custom installs): nothing to build
  fi
  local stamp="$QUIVER_HOME/examples/target/quiver.classpath"
  local changed=""
  if [ -f "$stamp" ]; then
    changed=$(find "$QUIVER_HOME" -name target -prune -o -name .git -prune -o -name output -prune \
      -o -name spark-warehouse -prune -o \( -name '*.java' -o -name pom.xml -o -name '*.proto' \
      -o -path '*/src/main/resources/*' \) -newer "$stamp" -print 2>/dev/null | head -n 1 || true)
    # (|| true: find dies of SIGPIPE once head has its line, which pipefail would turn into an exit)
  fi
  if [ ! -f "$stamp" ] || [ -n "$changed" ]; then
    if ! command -v mvn >/dev/null 2>&1; then
      echo "quiver: Maven (mvn) is needed to build Quiver the first time" >&2
      exit 1
    fi
    echo "Building Quiver (mvn -q -DskipTests install; first run downloads dependencies)..." >&2
    (cd "$QUIVER_HOME" && mvn -q -B -Dstyle.color=never -DskipTests install \
        dependency:build-classpath -Dmdep.outputFile=target/dependencies.classpath -Dmdep.includeScope=runtime) 1>&2 \
      || { echo "quiver: the build failed; see the Maven output above" >&2; exit 1; }
    local jar
    jar=$(ls "$QUIVER_HOME"/examples/target/quiver-examples-*.jar 2>/dev/null | grep -v sources | head -n 1)
    echo "$jar:$(cat "$QUIVER_HOME/examples/target/dependencies.classpath")" > "$stamp"
  fi
  QUIVER_CLASSPATH=$(cat "$stamp")
  export QUIVER_CLASSPATH
  quiver_use_class_archive "$stamp"
}

# Class-data sharing: the JVM maps the ~5,000 classes a first query loads from an archive instead of
# parsing and verifying them, which roughly halves the time from process start to a first result. The
# archive is made once per build, by one short training run (the "sales" example), and is named after the
# classpath and the build stamp, so a rebuild makes a new one. Anything going wrong leaves the run without
# it, never failing it: the JVM itself also ignores an archive that does not match its classpath. Set
# QUIVER_CDS=off to run without it.
quiver_use_class_archive() {
  local stamp="$1"
  [ "${QUIVER_CDS:-on}" = off ] && return 0
  local java dir key archive
  java=$(quiver_java)
  dir="$QUIVER_HOME/examples/target/cds"
  key=$(printf '%s\n%s\n%s\n' "$java" "$QUIVER_CLASSPATH" "$(stat -c %Y "$stamp" 2>/dev/null)" | cksum | cut -d' ' -f1)
  archive="$dir/quiver-$key.jsa"
  # Silences the JVM's "unable to use shared archive" warnings: falling back is the intended behaviour.
  local quiet=(-Xlog:cds=off -Xlog:cds+dynamic=off)
  if [ ! -f "$archive" ] && [ ! -f "$archive.failed" ] && mkdir -p "$dir" 2>/dev/null; then
    rm -f "$dir"/quiver-*.jsa "$dir"/quiver-*.failed 2>/dev/null
    local tmp out
    tmp="$archive.$$.tmp"
    out=$(mktemp -d 2>/dev/null) || return 0
    echo "Creating Quiver's class-data sharing archive (once per build)..." >&2
    if "$java" "${QUIVER_JVM_FLAGS[@]}" "${quiet[@]}" -XX:ArchiveClassesAtExit="$tmp" \
        -Dquiver.examples.data="$QUIVER_HOME/examples/data" -Dquiver.examples.output="$out" \
        -Dspark.master='local[2]' -cp "$QUIVER_CLASSPATH" dev.quiver.examples.Examples sales \
        >/dev/null 2>&1 && [ -s "$tmp" ]; then
      mv -f "$tmp" "$archive" 2>/dev/null
    else
      rm -f "$tmp"
      touch "$archive.failed" 2>/dev/null
    fi
    rm -rf "$out"
  fi
  if [ -f "$archive" ]; then
    QUIVER_JVM_FLAGS+=("-XX:SharedArchiveFile=$archive" "${quiet[@]}")
  fi
  return 0
}
