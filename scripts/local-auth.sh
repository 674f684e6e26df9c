# Sourced by the scripts that run the packaged jar (postman/run, bench/profile): the local authorization server
# (src/test/java/com/example/localauth) as a process of its own, and tokens from it by the client-credentials grant.
# The jar is then started with --spring.security.oauth2.resourceserver.jwt.issuer-uri="$AUTH_ISSUER".
#
#   auth_server_start LOG      start it on a free port of 127.0.0.1 (needs target/test-classes and the test classpath
#                              in target/test.classpath: auth_server_classpath builds both); sets AUTH_ISSUER, AUTH_PID
#   auth_server_wait           wait until it serves its metadata (fails after 90 s, or when it exited)
#   auth_server_stop           stop it
#   auth_token CLIENT          an access token of CLIENT (order-frontend, back-office, storefront, test-harness) for
#                              all its scopes; the secrets are the local server's fixed, local-only ones
#
# Needs JAVA_HOME (a JDK 21+: scripts/jdk-home) and curl.

auth_server_classpath() {  # builds what auth_server_start needs, with the jar (same Maven run, so one build)
  ./mvnw -B -q -DskipTests package dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath "$@"
}

auth_server_start() {
  local log="$1" port
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  AUTH_ISSUER="http://127.0.0.1:$port"
  "$JAVA_HOME/bin/java" -Xmx256m -cp "target/test-classes:target/classes:$(cat target/test.classpath)" \
    scripts/RunAuthorizationServer.java "$port" >"$log" 2>&1 &
  AUTH_PID=$!
}

auth_server_wait() {
  local deadline=$((SECONDS + 90))
  until curl -fsS --max-time 2 -o /dev/null "$AUTH_ISSUER/.well-known/oauth-authorization-server" 2>/dev/null; do
    kill -0 "$AUTH_PID" 2>/dev/null || { echo "the authorization server exited before it was ready" >&2; return 1; }
    [ "$SECONDS" -lt "$deadline" ] || { echo "the authorization server was not ready after 90 s" >&2; return 1; }
    sleep 0.5
  done
}

auth_server_stop() {
  if [ -n "${AUTH_PID:-}" ] && kill -0 "$AUTH_PID" 2>/dev/null; then
    kill "$AUTH_PID" 2>/dev/null || true
    wait "$AUTH_PID" 2>/dev/null || true
  fi
}

auth_token() {
  local client="$1" scope
  case "$client" in
    order-frontend) scope='inventory.read inventory.order' ;;
    back-office) scope='inventory.read inventory.admin' ;;
    storefront) scope='inventory.read' ;;
    test-harness) scope='inventory.read inventory.order inventory.admin' ;;
    *) echo "auth_token: unknown client '$client'" >&2; return 2 ;;
  esac
  curl -fsS -u "$client:$client-local-secret" -d grant_type=client_credentials -d "scope=$scope" \
    "$AUTH_ISSUER/oauth2/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
