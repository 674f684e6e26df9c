package com.example.inventory.bench;

import com.example.inventory.ServiceJar;
import com.example.inventory.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * {@code bench/run --baseline-jar PATH}: before against after. Starts the baseline jar (built from an earlier commit)
 * and the current one ({@code --jar}) side by side, each on a fresh database of its own, since each migrates its own
 * schema (an older jar's Flyway would refuse a newer schema, and its statements would not fit it); the benchmark's
 * seeding and checks follow each database's shape ({@link StockTables}). It warms both up, then runs each of
 * {@code --scenarios} (hot-sku unless named) for each strategy on each in turn ({@link SideBySide}), each run warmed up
 * and measured as in the full benchmark, alternating which jar goes first from round to round, and writes
 * {@code report.md} with current / baseline per scenario and strategy. Only one service is loaded at a time; the idle
 * one only ticks its timers.
 */
final class Baseline {

    private static final String BASELINE = "baseline";
    private static final String CURRENT = "current";
    /** Issue 19: hot-sku batched and atomic within 10% of the commit before it. */
    static final double WITHIN = 0.10;

    private Baseline() {
    }

    /** What the report says of each side. */
    private record Side(String name, Path jar, String database, String stockTables, Path log) {
    }

    static int run(Options options) throws Exception {
        long startedNanos = System.nanoTime();
        String started = SideBySide.now();
        Path out = options.out();
        Files.createDirectories(out);
        System.out.println("Benchmark: " + options.describe());
        TestDatabase currentDatabase = TestDatabase.shared();
        TestDatabase baselineDatabase = currentDatabase.sibling();
        Catalogue currentCatalogue = new Catalogue(currentDatabase);
        Catalogue baselineCatalogue = new Catalogue(baselineDatabase);
        System.out.println("Databases: baseline " + Benchmark.describe(baselineDatabase) + "; current "
                + Benchmark.describe(currentDatabase));

        SideBySide runs;
        String clientDescription;
        Side baselineSide;
        Side currentSide;
        Path baselineLog = SideBySide.freshLog(out, "service-baseline.log");
        Path currentLog = SideBySide.freshLog(out, "service-current.log");
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
            runs = SideBySide.measure(
                    new SideBySide.Side(BASELINE, new Benchmark(options, baselineCatalogue, baseline, baselineClient,
                            "base-")),
                    new SideBySide.Side(CURRENT, new Benchmark(options, currentCatalogue, current, currentClient,
                            "cur-")),
                    options.baselineRounds(), options.scenarios(), options.strategies(), options.clients());
        }
        String report = report(runs, options, started, List.of(baselineSide, currentSide), clientDescription,
                SideBySide.minutesSince(startedNanos));
        return SideBySide.finish(options, report, runs.passed(), startedNanos);
    }

    private static String report(SideBySide runs, Options options, String started, List<Side> sides,
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
        md.append("\n").append(runs.runsTable("jar"));
        md.append("\nAll rounds pooled (requests and CPU summed over the measured phases):\n\n");
        md.append(runs.pooledTable(options.scenarios(), options.strategies(), options.clients(), CURRENT, BASELINE,
                OptionalDouble.of(WITHIN)));
        md.append("\n").append(SideBySide.machine(options, client));
        return md.toString();
    }
}
