package com.example.inventory.bench;

import com.example.inventory.ServiceJar;
import com.example.inventory.TestDatabase;
import com.example.inventory.stock.PlacementMode;
import com.example.localauth.LocalClient;
import com.example.opendoor.OpenDoor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code bench/run --compare-auth}: what validating the bearer tokens costs. Starts the same jar twice, side by side
 * on one database: <b>validated</b>, as in production (only its launcher differs: Spring Boot's
 * {@code PropertiesLauncher}, with an empty {@code loader.path}), and the <b>open door</b>, the same launch with
 * {@code loader.path} naming a copy of {@link com.example.opendoor} (test classes), whose decoder parses each token
 * and converts its claims as Spring Security's does, without verifying its signature or validating its issuer,
 * audience and lifetime. Both get the same real tokens, so the callers, their scopes and the scope checks are the
 * same. Before measuring it proves which is which (a token with a broken signature: 401 on one, not on the other),
 * warms both up, then runs hot-sku at {@code --clients} for each strategy on each in turn, each run warmed up and
 * measured as in the full benchmark, alternating which service goes first from round to round, and writes
 * {@code report.md}. Only one service is loaded at a time; the idle one only ticks its timers.
 */
final class AuthCost {

    private static final String VALIDATED = "validated";
    private static final String OPEN = "open door";

    private AuthCost() {
    }

    /** One measured run on one of the two services. */
    private record Sample(int round, String door, RunResult run) {
    }

    static int run(Options options) throws Exception {
        long startedNanos = System.nanoTime();
        String started = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_DATE_TIME);
        Path out = options.out();
        Files.createDirectories(out);
        System.out.println("Benchmark: " + options.describe());
        TestDatabase database = TestDatabase.shared();
        String databaseDescription = Benchmark.describe(database);
        System.out.println("Database: " + databaseDescription);
        Catalogue catalogue = new Catalogue(database);
        Path validatedPath = emptyDirectory(out.resolve("loader-path-validated"));
        Path openPath = openDoor(out.resolve("loader-path-open-door"));

        List<Sample> samples = new ArrayList<>();
        String clientDescription;
        String doors;
        Path validatedLog = out.resolve("service-validated.log");
        Path openLog = out.resolve("service-open-door.log");
        Files.deleteIfExists(validatedLog);
        Files.deleteIfExists(openLog);
        try (ServiceJar validated = ServiceJar.start(options.jar(), options.serviceJavaOptions(), validatedPath,
                database.jdbcUrl(), database.roles(), ServiceJar.freePort(), validatedLog);
             ServiceJar open = ServiceJar.start(options.jar(), options.serviceJavaOptions(), openPath,
                     database.jdbcUrl(), database.roles(), ServiceJar.freePort(), openLog)) {
            System.out.println("Service, tokens validated: pid " + validated.pid() + " at " + validated.base()
                    + ", log " + validatedLog);
            System.out.println("Service, open door:        pid " + open.pid() + " at " + open.base() + ", log "
                    + openLog);
            doors = proveDoors(validated, open);
            LoadClient validatedClient = LoadClient.choose(options.client(), validated.base());
            LoadClient openClient = LoadClient.choose(options.client(), open.base());
            clientDescription = validatedClient.name() + ": " + validatedClient.describe();
            System.out.println("Load generator: " + clientDescription);
            Benchmark validatedBench = new Benchmark(options, catalogue, validated, validatedClient, "v-");
            Benchmark openBench = new Benchmark(options, catalogue, open, openClient, "open-");
            System.out.println("Service warm-up, tokens validated:");
            validatedBench.warmUpService();
            System.out.println("Service warm-up, open door:");
            openBench.warmUpService();
            for (int round = 1; round <= options.compareAuth(); round++) {
                boolean validatedFirst = round % 2 == 1;
                for (PlacementMode strategy : options.strategies()) {
                    for (boolean first : List.of(true, false)) {
                        boolean isValidated = first == validatedFirst;
                        Benchmark bench = isValidated ? validatedBench : openBench;
                        samples.add(new Sample(round, isValidated ? VALIDATED : OPEN,
                                bench.measure(Scenario.HOT_SKU, strategy, options.clients())));
                    }
                }
            }
        }
        double minutes = (System.nanoTime() - startedNanos) / 60e9;
        String report = report(samples, options, started, databaseDescription, clientDescription, doors, minutes);
        Files.writeString(out.resolve("report.md"), report);
        System.out.println();
        System.out.print(report);
        boolean passed = samples.stream().allMatch(sample -> sample.run().passed());
        System.out.printf("Report: %s — %s (%.1f minutes)%n", out.resolve("report.md"),
                passed ? "PASSED" : "FAILED: invariant violated, see the report", minutes);
        return passed ? Benchmark.EXIT_OK : Benchmark.EXIT_FAILED;
    }

    /** A directory of its own for each launch: emptied first, so nothing of an earlier run joins the class path. */
    private static Path emptyDirectory(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> {
                    try {
                        Files.delete(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        return Files.createDirectories(directory);
    }

    /** The open door's class path directory: the compiled com.example.opendoor package and its import file. */
    private static Path openDoor(Path directory) throws IOException, URISyntaxException {
        emptyDirectory(directory);
        Path classes = Path.of(OpenDoor.class.getResource("OpenDoor.class").toURI()).getParent();
        Path target = Files.createDirectories(directory.resolve(OpenDoor.class.getPackageName().replace('.', '/')));
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : files.filter(file -> file.toString().endsWith(".class")).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        Path imports = directory.resolve(OpenDoor.IMPORTS);
        Files.createDirectories(imports.getParent());
        Files.writeString(imports, OpenDoor.class.getName() + "\n");
        return directory;
    }

    /**
     * Which service is which, before anything is measured: a harness token whose signature is broken is refused by
     * the validating service (401) and let through by the open door; the open door also logged its warning.
     */
    private static String proveDoors(ServiceJar validated, ServiceJar open)
            throws IOException, InterruptedException {
        String token = ServiceJar.tokens().accessToken(LocalClient.TEST_HARNESS);
        int at = token.length() - 20;
        String forged = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        int refused = status(validated, forged);
        int let = status(open, forged);
        if (refused != 401 || let == 401 || !open.logOfThisProcess().contains("BENCHMARK OPEN DOOR")) {
            throw new IllegalStateException("The doors are not what they should be: a token with a broken signature "
                    + "got " + refused + " from the validating service (401 expected) and " + let + " from the open "
                    + "door (anything but 401 expected); open door log: " + open.log());
        }
        String checked = "Doors checked before the runs: a harness token with a broken signature got " + refused
                + " from the validating service, " + let + " (an unknown SKU) from the open door.";
        System.out.println(checked);
        return checked;
    }

    private static int status(ServiceJar service, String token) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return http.send(HttpRequest.newBuilder(URI.create(service.base() + "/api/v1/products/no-such-sku"))
                        .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String report(List<Sample> samples, Options options, String started, String database,
                                 String client, String doors, double minutes) {
        StringBuilder md = new StringBuilder();
        md.append("# The cost of token validation\n\n");
        md.append("`bench/run --compare-auth`: ").append(options.describe()).append(". Started ").append(started)
                .append(", ").append(String.format(Locale.ROOT, "%.1f", minutes)).append(" minutes.\n\n");
        md.append("""
                The same jar, twice, side by side: **validated** as in production (RSA signature against the local \
                issuer's JWK set, issuer, audience `inventory`, expiry and not-before), and the **open door**: the \
                test classes' `com.example.opendoor` on its class path (`PropertiesLauncher`, `-Dloader.path`), whose \
                decoder only parses each token and converts its claims as Spring Security does. Both get the same \
                real tokens; the caller, its scopes and the scope checks are the same. Only one service is loaded at \
                a time, each run warmed up as in the full benchmark; rounds alternate which goes first.
                """);
        md.append("\n").append(doors).append("\n\n");
        md.append("| round | strategy | service | deductions/s | p50 ms | p99 ms | service CPU ms/req | client CPU ms/req"
                + " | orders per batch | invariants |\n|---:|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Sample sample : samples) {
            RunResult run = sample.run();
            md.append(String.format(Locale.ROOT, "| %d | %s | %s | %,.0f | %.2f | %.1f | %.3f | %.3f | %s | %s |%n",
                    sample.round(), run.strategy().value(), sample.door(), run.completedPerSecond(),
                    run.latencyMillis(50), run.latencyMillis(99), run.measurement().serviceMsPerRequest(),
                    run.measurement().clientMsPerRequest(),
                    run.batches().map(b -> String.format(Locale.ROOT, "%.1f", b.mean())).orElse(""),
                    run.passed() ? "held" : "VIOLATED " + run.violations()));
        }
        md.append("\nAll rounds pooled (requests and CPU summed over the measured phases):\n\n");
        md.append("| strategy | clients | validated deductions/s | open door deductions/s | validated / open door "
                + "| service CPU ms/req validated | open door | difference per request |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (PlacementMode strategy : options.strategies()) {
            Pool validated = pool(samples, strategy, VALIDATED);
            Pool open = pool(samples, strategy, OPEN);
            md.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %,.0f | **%.1f%%** | %.3f | %.3f | %+.3f ms |%n",
                    strategy.value(), options.clients(), validated.perSecond(), open.perSecond(),
                    100 * validated.perSecond() / open.perSecond(), validated.cpuMsPerRequest(),
                    open.cpuMsPerRequest(), validated.cpuMsPerRequest() - open.cpuMsPerRequest()));
        }
        md.append("\nRatios of the rounds, validated / open door deductions/s: ");
        for (PlacementMode strategy : options.strategies()) {
            List<Double> validated = samples.stream().filter(s -> s.run().strategy() == strategy
                    && s.door().equals(VALIDATED)).map(s -> s.run().completedPerSecond()).toList();
            List<Double> open = samples.stream().filter(s -> s.run().strategy() == strategy
                    && s.door().equals(OPEN)).map(s -> s.run().completedPerSecond()).toList();
            md.append(strategy.value()).append(' ');
            for (int i = 0; i < Math.min(validated.size(), open.size()); i++) {
                md.append(String.format(Locale.ROOT, "%s%.1f%%", i == 0 ? "" : ", ",
                        100 * validated.get(i) / open.get(i)));
            }
            md.append(". ");
        }
        md.append("\n\nMachine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores; JDK ")
                .append(Benchmark.jdk()).append("; database ").append(database).append("; load generator ")
                .append(client).append("; service JVM options ").append(String.join(" ", options.serviceJavaOptions()))
                .append(".\n");
        return md.toString();
    }

    /** The measured phases of one strategy on one service, summed. */
    private static Pool pool(List<Sample> samples, PlacementMode strategy, String door) {
        return Pool.of(samples.stream().filter(sample -> sample.run().strategy() == strategy
                && sample.door().equals(door)).map(Sample::run).toList());
    }
}
