package com.example.inventory;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import com.example.localauth.LocalAuthorizationServer;
import com.example.localauth.LocalClient;
import com.example.localauth.LocalTokens;
import org.jspecify.annotations.Nullable;

/**
 * The packaged service in a process of its own, as it runs in production: {@code java -jar} on a free port against
 * a database of the test's choosing, trusting this JVM's {@linkplain LocalAuthorizationServer#shared() local
 * authorization server} as its token issuer ({@code --spring.security.oauth2.resourceserver.jwt.issuer-uri}, unless the
 * test names another). It can be stopped as an orchestrator would (SIGTERM) or killed (SIGKILL).
 */
public final class ServiceJar implements AutoCloseable {

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(60);
    private static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    private static final String PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private final Process process;
    private final int port;
    private final Path log;
    /** Where this process's lines begin: the log is appended to, across restarts and runs. */
    private final long logStart;
    private final Thread killOnExit;
    private OptionalLong peakRssKib = OptionalLong.empty();

    private ServiceJar(Process process, int port, Path log, long logStart) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.logStart = logStart;
        this.killOnExit = new Thread(process::destroyForcibly, "kill-service-" + port);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts the jar against {@code jdbcUrl} on a free port and returns once its readiness probe answers UP. Flyway
     * logs in as the roles' owner, the pool as their service role.
     *
     * @param properties extra {@code name=value} settings, passed as command-line arguments
     */
    public static ServiceJar start(String jdbcUrl, TestDatabase.Roles roles, Path log, String... properties)
            throws IOException, InterruptedException {
        return start(jdbcUrl, roles, freePort(), log, properties);
    }

    /** As {@link #start(String, TestDatabase.Roles, Path, String...)}, on a given port (a restart keeps its port). */
    public static ServiceJar start(String jdbcUrl, TestDatabase.Roles roles, int port, Path log,
                                   String... properties) throws IOException, InterruptedException {
        // Several instances may run at once beside the test JVM and PostgreSQL: each gets a modest heap.
        return start(jar(), List.of("-Xmx512m"), jdbcUrl, roles, port, log, properties);
    }

    /** Starts {@code jar} with the given JVM options ({@code java -jar}, as in production). */
    public static ServiceJar start(Path jar, List<String> javaOptions, String jdbcUrl, TestDatabase.Roles roles,
                                   int port, Path log, String... properties)
            throws IOException, InterruptedException {
        return start(jar, javaOptions, null, jdbcUrl, roles, port, log, properties);
    }

    /**
     * Starts {@code jar} with the given JVM options: the form every other {@code start} comes down to. With a
     * {@code loaderPath}, the same jar is started by Spring Boot's {@code PropertiesLauncher} (the jar's own loader)
     * with {@code -Dloader.path=<loaderPath>}: that directory's classes and resources join the jar's class path, ahead
     * of it. The benchmark uses it for its open door ({@code com.example.opendoor}).
     */
    public static ServiceJar start(Path jar, List<String> javaOptions, @Nullable Path loaderPath, String jdbcUrl,
                                   TestDatabase.Roles roles, int port, Path log, String... properties)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        if (loaderPath == null) {
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        } else {
            command.addAll(List.of("-Dloader.path=" + loaderPath.toAbsolutePath(), "-cp",
                    jar.toAbsolutePath().toString(), PROPERTIES_LAUNCHER));
        }
        for (String property : properties) {
            command.add("--" + property);
        }
        if (Arrays.stream(properties).noneMatch(property -> property.startsWith(ISSUER_URI + "="))) {
            command.add("--" + LocalAuthorizationServer.shared().issuerUriProperty());
        }
        if (Arrays.stream(properties).noneMatch(property -> property.startsWith("spring.rabbitmq.")
                || property.startsWith("inventory.events.transport="))) {
            TestBroker broker = TestBroker.shared();
            command.addAll(List.of("--spring.rabbitmq.host=" + broker.host(), "--spring.rabbitmq.port=" + broker.port(),
                    "--spring.rabbitmq.username=" + broker.username(), "--spring.rabbitmq.password="
                            + broker.password()));
        }
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        environment.put("SPRING_DATASOURCE_URL", jdbcUrl);
        environment.put("SPRING_DATASOURCE_USERNAME", roles.service().username());
        environment.put("SPRING_DATASOURCE_PASSWORD", roles.service().password());
        environment.put("SPRING_FLYWAY_USER", roles.owner().username());
        environment.put("SPRING_FLYWAY_PASSWORD", roles.owner().password());
        environment.put("SERVER_PORT", Integer.toString(port));
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        ServiceJar service = new ServiceJar(builder.start(), port, log, logStart);
        try {
            service.awaitReady(STARTUP_LIMIT);
        } catch (IOException | InterruptedException | RuntimeException e) {
            service.kill();
            throw e;
        }
        return service;
    }

    /** Starts the jar against the test JVM's own database. */
    public static ServiceJar start(Path log, String... properties) throws IOException, InterruptedException {
        TestDatabase database = TestDatabase.shared();
        return start(database.jdbcUrl(), database.roles(), log, properties);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** A client of this service that sends the test harness's token (every scope) with each request. */
    public HttpApi api() {
        return new HttpApi(port, () -> tokens().authorization(LocalClient.TEST_HARNESS));
    }

    /** Tokens from this JVM's local authorization server (the issuer the jar trusts unless told otherwise). */
    public static LocalTokens tokens() {
        return LocalAuthorizationServer.shared().tokens();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The process's peak resident set size (VmHWM, Linux), read while it runs; the last value once it ended. */
    public OptionalLong peakRssKib() {
        if (process.isAlive()) {
            try {
                peakRssKib = Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                        .filter(line -> line.startsWith("VmHWM:"))
                        .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                        .findFirst();
            } catch (IOException | RuntimeException e) {
                // not Linux, or the process just ended: keep the last value read
            }
        }
        return peakRssKib;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** What this process has logged so far (not the earlier processes' lines in the same file). */
    public String logOfThisProcess() throws IOException {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) Math.min(logStart, all.length), (int) Math.max(0, all.length - logStart),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Whether the readiness probe answers 200 (UP) right now. */
    public boolean isReady() {
        try {
            return http().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/actuator/health/readiness")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until the readiness probe answers UP. */
    public void awaitReady(Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!isReady()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited with " + process.exitValue()
                        + " before it was ready; its log (" + log + ") ends with:\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The service was not ready within " + limit + "; its log (" + log
                        + ") ends with:\n" + tail());
            }
            Thread.sleep(100);
        }
    }

    /** SIGTERM, as an orchestrator stops a container: graceful shutdown. Waits for the process to end. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("The service did not stop within " + STOP_LIMIT + " of SIGTERM");
        }
        return process.exitValue();
    }

    /** SIGKILL: the process dies at once, in the middle of whatever it was doing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        peakRssKib();
        if (process.isAlive()) {
            stop();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway and finds the process gone
        }
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** The packaged jar: {@code target/stock-deduction-service-*.jar}, built by {@code package} before the ITs. */
    public static Path jar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("stock-deduction-service-.*\\.jar"))
                    .findFirst().map(Path::toAbsolutePath)
                    .orElseThrow(() -> new IllegalStateException("No target/stock-deduction-service-*.jar: the "
                            + "integration tests run after `package` (./mvnw verify)"));
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static HttpClient http() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }
}
