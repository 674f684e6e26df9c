package com.example.inventory.bench;

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
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import com.example.inventory.TestDatabase;

/** The packaged service in its own JVM, as it runs in production: a child process on a free local port. */
final class ServiceProcess implements AutoCloseable {

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(30);

    private final Process process;
    private final URI base;
    private final Path log;
    private final Thread killOnExit;
    private OptionalLong peakRssKib = OptionalLong.empty();

    private ServiceProcess(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
        this.killOnExit = new Thread(process::destroyForcibly, "stop-benchmarked-service");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Starts the jar against the database, and returns once the service reports itself ready. */
    static ServiceProcess start(Path jar, List<String> javaOptions, TestDatabase database, Path log)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
        environment.put("SPRING_DATASOURCE_USERNAME", database.username());
        environment.put("SPRING_DATASOURCE_PASSWORD", database.password());
        environment.put("SERVER_PORT", Integer.toString(port));
        environment.put("SERVER_ADDRESS", "127.0.0.1");
        ServiceProcess service = new ServiceProcess(builder.start(), URI.create("http://127.0.0.1:" + port), log);
        try {
            service.awaitReadiness();
        } catch (IOException | InterruptedException | RuntimeException e) {
            service.close();
            throw e;
        }
        return service;
    }

    URI base() {
        return base;
    }

    long pid() {
        return process.pid();
    }

    private void awaitReadiness() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(base.resolve("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited with " + process.exitValue()
                        + " before it was ready; its log (" + log + ") ends with:\n" + tail());
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling until the deadline
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The service was not ready within " + STARTUP_LIMIT.toSeconds()
                + " s; its log (" + log + ") ends with:\n" + tail());
    }

    /** The service's peak resident set size (VmHWM), read while it is still running. */
    OptionalLong peakRssKib() {
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

    /** Reads the peak RSS one last time, then asks the service to stop (SIGTERM) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        peakRssKib();
        process.destroy();
        if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway and finds the process gone
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
