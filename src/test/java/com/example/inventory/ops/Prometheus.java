package com.example.inventory.ops;

import com.example.inventory.ServiceJar;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus server (Debian's {@code prometheus} package) in a process of its own, started from the project's
 * {@code ops/prometheus/prometheus.yml} with only what a test must change: the intervals, the target, the rule file's
 * and the token file's paths. Its HTTP API answers {@link #query}, {@link #get}.
 */
final class Prometheus implements AutoCloseable {

    static final Path CONFIG = Path.of("ops", "prometheus", "prometheus.yml");
    static final Path ALERTS = Path.of("ops", "prometheus", "alerts.yml");
    static final String JOB = "inventory";
    private static final String INSTALL = "install Debian's package (apt-get install prometheus; .ci/run does): this "
            + "test proves the dashboard and the alert rules against a real Prometheus and does not skip without one";
    private static final Duration START_LIMIT = Duration.ofSeconds(30);
    private static final JsonMapper json = JsonMapper.builder().build();

    private final Process process;
    private final int port;
    private final Path log;
    private final Thread killOnExit;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Prometheus(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.killOnExit = new Thread(process::destroyForcibly, "kill-prometheus-" + port);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** The executable {@code name} ({@code prometheus}, {@code promtool}) on the PATH; fails saying how to install it. */
    static Path executable(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of("/usr/bin", "/usr/local/bin"))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, name)).filter(Files::isExecutable)
                .findFirst().orElseThrow(() -> new IllegalStateException("No `" + name + "` on the PATH: " + INSTALL));
    }

    /**
     * Starts Prometheus scraping {@code service} every second with {@code tokenFile} as its bearer token, evaluating
     * the alert rules every second, and returns once it is ready.
     */
    static Prometheus start(ServiceJar service, Path tokenFile, Path dir) throws IOException, InterruptedException {
        Path binary = executable("prometheus");
        deleteRecursively(dir);
        Files.createDirectories(dir);
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, testConfig(Files.readString(CONFIG), service.port(), tokenFile));
        int port = ServiceJar.freePort();
        Path log = dir.resolve("prometheus.log");
        Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config.toAbsolutePath(),
                "--storage.tsdb.path=" + dir.resolve("data").toAbsolutePath(),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Prometheus prometheus = new Prometheus(process, port, log);
        try {
            prometheus.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException e) {
            prometheus.close();
            throw e;
        }
        return prometheus;
    }

    /**
     * The project's scrape configuration, changed only where a test must: 1 s intervals, the rule file by its
     * absolute path, the service's port, the token file. It must hold exactly the one scrape job this test scrapes.
     */
    @SuppressWarnings("unchecked")
    static String testConfig(String projectConfig, int servicePort, Path tokenFile) {
        Map<String, Object> config = new Yaml().load(projectConfig);
        Map<String, Object> global = (Map<String, Object>) config.get("global");
        global.put("scrape_interval", "1s");
        global.put("evaluation_interval", "1s");
        List<String> rules = (List<String>) config.get("rule_files");
        if (rules == null || !rules.equals(List.of(ALERTS.getFileName().toString()))) {
            throw new IllegalStateException(CONFIG + " should load " + ALERTS.getFileName() + " alone: " + rules);
        }
        config.put("rule_files", List.of(ALERTS.toAbsolutePath().toString()));
        List<Map<String, Object>> scrapes = (List<Map<String, Object>>) config.get("scrape_configs");
        if (scrapes.size() != 1 || !JOB.equals(scrapes.getFirst().get("job_name"))) {
            throw new IllegalStateException(CONFIG + " should hold the one scrape job `" + JOB + "`: " + scrapes);
        }
        Map<String, Object> scrape = scrapes.getFirst();
        ((Map<String, Object>) scrape.get("authorization")).put("credentials_file", tokenFile.toAbsolutePath()
                .toString());
        List<Map<String, Object>> targets = (List<Map<String, Object>>) scrape.get("static_configs");
        targets.getFirst().put("targets", List.of("127.0.0.1:" + servicePort));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(config);
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prometheus exited with " + process.exitValue() + "; its log (" + log
                        + "):\n" + Files.readString(log));
            }
            try {
                if (send("/-/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Prometheus was not ready within " + START_LIMIT + "; see " + log);
            }
            Thread.sleep(200);
        }
    }

    /** {@code GET /api/v1/query?query=…} now: the answer's JSON, whatever its status. */
    JsonNode query(String promql) throws IOException, InterruptedException {
        return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    /** A {@code GET} of the HTTP API: the answer's JSON, whatever its status. */
    JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        return json.readTree(send(pathAndQuery).body());
    }

    private HttpResponse<String> send(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    Path log() {
        return log;
    }

    /** Runs {@code promtool} with {@code arguments}: its exit status and what it printed. */
    static Result promtool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable("promtool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("promtool " + arguments[0] + " did not end within 60 s:\n" + output);
        }
        return new Result(process.exitValue(), output);
    }

    record Result(int exitStatus, String output) {
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway and finds the process gone
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
