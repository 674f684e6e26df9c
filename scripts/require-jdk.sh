# Sourced by ./mvnw before Maven starts: makes sure a JDK 21 or newer is installed somewhere the build's toolchain
# discovery (maven-toolchains-plugin select-jdk-toolchain) will find it, and otherwise stops with one clear line
# instead of Maven's toolchains.xml advice. Maven itself may run on an older JDK (17 is fine).
# Skipped when ~/.m2/toolchains.xml exists (the plugin reads it too) or MVNW_SKIP_JDK_CHECK is set.

require_jdk_major=21

jdk_major_of() {
  # The JDK's own release file says its version without starting it.
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  fi
}

jdk_found() {
  for home in "$@"; do
    [ -x "$home/bin/javac" ] || continue
    major="$(jdk_major_of "$home")"
    [ -n "$major" ] && [ "$major" -ge "$require_jdk_major" ] && return 0
  done
  return 1
}

if [ -z "${MVNW_SKIP_JDK_CHECK:-}" ] && [ ! -f "$HOME/.m2/toolchains.xml" ]; then
  # mvnw runs with globbing off (set -f); the search below needs it.
  case $- in *f*) require_jdk_noglob=1 ;; *) require_jdk_noglob="" ;; esac
  set +f
  path_java="$(command -v java 2>/dev/null || true)"
  path_home=""
  [ -n "$path_java" ] && path_home="$(dirname "$(dirname "$(readlink -f "$path_java")")")"
  # shellcheck disable=SC2046
  if ! jdk_found "${JAVA_HOME:-}" $(env | sed -n 's/^JAVA[0-9]*_HOME=//p') "$path_home" \
      /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/Library/Java/JavaVirtualMachines/*/Contents/Home; then
    echo "This project needs a JDK $require_jdk_major or newer and none is installed (looked in JAVA_HOME, JAVA<n>_HOME, PATH, /usr/lib/jvm, ~/.sdkman, ~/.jdks): install one, e.g. 'sudo apt install openjdk-21-jdk' or from https://adoptium.net" >&2
    exit 1
  fi
  [ -z "$require_jdk_noglob" ] || set -f
fi
