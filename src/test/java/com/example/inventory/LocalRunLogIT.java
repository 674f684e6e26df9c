package com.example.inventory;

import com.example.localauth.LocalClient;
import com.example.localauth.LocalTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local run ({@code ./mvnw spring-boot:test-run}) as a newcomer meets it: {@link TestInventoryApplication} in a
 * process of its own, without {@value TestDatabase#URL_VARIABLE} (so on Docker or the embedded PostgreSQL), sent
 * client mistakes and then Ctrl-C (SIGINT). Its log, from start to exit, holds no ERROR, no WARN and no stack trace;
 * one line says which database was chosen, and start-up ends with the line saying where it listens.
 */
@Timeout(300)
class LocalRunLogIT {

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(180);

    /**
     * With the local RabbitMQ, and without one (a broker named where nothing listens): then one line says that events
     * are logged and completed here, and nothing else changes.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void fromStartToCtrlCTheLogHoldsNoTroubleAndStartUpEndsWithWhereItListens(boolean broker) throws Exception {
        int port = ServiceJar.freePort();
        Path log = Path.of("target", "local-run", broker ? "local-run.log" : "local-run-without-broker.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"),
                TestInventoryApplication.class.getName(), "--server.port=" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove(TestDatabase.URL_VARIABLE);
        if (!broker) {
            builder.environment().put(TestBroker.VARIABLE, "127.0.0.1:" + ServiceJar.freePort());
        }
        Process process = builder.start();
        try {
            awaitLine(log, process, line -> line.contains(" Ready on "));

            // The local run trusts its own authorization server: a token from it, as a developer would get one.
            LocalTokens tokens = new LocalTokens(URI.create("http://localhost:" + port + "/oauth2/token"));
            HttpApi api = new HttpApi(port, () -> tokens.authorization(LocalClient.TEST_HARNESS));
            String sku = HttpApi.unique("LOG");
            api.createProduct(sku, 1);
            assertThat(api.deduct(null, HttpApi.unique("order"), sku, 2).status()).isEqualTo(409);
            assertThat(api.method("DELETE", "/api/v1/products").status()).isEqualTo(405);
            assertThat(api.method("TRACE", "/api/v1/products").status()).isEqualTo(405);
            assertThat(api.post("/api/v1/products", "x", "text/plain").status()).isEqualTo(415);
            assertThat(api.post("/api/v1/products", "{bad").status()).isEqualTo(400);
            assertThat(api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/products"))
                    .header("Accept", "image/png")).status()).isEqualTo(406);
            assertThat(api.get("/nothing-here").status()).isEqualTo(404);
            assertThat(new RawHttp(port).sendVerbatim("GET /api/v1/products/x| HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n").status()).isEqualTo(400);

            Process interrupt = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
            assertThat(interrupt.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s of SIGINT").isTrue();
        } finally {
            process.destroyForcibly().waitFor();
        }

        assertThat(process.exitValue()).as("exit status after SIGINT").isEqualTo(130);
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).as("trouble in %s", log).filteredOn(line -> line.contains(" ERROR ")
                || line.contains(" WARN ") || line.contains("FATAL") || line.contains("Exception")
                || line.startsWith("\tat ") || line.startsWith("WARNING:")).isEmpty();
        assertThat(lines).filteredOn(line -> line.contains(" Test database: jdbc:postgresql://")).hasSize(1);
        assertThat(lines).filteredOn(line -> line.startsWith("No RabbitMQ answers: events are recorded and completed"))
                .hasSize(broker ? 0 : 1);
        List<Integer> ready = IntStream.range(0, lines.size()).filter(i -> lines.get(i).contains(" Ready on "))
                .boxed().toList();
        assertThat(ready).hasSize(1);
        assertThat(lines.get(ready.getFirst()))
                .containsPattern(" Ready on http://localhost:" + port + ", database jdbc:postgresql://\\S+$");
        assertThat(lines.subList(ready.getFirst() + 1, lines.size()))
                .as("after start-up (requests log nothing), only the shutdown's lines")
                .allMatch(line -> line.matches(".*\\[(ionShutdownHook|tomcat-shutdown)\\] .*"));
    }

    private static void awaitLine(Path log, Process process, Predicate<String> wanted)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (!Files.exists(log) || Files.readAllLines(log).stream().noneMatch(wanted)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The local run exited with " + process.exitValue()
                        + " before it was ready; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The local run was not ready within " + STARTUP_LIMIT + "; see "
                        + log);
            }
            Thread.sleep(200);
        }
    }
}
