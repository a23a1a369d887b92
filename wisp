#!/usr/bin/env bash
# The wisp launcher.
#
#   ./wisp [--config FILE] [--help]   builds wisp when its sources changed, then runs it
#                                     (ws/http on 8080, wss/https on 8443, embedded defaults)
#   ./wisp test                       installs what the tests need, then runs every test
#
# JAVA_OPTS is passed to the JVM, e.g. JAVA_OPTS=-Dwisp.wss.port=443 ./wisp
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$root/proxy/target/wisp.jar"
e2e="$root/proxy/src/it"

say() { printf '\nwisp: %s\n' "$*" >&2; }
die() { printf 'wisp: %s\n' "$*" >&2; exit 1; }

require() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null || die "$tool is required but not installed"
  done
}

# Rebuild when the jar is missing or older than anything it is built from.
needs_build() {
  [ ! -f "$jar" ] && return 0
  [ -n "$(find "$root/pom.xml" "$root/config" "$root/registrar/pom.xml" "$root/registrar/src/main" \
      "$root/web-client/pom.xml" "$root/web-client/package.json" "$root/web-client/build.mjs" \
      "$root/web-client/src" "$root/proxy/pom.xml" "$root/proxy/src/main" -newer "$jar" -type f -print -quit)" ]
}

run_wisp() {
  require java mvn
  if needs_build; then
    say "building (mvn package)..."
    mvn -q -B -f "$root/pom.xml" -DskipTests package
  fi
  # shellcheck disable=SC2086 # JAVA_OPTS holds several words on purpose
  exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

install_test_tools() {
  require java mvn node npm
  command -v chromium >/dev/null || { say "installing Debian's chromium"; apt_install chromium; }
  command -v ip >/dev/null || { say "installing iproute2"; apt_install iproute2; }
  say "installing the end-to-end test packages (npm ci)"
  (cd "$e2e" && npm ci --no-audit --no-fund --loglevel=error)
}

run_tests() {
  install_test_tools
  say "unit tests and the build (mvn verify)"
  mvn -B -f "$root/pom.xml" verify
  say "end-to-end tests: JsSIP and SIP.js against a running wisp; one run of every benchmark"
  (cd "$e2e" && WISP_JAR="$jar" node --test --test-concurrency=1 --test-reporter=spec ./*.test.mjs)
  say "browser tests: Chromium pages moving files over DataChannels, in a network namespace"
  (cd "$e2e" && WISP_JAR="$jar" ./in-network-namespace.sh node --test --test-concurrency=1 --test-reporter=spec \
      browser/datachannel.test.mjs browser/web-client.test.mjs)
  say "every test passed"
}

case "${1:-}" in
  test) shift; run_tests "$@" ;;
  *) run_wisp "$@" ;;
esac
