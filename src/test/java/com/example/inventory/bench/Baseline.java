package com.example.inventory.bench;

import com.example.inventory.ServiceJar;
import com.example.inventory.TestDatabase;
import com.example.inventory.stock.PlacementMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench/run --baseline-jar PATH}: before against after. Starts the baseline jar (built from an earlier commit)
 * and the current one ({@code --jar}) side by side, each on a fresh database of its own, since each migrates its own
 * schema (an older jar's Flyway would refuse a newer schema, and its statements would not fit it); the benchmark's
 * seeding and checks follow each database's shape ({@link StockTables}). It warms both up, then runs each of
 * {@code --scenarios} (hot-sku unless named) for each strategy on each in turn, each run warmed up and measured as in
 * the full benchmark, alternating which jar goes first from round to round, and writes {@code report.md} with
 * current / baseline per scenario and strategy. Only one service is loaded at a time; the idle one only ticks its
 * timers.
 */
final class Baseline {

    private static final String BASELINE = "baseline";
    private static final String CURRENT = "current";
    /** Issue 19: hot-sku batched and atomic within 10% of the commit before it. */
    static final double WITHIN = 0.10;

    private Baseline() {
    }

    /** One measured run on one of the two jars. */
    private record Sample(int round, String jar, RunResult run) {
    }

    /** What the report says of each side. */
    private record Side(String name, Path jar, String database, String stockTables, Path log) {
    }

    static int run(Options options) throws Exception {
        long startedNanos = System.nanoTime();
        String started = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_DATE_TIME);
        Path out = options.out();
        Files.createDirectories(out);
        System.out.println("Benchmark: " + options.describe());
        TestDatabase currentDatabase = TestDatabase.shared();
        TestDatabase baselineDatabase = currentDatabase.sibling();
        Catalogue currentCatalogue = new Catalogue(currentDatabase);
        Catalogue baselineCatalogue = new Catalogue(baselineDatabase);
        System.out.println("Databases: baseline " + Benchmark.describe(baselineDatabase) + "; current "
                + Benchmark.describe(currentDatabase));

        List<Sample> samples = new ArrayList<>();
        String clientDescription;
        Side baselineSide;
        Side currentSide;
        Path baselineLog = out.resolve("service-baseline.log");
        Path currentLog = out.resolve("service-current.log");
        Files.deleteIfExists(baselineLog);
        Files.deleteIfExists(currentLog);
        try (ServiceJar baseline = ServiceJar.start(options.baselineJar(), options.serviceJavaOptions(),
                baselineDatabase.jdbcUrl(), baselineDatabase.roles(), ServiceJar.freePort(), baselineLog);
             ServiceJar current = ServiceJar.start(options.jar(), options.serviceJavaOptions(),
                     currentDatabase.jdbcUrl(), currentDatabase.roles(), ServiceJar.freePort(), currentLog)) {
            baselineSide = new Side(BASELINE, options.baselineJar(), baselineDatabase.jdbcUrl(),
                    baselineCatalogue.tables().description(), baselineLog);
            currentSide = new Side(CURRENT, options.jar(), currentDatabase.jdbcUrl(),
                    currentCatalogue.tables().description(), currentLog);
            for (Side side : List.of(baselineSide, currentSide)) {
                ServiceJar service = side == baselineSide ? baseline : current;
                System.out.printf("Service, %-8s pid %d at %s, jar %s, %s, log %s%n", side.name() + ":",
                        service.pid(), service.base(), side.jar(), side.stockTables(), side.log());
            }
            LoadClient baselineClient = LoadClient.choose(options.client(), baseline.base());
            LoadClient currentClient = LoadClient.choose(options.client(), current.base());
            clientDescription = currentClient.name() + ": " + currentClient.describe();
            System.out.println("Load generator: " + clientDescription);
            Benchmark baselineBench = new Benchmark(options, baselineCatalogue, baseline, baselineClient, "base-");
            Benchmark currentBench = new Benchmark(options, currentCatalogue, current, currentClient, "cur-");
            System.out.println("Service warm-up, baseline:");
            baselineBench.warmUpService();
            System.out.println("Service warm-up, current:");
            currentBench.warmUpService();
            for (int round = 1; round <= options.baselineRounds(); round++) {
                boolean baselineFirst = round % 2 == 1;
                for (Scenario scenario : options.scenarios()) {
                    for (PlacementMode strategy : options.strategies()) {
                        for (boolean first : List.of(true, false)) {
                            boolean isBaseline = first == baselineFirst;
                            Benchmark bench = isBaseline ? baselineBench : currentBench;
                            samples.add(new Sample(round, isBaseline ? BASELINE : CURRENT,
                                    bench.measure(scenario, strategy, options.clients())));
                        }
                    }
                }
            }
        }
        double minutes = (System.nanoTime() - startedNanos) / 60e9;
        String report = report(samples, options, started, List.of(baselineSide, currentSide), clientDescription,
                minutes);
        Files.writeString(out.resolve("report.md"), report);
        System.out.println();
        System.out.print(report);
        boolean passed = samples.stream().allMatch(sample -> sample.run().passed());
        System.out.printf("Report: %s — %s (%.1f minutes)%n", out.resolve("report.md"),
                passed ? "PASSED" : "FAILED: invariant violated, see the report", minutes);
        return passed ? Benchmark.EXIT_OK : Benchmark.EXIT_FAILED;
    }

    private static String report(List<Sample> samples, Options options, String started, List<Side> sides,
                                 String client, double minutes) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Before against after: the baseline jar and the current one\n\n");
        md.append("`bench/run --baseline-jar`: ").append(options.describe()).append(". Started ").append(started)
                .append(", ").append(String.format(Locale.ROOT, "%.1f", minutes)).append(" minutes.\n\n");
        md.append("""
                Two jars side by side on one machine, each on a fresh database of its own where it migrated its own \
                schema; the benchmark seeds and checks each in its database's shape. Each run is warmed up and \
                measured as in the full benchmark, on products of its own; only one service is loaded at a time, \
                and rounds alternate which goes first. **current / baseline** is the pooled deductions/s of the \
                current jar over the baseline's; within %.0f%% when it is at least %.0f%%.

                """.formatted(WITHIN * 100, (1 - WITHIN) * 100));
        md.append("| | jar | size | modified | database | stock |\n|---|---|---:|---|---|---|\n");
        for (Side side : sides) {
            md.append("| %s | `%s` | %,d bytes | %s | `%s` | %s |\n".formatted(side.name(),
                    side.jar().toAbsolutePath(), Files.size(side.jar()),
                    Files.getLastModifiedTime(side.jar()).toInstant().truncatedTo(ChronoUnit.SECONDS),
                    side.database(), side.stockTables()));
        }
        md.append("\n| round | scenario | strategy | jar | deductions/s | p50 ms | p99 ms | service CPU ms/req "
                + "| client CPU ms/req | orders per batch | invariants |\n"
                + "|---:|---|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Sample sample : samples) {
            RunResult run = sample.run();
            md.append(String.format(Locale.ROOT,
                    "| %d | %s | %s | %s | %,.0f | %.2f | %.1f | %.3f | %.3f | %s | %s |%n", sample.round(),
                    run.scenario().id(), run.strategy().value(), sample.jar(), run.completedPerSecond(),
                    run.latencyMillis(50), run.latencyMillis(99), run.measurement().serviceMsPerRequest(),
                    run.measurement().clientMsPerRequest(),
                    run.batches().map(b -> String.format(Locale.ROOT, "%.1f", b.mean())).orElse(""),
                    run.passed() ? "held" : "VIOLATED " + run.violations()));
        }
        md.append("\nAll rounds pooled (requests and CPU summed over the measured phases):\n\n");
        md.append("| scenario | strategy | clients | baseline deductions/s | current deductions/s "
                + "| current / baseline | rounds, current / baseline | service CPU ms/req baseline | current "
                + "| difference per request |\n|---|---|---:|---:|---:|---:|---|---:|---:|---:|\n");
        for (Scenario scenario : options.scenarios()) {
            for (PlacementMode strategy : options.strategies()) {
                Pool baseline = Pool.of(runs(samples, scenario, strategy, BASELINE));
                Pool current = Pool.of(runs(samples, scenario, strategy, CURRENT));
                double ratio = current.perSecond() / baseline.perSecond();
                md.append(String.format(Locale.ROOT,
                        "| %s | %s | %d | %,.0f | %,.0f | **%.1f%%** %s | %s | %.3f | %.3f | %+.3f ms |%n",
                        scenario.id(), strategy.value(), options.clients(), baseline.perSecond(),
                        current.perSecond(), 100 * ratio, ratio >= 1 - WITHIN ? "(within)" : "(**not within**)",
                        roundRatios(samples, scenario, strategy), baseline.cpuMsPerRequest(),
                        current.cpuMsPerRequest(), current.cpuMsPerRequest() - baseline.cpuMsPerRequest()));
            }
        }
        md.append("\nMachine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores; JDK ")
                .append(Benchmark.jdk()).append("; load generator ").append(client)
                .append("; service JVM options ").append(String.join(" ", options.serviceJavaOptions()))
                .append(".\n");
        return md.toString();
    }

    private static List<RunResult> runs(List<Sample> samples, Scenario scenario, PlacementMode strategy,
                                        String jar) {
        return samples.stream().filter(sample -> sample.run().scenario() == scenario
                && sample.run().strategy() == strategy && sample.jar().equals(jar)).map(Sample::run).toList();
    }

    /** Each round's current / baseline deductions/s, e.g. {@code 97.1%, 102.4%}. */
    private static String roundRatios(List<Sample> samples, Scenario scenario, PlacementMode strategy) {
        List<RunResult> baseline = runs(samples, scenario, strategy, BASELINE);
        List<RunResult> current = runs(samples, scenario, strategy, CURRENT);
        List<String> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(baseline.size(), current.size()); i++) {
            ratios.add(String.format(Locale.ROOT, "%.1f%%",
                    100 * current.get(i).completedPerSecond() / baseline.get(i).completedPerSecond()));
        }
        return String.join(", ", ratios);
    }
}
