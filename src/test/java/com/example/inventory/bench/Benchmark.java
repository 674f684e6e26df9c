package com.example.inventory.bench;

import com.example.inventory.HttpApi;
import com.example.inventory.ServiceJar;
import com.example.inventory.TestDatabase;
import com.example.inventory.stock.PlacementMode;
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
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.function.IntFunction;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark: starts the packaged service in its own JVM against a fresh database, measures the raw SQL
 * ceiling with pgbench and the read ceiling through the service, runs every scenario for every strategy with a
 * closed-loop load (wrk, or the Java client where wrk is missing), each after a warm-up until its throughput is
 * steady, checks the stock invariants after each run and writes report.md, report.csv and charts. See
 * {@link Options#USAGE}.
 */
public final class Benchmark {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    /** The JIT is quiet when a warm-up round's compilations took less than this share of its wall time. */
    static final double JIT_QUIET_SHARE = 0.02;

    private final Options options;
    private final Catalogue catalogue;
    /** The instance the benchmark's own API calls go to: the first of {@link #instances}. */
    private final ServiceJar service;
    /**
     * Every instance of the service the load may reach (one, except in {@code --compare-instances}): CPU, JIT time
     * and batch meters are taken over all of them, summed.
     */
    private final List<ServiceJar> instances;
    private final LoadClient client;
    /** Starts the names of this service's products and order ids: two services of one run share a database. */
    private final String tag;
    /** A comparison's own check after each run, beside the invariants. */
    private final AfterRun afterRun;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private int runNumber;
    /** Whether the locations of the locations scenario exist on this service's database. */
    private boolean locationsCreated;

    /**
     * What a comparison checks after each measured run of one of its services, beside the invariants (e.g.
     * {@code --compare-events}: the sale's one {@code stock.depleted}); what it returns fails the run.
     */
    @FunctionalInterface
    interface AfterRun {

        AfterRun NOTHING = (scenario, strategy, workload) -> List.of();

        List<String> violations(Scenario scenario, PlacementMode strategy, Workload workload)
                throws SQLException, IOException, InterruptedException;
    }

    Benchmark(Options options, Catalogue catalogue, ServiceJar service, LoadClient client, String tag) {
        this(options, catalogue, service, client, tag, AfterRun.NOTHING);
    }

    Benchmark(Options options, Catalogue catalogue, ServiceJar service, LoadClient client, String tag,
              AfterRun afterRun) {
        this(options, catalogue, List.of(service), client, tag, afterRun);
    }

    /**
     * A benchmark of a service that runs as several instances on one database ({@code --compare-instances}): the
     * client routes the load among them; the service's CPU is theirs summed, its batches all of theirs.
     */
    Benchmark(Options options, Catalogue catalogue, List<ServiceJar> instances, LoadClient client, String tag) {
        this(options, catalogue, instances, client, tag, AfterRun.NOTHING);
    }

    private Benchmark(Options options, Catalogue catalogue, List<ServiceJar> instances, LoadClient client, String tag,
                      AfterRun afterRun) {
        this.options = options;
        this.catalogue = catalogue;
        this.instances = List.copyOf(instances);
        this.service = instances.getFirst();
        this.client = client;
        this.tag = tag;
        this.afterRun = afterRun;
    }

    /**
     * Runs the whole benchmark in this JVM (the service in a child JVM, wrk in a child process).
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
        try {
            return runWith(options);
        } catch (Exception | Error e) {
            // Exit 1, as the usage says: thrown out of main, it would leave the JVM running on the local authorization
            // server's threads, and bench/run would never end (seen when a service jar did not start).
            e.printStackTrace();
            return EXIT_FAILED;
        }
    }

    private static int runWith(Options options) throws Exception {
        if (options.compareAuth() > 0) {
            return AuthCost.run(options);
        }
        if (options.baselineJar() != null) {
            return Baseline.run(options);
        }
        if (options.compareEvents() > 0) {
            return EventsCost.run(options);
        }
        if (options.compareInstances() > 0) {
            return InstancesCost.run(options);
        }
        long startedNanos = System.nanoTime();
        String started = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_DATE_TIME);
        Path out = options.out();
        Files.createDirectories(out);
        System.out.println("Benchmark: " + options.describe());
        TestDatabase database = TestDatabase.shared();
        String databaseDescription = describe(database);
        System.out.println("Database: " + databaseDescription);
        Catalogue catalogue = new Catalogue(database);

        Path serviceLog = out.resolve("service.log");
        Ceiling.Result ceiling;
        List<ReadResult> reads = new ArrayList<>();
        List<RunResult> runs = new ArrayList<>();
        OptionalLong serviceRss;
        LoadClient client;
        Files.deleteIfExists(serviceLog);
        try (ServiceJar service = ServiceJar.start(options.jar(), options.serviceJavaOptions(), database.jdbcUrl(),
                database.roles(), ServiceJar.freePort(), serviceLog)) {
            System.out.println("Service: pid " + service.pid() + " at " + service.base() + ", log " + serviceLog);
            System.out.println("Stock tables: " + catalogue.tables().description());
            client = LoadClient.choose(options.client(), service.base());
            System.out.println("Load generator: " + client.name() + ", " + client.describe());
            System.out.println("Raw SQL ceiling (pgbench, " + options.ceilingSeconds() + " s each):");
            ceiling = measureCeiling(database, catalogue, out.resolve("ceiling"), options);
            if (ceiling.unavailableBecause() != null) {
                System.out.println("  not measured: " + ceiling.unavailableBecause());
            }
            Benchmark benchmark = new Benchmark(options, catalogue, service, client, "");
            benchmark.warmUpService();
            for (Scenario scenario : options.scenarios()) {
                for (PlacementMode strategy : options.strategies()) {
                    runs.add(benchmark.measure(scenario, strategy, options.clients()));
                }
            }
            for (int clients : options.extraHotSkuClients()) {
                for (PlacementMode strategy : options.strategies()) {
                    runs.add(benchmark.measure(Scenario.HOT_SKU, strategy, clients));
                }
            }
            // Last, when the JIT has long finished with everything else: a ceiling is measured at its best.
            for (int clients : options.runClients()) {
                reads.add(benchmark.readCeiling(clients));
            }
            serviceRss = service.peakRssKib();
        }

        double minutes = (System.nanoTime() - startedNanos) / 60e9;
        Report report = new Report(runs, reads, ceiling, new Report.Facts(started, options.describe(),
                databaseDescription, catalogue.tables().description(), Runtime.getRuntime().availableProcessors(),
                jdk(), catalogue.serverVersion(), poolSize(), serviceRss, serviceLog.toString(),
                client.name() + ": " + client.describe(), minutes), options);
        report.write(out);
        Charts.write(out, runs, report);
        System.out.println("Targets:");
        report.targets().forEach(line -> System.out.println("  " + line.replace("**", "").replace("\\*", "*")));
        boolean passed = report.passed();
        System.out.printf("Report: %s — %s (%.1f minutes)%n", out.resolve("report.md"),
                passed ? "PASSED" : "FAILED: invariant violated, see the report", minutes);
        return passed ? EXIT_OK : EXIT_FAILED;
    }

    /** The ceiling is context for the figures, not a check: a pgbench that fails is reported, not fatal. */
    private static Ceiling.Result measureCeiling(TestDatabase database, Catalogue catalogue, Path directory,
                                                 Options options) throws InterruptedException {
        try {
            return new Ceiling(database, catalogue, directory).measure(List.of(options.clients(), 1),
                    options.ceilingClients(), options.ceilingSeconds());
        } catch (IOException | IllegalStateException e) {
            return Ceiling.Result.unavailable("pgbench failed: " + e.getMessage());
        } catch (SQLException e) {
            // e.g. a stock table of another shape than StockTables knows
            return Ceiling.Result.unavailable("its table could not be made: " + e.getMessage());
        }
    }

    /**
     * Gives the service's JIT the time it needs on every path before the first run, so that no run measures the
     * compiler: rounds of {@code --service-warmup} seconds of mixed load per strategy, of checkouts, of the locations
     * scenario (when it runs) and of reads, until a round's compilations took less than {@value #JIT_QUIET_SHARE} of
     * its wall time (C2 compiles for minutes after a start on 2 busy cores, and its threads' CPU would count in every
     * request's), at most {@code --service-warmup-rounds} rounds. Nothing of it is counted.
     */
    void warmUpService() throws SQLException, IOException, InterruptedException {
        if (options.serviceWarmup().isZero()) {
            return;
        }
        System.out.println("Warming up the service: rounds of " + Options.seconds(options.serviceWarmup())
                + " s per strategy, of checkouts" + (options.scenarios().contains(Scenario.LOCATIONS)
                ? ", of the locations scenario" : "") + " and of reads, until the JIT is quiet");
        Optional<List<Duration>> compiled = jitTimes();
        for (int round = 1; round <= options.serviceWarmupRounds(); round++) {
            long started = System.nanoTime();
            for (PlacementMode strategy : options.strategies()) {
                String name = tag + "warm" + round + "-" + strategy.value();
                Workload workload = Scenario.MIXED.workload(name, options);
                seed(workload);
                client.run(new Traffic.Deductions(workload, workload.measuredOrders(), strategy, name + "-", false),
                        options.clients(), options.serviceWarmup());
            }
            Workload checkouts = Scenario.CHECKOUT.workload(tag + "warm" + round + "-checkout", options);
            seed(checkouts);
            client.run(new Traffic.Checkouts(checkouts, checkouts.measuredOrders(), options.strategies().getFirst(),
                    tag + "warm" + round + "-c-", options.checkoutTtl()), options.clients(), options.serviceWarmup());
            if (options.scenarios().contains(Scenario.LOCATIONS)) {
                Workload located = Scenario.LOCATIONS.workload(tag + "warm" + round + "-locations", options);
                seed(located);
                client.run(new Traffic.Deductions(located, located.measuredOrders(), options.strategies().getFirst(),
                        tag + "warm" + round + "-l-", false), options.clients(), options.serviceWarmup());
            }
            Workload read = Scenario.HOT_SKU.workload(tag + "warm" + round + "-read", options);
            seed(read);
            client.run(new Traffic.Reads(read.sku(0)), options.clients(), options.serviceWarmup());
            double seconds = (System.nanoTime() - started) / 1e9;
            Optional<List<Duration>> now = jitTimes();
            if (compiled.isEmpty() || now.isEmpty()) {
                System.out.printf("  round %d: %.0f s (the JIT's time is unknown: one round only)%n", round, seconds);
                return;
            }
            // with several instances, the busiest compiler: every one of them must be quiet
            double compiling = 0;
            for (int i = 0; i < now.get().size(); i++) {
                compiling = Math.max(compiling, now.get().get(i).minus(compiled.get().get(i)).toNanos() / 1e9);
            }
            compiled = now;
            System.out.printf("  round %d: %.0f s, the JIT compiled for %.1f s of it%n", round, seconds, compiling);
            if (compiling < JIT_QUIET_SHARE * seconds) {
                return;
            }
        }
    }

    /** Each instance's JIT time so far, or empty when one of them cannot tell. */
    private Optional<List<Duration>> jitTimes() {
        List<Duration> times = new ArrayList<>();
        for (ServiceJar instance : instances) {
            Optional<Duration> time = JitTime.of(instance.pid());
            if (time.isEmpty()) {
                return Optional.empty();
            }
            times.add(time.get());
        }
        return Optional.of(times);
    }

    private List<Long> pids() {
        return instances.stream().map(ServiceJar::pid).toList();
    }

    private List<java.net.URI> bases() {
        return instances.stream().map(ServiceJar::base).toList();
    }

    /** Seeds the workload's products, after creating its locations through the API the first time it has any. */
    private void seed(Workload workload) throws SQLException {
        if (!workload.locations().isEmpty() && !locationsCreated) {
            createLocations(workload.locations());
            locationsCreated = true;
        }
        catalogue.seed(workload);
    }

    /**
     * {@code POST /api/v1/locations} for each code, with its place in the list (from 1) as its priority, as the back
     * office would; a 409 {@code duplicate-location} (a database shared with another service of this run) is fine
     * when the location there has that priority.
     */
    private void createLocations(List<String> codes) {
        HttpApi api = service.api();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            int priority = i + 1;
            HttpApi.Response created = api.post("/api/v1/locations",
                    "{\"code\":\"%s\",\"name\":\"Benchmark location %d\",\"priority\":%d}".formatted(code,
                            priority, priority));
            if (created.status() == 409) {
                HttpApi.Response existing = api.get("/api/v1/locations/" + code);
                if (existing.status() != 200 || existing.json().path("priority").asInt() != priority) {
                    throw new IllegalStateException("Location " + code + " is there already, but not with priority "
                            + priority + ": " + existing);
                }
            } else if (created.status() != 201) {
                throw new IllegalStateException("Could not create location " + code + ": " + created);
            }
        }
        System.out.println(tag + "locations " + String.join(", ", codes) + ", priorities 1 to " + codes.size());
    }

    /** The read ceiling (e) at one client count: GETs of one product, warmed up and measured like a write run. */
    private ReadResult readCeiling(int clients) throws SQLException, IOException, InterruptedException {
        runNumber++;
        Workload workload = Scenario.HOT_SKU.workload(tag + "r" + runNumber + "-read", options);
        seed(workload);
        Traffic reads = new Traffic.Reads(workload.sku(0));
        Warmup warmup = warmUp(slice -> reads, clients);
        Measurement measurement = measure(reads, clients, options.duration());
        List<String> violations = new ArrayList<>();
        warmup.slices().forEach(slice -> unexpected("warm-up", slice.tally(), ReadResult.EXPECTED_STATUSES,
                violations));
        unexpected("measured", measurement.phase().tally(), ReadResult.EXPECTED_STATUSES, violations);
        ReadResult result = new ReadResult(clients, client.name(), warmup, measurement, violations);
        Phase phase = measurement.phase();
        System.out.printf("%-34s %,8.0f reads/s       p50 %7.2f  p99 %8.2f ms  CPU ms/req service %.3f client %.3f"
                        + "  warm-up %s s (%s/s)  %s%n", "read ceiling (e) @" + clients, result.requestsPerSecond(),
                phase.latencyMillis(50), phase.latencyMillis(99), measurement.serviceMsPerRequest(),
                measurement.clientMsPerRequest(), warmup.describe(), warmup.rates(),
                result.passed() ? "ok" : "FAILED " + violations);
        return result;
    }

    /** Seeds fresh products for this scenario x strategy, warms up, measures, then checks the invariants. */
    RunResult measure(Scenario scenario, PlacementMode strategy, int clients)
            throws SQLException, IOException, InterruptedException {
        runNumber++;
        Workload workload = scenario.workload(tag + "r" + runNumber + "-" + scenario.id() + "-" + strategy.value(),
                options);
        seed(workload);
        // Every order of the run, and of no other run, starts with this: "o1-" is not a prefix of "o10-".
        String orderPrefix = tag + "o" + runNumber + "-";
        Warmup warmup = warmUp(slice -> traffic(scenario, workload, workload.warmupOrders(), strategy,
                orderPrefix + "w" + slice + "-", false), clients);
        Optional<BatchMeters.Snapshot> metersBefore = BatchMeters.scrape(http, bases());
        Measurement measurement = measure(traffic(scenario, workload, workload.measuredOrders(), strategy,
                        orderPrefix + "m-", workload.untilSoldOut()), clients,
                workload.untilSoldOut() ? sellOutLimit() : options.duration());
        Optional<BatchMeters.Sizes> batches = BatchMeters.between(metersBefore,
                BatchMeters.scrape(http, bases()));
        Phase measured = measurement.phase();

        long[] units = warmup.units(workload.products());
        for (int i = 0; i < units.length; i++) {
            units[i] += measured.units()[i];
        }
        List<String> violations = new ArrayList<>();
        Optional<Catalogue.CheckoutAudit> audit = Optional.empty();
        if (scenario.checkout()) {
            CheckoutTally seen = warmup.checkouts();
            seen.add(measured.checkouts());
            audit = Optional.of(catalogue.checkoutViolations(workload, units, orderPrefix, seen, sweepLimit()));
            violations.addAll(audit.get().violations());
            if (seen.abandoned > 0) {
                violations.add(seen.abandoned + " hold(s) left undecided: a confirm or release answered neither 200 "
                        + "nor, in time, 503");
            }
            for (Phase phase : phases(warmup, measured)) {
                String which = phase == measured ? "measured" : "warm-up";
                unexpected(which + " reserve", phase.checkouts().reserve, RunResult.RESERVE_STATUSES, violations);
                unexpected(which + " confirm", phase.checkouts().confirm, RunResult.DECISION_STATUSES, violations);
                unexpected(which + " release", phase.checkouts().release, RunResult.DECISION_STATUSES, violations);
            }
        } else {
            violations.addAll(catalogue.violations(workload, units, orderPrefix,
                    warmup.created() + measured.created()));
            warmup.slices().forEach(slice -> unexpected("warm-up", slice.tally(), RunResult.EXPECTED_STATUSES,
                    violations));
            unexpected("measured", measured.tally(), RunResult.EXPECTED_STATUSES, violations);
        }
        if (workload.untilSoldOut()) {
            int stock = workload.initialStock()[1];
            if (!measured.soldOut()) {
                violations.add("not sold out within " + sellOutLimit().toSeconds() + " s");
            }
            if (measured.created() != stock) {
                violations.add("sold " + measured.created() + " units, the stock was " + stock);
            }
        }
        violations.addAll(afterRun.violations(scenario, strategy, workload));
        RunResult result = new RunResult(scenario, strategy, clients, client.name(), warmup, measurement, batches,
                audit, violations);
        System.out.printf("%-34s %,8.0f %s  p50 %7.2f  p99 %8.2f ms  CPU ms/req service %.3f client %.3f"
                        + "  warm-up %s s (%s/s, %s ms)  %s%s%s  invariants %s%n", tag + result.label(),
                result.completedPerSecond(),
                scenario.checkout() ? "checkouts/s " : "deductions/s", result.latencyMillis(50),
                result.latencyMillis(99), measurement.serviceMsPerRequest(), measurement.clientMsPerRequest(),
                warmup.describe(), warmup.rates(), warmup.cpuPerRequest(), measured.tally().statuses,
                batches.map(b -> "  batches mean %.1f max %.0f, %.2f ms each".formatted(b.mean(), b.max(),
                        b.meanMillis())).orElse(""),
                audit.map(a -> "  reservations %s swept %s s after".formatted(a.byStatus(),
                        Double.isNaN(a.sweepSeconds()) ? "not all" : "%.1f".formatted(a.sweepSeconds())))
                        .orElse(""),
                result.passed() ? "ok" : "VIOLATED " + violations);
        return result;
    }

    /** Every phase of a run: the warm-up's slices, then the measured one. */
    private static List<Phase> phases(Warmup warmup, Phase measured) {
        List<Phase> phases = new ArrayList<>(warmup.slices());
        phases.add(measured);
        return phases;
    }

    private Traffic traffic(Scenario scenario, Workload workload, Workload.Orders orders, PlacementMode strategy,
                            String orderPrefix, boolean untilSoldOut) {
        return scenario.checkout()
                ? new Traffic.Checkouts(workload, orders, strategy, orderPrefix, options.checkoutTtl())
                : new Traffic.Deductions(workload, orders, strategy, orderPrefix, untilSoldOut);
    }

    /**
     * How long after a checkout run the check waits for the last hold left to expire to be swept: its ttl, the
     * sweeper's second, and room for a busy machine (the contract allows 5 s after expiry).
     */
    private Duration sweepLimit() {
        return Duration.ofSeconds(options.checkoutTtl() + 8);
    }

    /**
     * Slices of {@code --warmup-slice} seconds until two in a row agree within {@link Warmup#STEADY_SPREAD} on
     * requests/s and on the service's CPU per request, or {@code --warmup} seconds are used up.
     */
    private Warmup warmUp(IntFunction<Traffic> slice, int clients) throws IOException, InterruptedException {
        if (options.warmup().isZero()) {
            return Warmup.NONE;
        }
        List<Phase> slices = new ArrayList<>();
        List<Double> serviceCpuMillis = new ArrayList<>();
        long start = System.nanoTime();
        long cap = start + options.warmup().toNanos();
        Duration length = options.warmupSlice();
        boolean steady;
        // Not another slice with less than half a slice left: a much shorter one would compare noise with noise.
        do {
            Duration left = Duration.ofNanos(cap - System.nanoTime());
            CpuUsage.Snapshot before = CpuUsage.take(pids());
            Phase phase = client.run(slice.apply(slices.size() + 1), clients,
                    left.compareTo(length) < 0 ? left : length);
            CpuUsage.Snapshot after = CpuUsage.take(pids());
            slices.add(phase);
            serviceCpuMillis.add(CpuUsage.serviceNanos(before, after) / 1e6 / Math.max(1, phase.requests()));
            steady = Warmup.steady(slices, serviceCpuMillis);
        } while (!steady && cap - System.nanoTime() >= length.toNanos() / 2);
        return new Warmup(slices, serviceCpuMillis, (System.nanoTime() - start) / 1e9, steady);
    }

    /** One measured phase, with the service's and the machine's CPU around it. */
    private Measurement measure(Traffic traffic, int clients, Duration limit)
            throws IOException, InterruptedException {
        CpuUsage.Snapshot before = CpuUsage.take(pids());
        Phase phase = client.run(traffic, clients, limit);
        CpuUsage.Snapshot after = CpuUsage.take(pids());
        return new Measurement(phase, CpuUsage.serviceNanos(before, after),
                CpuUsage.between(before, after, phase.clientCpuNanos()));
    }

    /** Generous: a sale cut short is reported as a failure, so only a stuck service should ever reach it. */
    private Duration sellOutLimit() {
        return Duration.ofSeconds(Math.max(120, 10 * options.duration().toSeconds()));
    }

    private static void unexpected(String phase, Tally tally, List<Integer> expected, List<String> violations) {
        tally.statuses.forEach((status, count) -> {
            if (!expected.contains(status)) {
                violations.add(count + " " + phase + " request(s) answered "
                        + (status == Tally.NO_ANSWER ? "nothing (I/O error or timeout)" : "status " + status));
            }
        });
    }

    static String describe(TestDatabase database) {
        String server = System.getenv(TestDatabase.URL_VARIABLE);
        return database.jdbcUrl() + (server != null && !server.isBlank()
                ? " (fresh database on the server named by " + TestDatabase.URL_VARIABLE + ")"
                : " (no " + TestDatabase.URL_VARIABLE + ": Testcontainers or embedded PostgreSQL)");
    }

    static String jdk() {
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
