/*
 * The local authorization server on its own (com.example.localauth.LocalAuthorizationServer), for the scripts that run
 * the packaged jar: `java -cp <test classpath> scripts/RunAuthorizationServer.java PORT` (source-file mode, as
 * bench/RunBenchmark.java, because `./mvnw spring-boot:test-run` needs exactly one class with a main method among the
 * test classes). It listens on 127.0.0.1:PORT, issuer http://127.0.0.1:PORT, until it is stopped; scripts/local-auth.sh
 * starts it and waits for it.
 */
public class RunAuthorizationServer {

    public static void main(String[] args) {
        com.example.localauth.LocalAuthorizationServer.start(Integer.parseInt(args[0]));
    }
}
