# Shared by bin/virex, bin/test and bench/run: find a JDK >= 21 and the Maven build.
# Sourced, not executed.

VIREX_MIN_JAVA=21

# Prints the feature version (17, 21, 25, ...) of the java binary given, or nothing.
virex_java_feature() {
  local out v
  out=$("$1" -version 2>&1 | head -n 1) || return 1
  v=$(printf '%s\n' "$out" | sed -n 's/.*version "\([0-9][0-9]*\)\(\.[0-9][0-9]*\)*.*".*/\1/p')
  [ "$v" = "1" ] && v=$(printf '%s\n' "$out" | sed -n 's/.*version "1\.\([0-9]*\).*/\1/p')
  printf '%s\n' "$v"
}

# Sets JAVA_HOME to a JDK >= 21: JAVA_HOME if good, else `java` on PATH, else the newest
# under /usr/lib/jvm. Exits with a one-line, actionable error when there is none.
virex_find_jdk() {
  local v cand best="" bestv=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    v=$(virex_java_feature "$JAVA_HOME/bin/java")
    if [ -n "$v" ] && [ "$v" -ge "$VIREX_MIN_JAVA" ]; then return 0; fi
  fi
  if command -v java >/dev/null 2>&1 && command -v javac >/dev/null 2>&1; then
    cand=$(readlink -f "$(command -v javac)")
    cand=${cand%/bin/javac}
    v=$(virex_java_feature "$cand/bin/java")
    if [ -n "$v" ] && [ "$v" -ge "$VIREX_MIN_JAVA" ]; then export JAVA_HOME="$cand"; return 0; fi
  fi
  for cand in /usr/lib/jvm/*; do
    [ -x "$cand/bin/java" ] && [ -x "$cand/bin/javac" ] || continue
    v=$(virex_java_feature "$cand/bin/java")
    if [ -n "$v" ] && [ "$v" -ge "$VIREX_MIN_JAVA" ] && [ "$v" -gt "$bestv" ]; then best=$cand; bestv=$v; fi
  done
  if [ -n "$best" ]; then export JAVA_HOME="$best"; return 0; fi
  echo "virex: no JDK >= $VIREX_MIN_JAVA found (checked JAVA_HOME, java on PATH, /usr/lib/jvm/*); install one (e.g. 'apt-get install openjdk-21-jdk-headless') or set JAVA_HOME to it" >&2
  exit 1
}

virex_require_maven() {
  if ! command -v mvn >/dev/null 2>&1; then
    echo "virex: Maven (mvn) not found on PATH; install it (e.g. 'apt-get install maven') and retry" >&2
    exit 1
  fi
}

# Common Maven flags: batch mode, no download progress, no colour codes in logs.
VIREX_MVN_FLAGS=(-B -ntp -Dstyle.color=never)

# Maven itself on JDK >= 24 warns about sun.misc.Unsafe (Guava inside Maven 3.8); silence that.
virex_maven_opts() {
  local v
  v=$(virex_java_feature "$JAVA_HOME/bin/java")
  if [ -n "$v" ] && [ "$v" -ge 24 ]; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
}
