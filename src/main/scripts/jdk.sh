# Sourced by ./frontier and ./run-tests: selects a JDK >= 25 without the user exporting anything.
# Order: $JAVA_HOME if it is >= 25, then /usr/lib/jvm/*25* (and newer), else explain what to install.
frontier_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1
}

frontier_select_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25* /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    major=$(frontier_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      # Maven 3.8 on JDK 25 warns about sun.misc.Unsafe; the flag silences its own warning.
      export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
      return 0
    fi
  done
  echo "Frontier needs a JDK 25 or newer (Temurin 25 recommended)." >&2
  echo "Install it (e.g. 'apt-get install temurin-25-jdk' from adoptium.net) or set JAVA_HOME to it." >&2
  return 1
}
