package com.example.inventory.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Properties;

import ch.qos.logback.classic.Level;
import com.example.inventory.TestDatabase;
import com.example.inventory.stock.Strategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark: starts the packaged service in its own JVM against a fresh database, measures the raw SQL
 * ceiling with pgbench, runs every scenario for every strategy with a closed-loop load, checks the stock
 * invariants after each run and writes report.md, report.csv and charts. See {@link Options#USAGE}.
 */
public final class Benchmark {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    private final Options options;
    private final Catalogue catalogue;
    private int runNumber;

    private Benchmark(Options options, Catalogue catalogue) {
        this.options = options;
        this.catalogue = catalogue;
    }

    /**
     * Runs the whole benchmark in this JVM (the service in a child JVM).
     *
     * @return {@value #EXIT_OK} when every invariant held, {@value #EXIT_FAILED} when one did not,
     *         {@value #EXIT_USAGE} for bad flags
     */
    public static int run(String... args) throws Exception {
        // Without a configuration file logback logs at DEBUG, which drowns the progress lines.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(Options.USAGE);
            return EXIT_USAGE;
        }
        if (options == null) {
            System.out.print(Options.USAGE);
            return EXIT_OK;
        }
        return runWith(options);
    }

    private static int runWith(Options options) throws Exception {
        String started = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_DATE_TIME);
        Path out = options.out();
        Files.createDirectories(out);
        System.out.println("Benchmark: " + options.describe());
        TestDatabase database = TestDatabase.shared();
        String databaseDescription = describe(database);
        System.out.println("Database: " + databaseDescription);
        Catalogue catalogue = new Catalogue(database);
        Benchmark benchmark = new Benchmark(options, catalogue);

        Path serviceLog = out.resolve("service.log");
        Ceiling.Result ceiling;
        List<RunResult> runs = new ArrayList<>();
        OptionalLong serviceRss;
        try (ServiceProcess service = ServiceProcess.start(options.jar(), options.serviceJavaOptions(), database,
                serviceLog)) {
            System.out.println("Service: pid " + service.pid() + " at " + service.base() + ", log " + serviceLog);
            System.out.println("Raw SQL ceiling (pgbench, " + options.ceilingSeconds() + " s each):");
            ceiling = measureCeiling(database, catalogue, out.resolve("ceiling"), options);
            if (ceiling.unavailableBecause() != null) {
                System.out.println("  not measured: " + ceiling.unavailableBecause());
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            LoadGenerator load = new LoadGenerator(http, service.base(), options.clients());
            benchmark.warmUpService(load);
            for (Scenario scenario : options.scenarios()) {
                for (Strategy strategy : options.strategies()) {
                    runs.add(benchmark.measure(load, service.pid(), scenario, strategy));
                }
            }
            serviceRss = service.peakRssKib();
        }

        Report report = new Report(runs, ceiling, new Report.Facts(started, options.describe(),
                databaseDescription, Runtime.getRuntime().availableProcessors(), jdk(), catalogue.serverVersion(),
                poolSize(), serviceRss, serviceLog.toString()), options.clients());
        report.write(out);
        Charts.write(out, runs, report);
        System.out.println("Targets:");
        report.targets().forEach(line -> System.out.println("  " + line.replace("**", "")));
        boolean passed = runs.stream().allMatch(RunResult::passed);
        System.out.println("Report: " + out.resolve("report.md") + " — " + (passed ? "PASSED" : "FAILED: invariant "
                + "violated, see the report"));
        return passed ? EXIT_OK : EXIT_FAILED;
    }

    /** The ceiling is context for the figures, not a check: a pgbench that fails is reported, not fatal. */
    private static Ceiling.Result measureCeiling(TestDatabase database, Catalogue catalogue, Path directory,
                                                 Options options) throws SQLException, InterruptedException {
        try {
            return new Ceiling(database, catalogue, directory).measure(
                    List.copyOf(new LinkedHashSet<>(List.of(options.clients(), 1))), options.ceilingSeconds());
        } catch (IOException | IllegalStateException e) {
            return Ceiling.Result.unavailable("pgbench failed: " + e.getMessage());
        }
    }

    /**
     * Gives the service's JIT a head start on every strategy's code path before the first measured run, which
     * would otherwise pay for it alone. Nothing of it is counted.
     */
    private void warmUpService(LoadGenerator load) throws SQLException, InterruptedException {
        if (options.serviceWarmupSeconds() == 0) {
            return;
        }
        System.out.println("Warming up the service: " + options.serviceWarmupSeconds() + " s per strategy");
        for (Strategy strategy : options.strategies()) {
            Workload workload = Scenario.MIXED.workload("warm-" + strategy.value(), options);
            catalogue.seed(workload);
            load.run(workload, strategy, "warm-" + strategy.value() + "-", Duration.ZERO,
                    Duration.ofSeconds(options.serviceWarmupSeconds()), sellOutLimit());
        }
    }

    /** Seeds fresh products for this scenario x strategy, loads them, then checks the invariants. */
    private RunResult measure(LoadGenerator load, long servicePid, Scenario scenario, Strategy strategy)
            throws SQLException, InterruptedException {
        runNumber++;
        Workload workload = scenario.workload("r" + runNumber + "-" + scenario.id() + "-" + strategy.value(),
                options);
        catalogue.seed(workload);
        String orderPrefix = "o" + runNumber + "-";
        CpuUsage.Snapshot before = CpuUsage.take(servicePid);
        LoadGenerator.Outcome outcome = load.run(workload, strategy, orderPrefix,
                Duration.ofSeconds(options.warmupSeconds()), Duration.ofSeconds(options.durationSeconds()),
                sellOutLimit());
        CpuUsage.Split cpu = CpuUsage.between(before, CpuUsage.take(servicePid));
        List<String> violations = new ArrayList<>(
                catalogue.violations(workload, outcome.unitsDeducted(), orderPrefix, outcome.created()));
        unexpectedStatuses("warm-up", outcome.warmup(), violations);
        unexpectedStatuses("measured", outcome.measured(), violations);
        if (workload.untilSoldOut()) {
            int stock = workload.initialStock()[1];
            if (!outcome.soldOut()) {
                violations.add("not sold out within " + sellOutLimit().toSeconds() + " s");
            }
            if (outcome.measured().count(201) != stock) {
                violations.add("sold " + outcome.measured().count(201) + " units, the stock was " + stock);
            }
        }
        RunResult result = new RunResult(scenario, strategy, options.clients(), outcome, cpu, violations);
        System.out.printf("%-32s %,8.0f deductions/s  p50 %7.2f  p99 %8.2f ms  %s  invariants %s%n",
                result.label(), result.deductionsPerSecond(), result.latencyMillis(50), result.latencyMillis(99),
                outcome.measured().statuses, result.passed() ? "ok" : "VIOLATED " + violations);
        return result;
    }

    /** Generous: a sale cut short is reported as a failure, so only a stuck service should ever reach it. */
    private Duration sellOutLimit() {
        return Duration.ofSeconds(Math.max(120, 10L * options.durationSeconds()));
    }

    private static void unexpectedStatuses(String phase, Tally tally, List<String> violations) {
        tally.statuses.forEach((status, count) -> {
            if (!RunResult.EXPECTED_STATUSES.contains(status)) {
                violations.add(count + " " + phase + " request(s) answered "
                        + (status == Tally.NO_ANSWER ? "nothing (I/O error or timeout)" : "status " + status));
            }
        });
    }

    private static String describe(TestDatabase database) {
        String server = System.getenv(TestDatabase.URL_VARIABLE);
        return database.jdbcUrl() + (server != null && !server.isBlank()
                ? " (fresh database on the server named by " + TestDatabase.URL_VARIABLE + ")"
                : " (no " + TestDatabase.URL_VARIABLE + ": Testcontainers or embedded PostgreSQL)");
    }

    private static String jdk() {
        return System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version");
    }

    /** The service's configured pool size: its application.properties is on this JVM's classpath too. */
    private static String poolSize() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Benchmark.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                return "unknown (no application.properties on the classpath)";
            }
            properties.load(in);
        }
        return properties.getProperty("spring.datasource.hikari.maximum-pool-size", "HikariCP default (10)");
    }
}
