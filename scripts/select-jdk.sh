# Sourced by scripts that build or run the service: exports JAVA_HOME (and PATH) for a JDK 21 or newer,
# picked from JAVA_HOME, then PATH, then the newest under /usr/lib/jvm. This machine's default java may be 17.

java_major() {
  "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1") ? v[2] : v[1]; exit }'
}

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
  :
elif command -v java >/dev/null && [ "$(java_major "$(command -v java)")" -ge 21 ]; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
else
  JAVA_HOME=""
  for candidate in /usr/lib/jvm/*/; do
    candidate="${candidate%/}"
    [ -x "$candidate/bin/javac" ] || continue
    major="$(java_major "$candidate/bin/java")"
    if [ "${major:-0}" -ge 21 ] && { [ -z "$JAVA_HOME" ] || [ "$major" -gt "$(java_major "$JAVA_HOME/bin/java")" ]; }; then
      JAVA_HOME="$candidate"
    fi
  done
  if [ -z "$JAVA_HOME" ]; then
    echo "No JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm)" >&2
    return 1 2>/dev/null || exit 1
  fi
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
