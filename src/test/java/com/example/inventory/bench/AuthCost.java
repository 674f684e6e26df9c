package com.example.inventory.bench;

import com.example.inventory.ServiceJar;
import com.example.inventory.TestDatabase;
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
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * {@code bench/run --compare-auth}: what validating the bearer tokens costs. Starts the same jar twice, side by side
 * on one database: <b>validated</b>, as in production (only its launcher differs: Spring Boot's
 * {@code PropertiesLauncher}, with an empty {@code loader.path}), and the <b>open door</b>, the same launch with
 * {@code loader.path} naming a copy of {@link com.example.opendoor} (test classes), whose decoder parses each token
 * and converts its claims as Spring Security's does, without verifying its signature or validating its issuer,
 * audience and lifetime. Both get the same real tokens, so the callers, their scopes and the scope checks are the
 * same. Before measuring it proves which is which (a token with a broken signature: 401 on one, not on the other),
 * then {@link SideBySide} warms both up and runs hot-sku at {@code --clients} for each strategy on each in turn, each
 * run warmed up and measured as in the full benchmark, alternating which service goes first from round to round, and
 * this writes {@code report.md}. Only one service is loaded at a time; the idle one only ticks its timers.
 */
final class AuthCost {

    private static final String VALIDATED = "validated";
    private static final String OPEN = "open door";
    /** Issue 18: hot-SKU batched with tokens validated within 10% of its throughput without security. */
    static final double WITHIN = 0.10;

    private AuthCost() {
    }

    static int run(Options options) throws Exception {
        long startedNanos = System.nanoTime();
        String started = SideBySide.now();
        Path out = options.out();
        Files.createDirectories(out);
        System.out.println("Benchmark: " + options.describe());
        TestDatabase database = TestDatabase.shared();
        String databaseDescription = Benchmark.describe(database);
        System.out.println("Database: " + databaseDescription);
        Catalogue catalogue = new Catalogue(database);
        Path validatedPath = emptyDirectory(out.resolve("loader-path-validated"));
        Path openPath = openDoor(out.resolve("loader-path-open-door"));

        SideBySide runs;
        String clientDescription;
        String doors;
        Path validatedLog = SideBySide.freshLog(out, "service-validated.log");
        Path openLog = SideBySide.freshLog(out, "service-open-door.log");
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
            runs = SideBySide.measure(
                    new SideBySide.Side(VALIDATED, new Benchmark(options, catalogue, validated, validatedClient, "v-")),
                    new SideBySide.Side(OPEN, new Benchmark(options, catalogue, open, openClient, "open-")),
                    options.compareAuth(), List.of(Scenario.HOT_SKU), options.strategies(), options.clients());
        }
        String report = report(runs, options, started, databaseDescription, clientDescription, doors,
                SideBySide.minutesSince(startedNanos));
        return SideBySide.finish(options, report, runs.passed(), startedNanos);
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

    private static String report(SideBySide runs, Options options, String started, String database,
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
                a time, each run warmed up as in the full benchmark; rounds alternate which goes first. The target \
                (issue 18): validated within %.0f%% of the open door.
                """.formatted(WITHIN * 100));
        md.append("\n").append(doors).append("\n\n");
        md.append(runs.runsTable("service"));
        md.append("\nAll rounds pooled (requests and CPU summed over the measured phases):\n\n");
        md.append(runs.pooledTable(List.of(Scenario.HOT_SKU), options.strategies(), options.clients(), VALIDATED,
                OPEN, OptionalDouble.of(WITHIN)));
        md.append("\nDatabase ").append(database).append(".\n\n");
        md.append(SideBySide.machine(options, client));
        return md.toString();
    }
}
