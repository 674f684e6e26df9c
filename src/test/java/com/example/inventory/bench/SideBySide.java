package com.example.inventory.bench;

import com.example.inventory.stock.PlacementMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * What the side-by-side comparisons share ({@code --compare-auth}, {@code --baseline-jar}, {@code --compare-events}):
 * two services of one run, each with its {@link Benchmark}, warmed up one after the other, then each of the
 * scenarios for each strategy on each in turn, round after round, alternating which goes first (the first side in odd
 * rounds, the second in even ones: the one that goes second inherits the first one's PostgreSQL work), and the
 * report's tables: every run, and per scenario and strategy the pooled figures of both sides with their ratio. Only
 * one service is loaded at a time; the idle one only ticks its timers. Each comparison starts its services, proves
 * what it needs to, and writes the rest of its report itself.
 */
final class SideBySide {

    /** One of the two services: its name in the report and its benchmark (products and orders tagged its own). */
    record Side(String name, Benchmark bench) {
    }

    /** One measured run on one of the two sides. */
    record Sample(int round, String side, RunResult run) {
    }

    private final List<Sample> samples;

    private SideBySide(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    /**
     * Warms up {@code first}, then {@code second} (each {@link Benchmark#warmUpService()}), then runs {@code rounds}
     * rounds of each scenario x strategy at {@code clients} on both, {@code first} first in odd rounds.
     */
    static SideBySide measure(Side first, Side second, int rounds, List<Scenario> scenarios,
                              List<PlacementMode> strategies, int clients)
            throws SQLException, IOException, InterruptedException {
        for (Side side : List.of(first, second)) {
            System.out.println("Service warm-up, " + side.name() + ":");
            side.bench().warmUpService();
        }
        return rounds(List.of(first, second), rounds, scenarios, strategies, clients);
    }

    /**
     * Without a service warm-up (the caller's), {@code rounds} rounds of each scenario x strategy at {@code clients}
     * on every side in turn, rotating which goes first: round r starts with side (r − 1) mod n, so two sides
     * alternate as in {@link #measure}.
     */
    static SideBySide rounds(List<Side> sides, int rounds, List<Scenario> scenarios, List<PlacementMode> strategies,
                             int clients) throws SQLException, IOException, InterruptedException {
        List<Sample> samples = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            List<Side> order = new ArrayList<>(sides);
            java.util.Collections.rotate(order, -((round - 1) % sides.size()));
            for (Scenario scenario : scenarios) {
                for (PlacementMode strategy : strategies) {
                    for (Side side : order) {
                        samples.add(new Sample(round, side.name(),
                                side.bench().measure(scenario, strategy, clients)));
                    }
                }
            }
        }
        return new SideBySide(samples);
    }

    List<Sample> samples() {
        return samples;
    }

    boolean passed() {
        return samples.stream().allMatch(sample -> sample.run().passed());
    }

    /** The runs of one scenario x strategy on one side, in round order. */
    List<RunResult> runs(Scenario scenario, PlacementMode strategy, String side) {
        return samples.stream().filter(sample -> sample.run().scenario() == scenario
                && sample.run().strategy() == strategy && sample.side().equals(side)).map(Sample::run).toList();
    }

    /** The measured phases of one scenario x strategy on one side, summed. */
    Pool pool(Scenario scenario, PlacementMode strategy, String side) {
        return Pool.of(runs(scenario, strategy, side));
    }

    /** Each round's {@code numerator / denominator} deductions/s, e.g. {@code 97.1%, 102.4%}. */
    String roundRatios(Scenario scenario, PlacementMode strategy, String numerator, String denominator) {
        List<RunResult> above = runs(scenario, strategy, numerator);
        List<RunResult> below = runs(scenario, strategy, denominator);
        List<String> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(above.size(), below.size()); i++) {
            ratios.add(String.format(Locale.ROOT, "%.1f%%",
                    100 * above.get(i).completedPerSecond() / below.get(i).completedPerSecond()));
        }
        return String.join(", ", ratios);
    }

    /** Every run, in the order made: one row each, {@code sideColumn} naming the column of the sides. */
    String runsTable(String sideColumn) {
        StringBuilder md = new StringBuilder();
        md.append("| round | scenario | strategy | ").append(sideColumn).append(" | deductions/s | p50 ms | p99 ms "
                + "| service CPU ms/req | client CPU ms/req | orders per batch | ms per batch | invariants |\n"
                + "|---:|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Sample sample : samples) {
            RunResult run = sample.run();
            md.append(String.format(Locale.ROOT,
                    "| %d | %s | %s | %s | %,.0f | %.2f | %.1f | %.3f | %.3f | %s | %s | %s |%n", sample.round(),
                    run.scenario().id(), run.strategy().value(), sample.side(), run.completedPerSecond(),
                    run.latencyMillis(50), run.latencyMillis(99), run.measurement().serviceMsPerRequest(),
                    run.measurement().clientMsPerRequest(),
                    run.batches().map(b -> String.format(Locale.ROOT, "%.1f", b.mean())).orElse(""),
                    run.batches().filter(b -> !Double.isNaN(b.meanMillis()))
                            .map(b -> String.format(Locale.ROOT, "%.2f", b.meanMillis())).orElse(""),
                    run.passed() ? "held" : "VIOLATED " + run.violations()));
        }
        return md.toString();
    }

    /**
     * Per scenario and strategy, both sides' runs pooled (requests and CPU summed over the measured phases): their
     * deductions/s, {@code numerator / denominator} (pooled, then per round) with, when {@code within} is given, whether
     * it is at least 1 − within, and the service CPU per request of each.
     */
    String pooledTable(List<Scenario> scenarios, List<PlacementMode> strategies, int clients, String numerator,
                       String denominator, OptionalDouble within) {
        StringBuilder md = new StringBuilder();
        md.append("| scenario | strategy | clients | ").append(numerator).append(" deductions/s | ").append(denominator)
                .append(" deductions/s | ").append(numerator).append(" / ").append(denominator)
                .append(" | rounds | service CPU ms/req ").append(numerator).append(" | ").append(denominator)
                .append(" | difference per request |\n|---|---|---:|---:|---:|---:|---|---:|---:|---:|\n");
        for (Scenario scenario : scenarios) {
            for (PlacementMode strategy : strategies) {
                Pool above = pool(scenario, strategy, numerator);
                Pool below = pool(scenario, strategy, denominator);
                double ratio = above.perSecond() / below.perSecond();
                String verdict = within.isEmpty() ? ""
                        : ratio >= 1 - within.getAsDouble() ? " (within)" : " (**not within**)";
                md.append(String.format(Locale.ROOT,
                        "| %s | %s | %d | %,.0f | %,.0f | **%.1f%%**%s | %s | %.3f | %.3f | %+.3f ms |%n",
                        scenario.id(), strategy.value(), clients, above.perSecond(), below.perSecond(), 100 * ratio,
                        verdict, roundRatios(scenario, strategy, numerator, denominator), above.cpuMsPerRequest(),
                        below.cpuMsPerRequest(), above.cpuMsPerRequest() - below.cpuMsPerRequest()));
            }
        }
        return md.toString();
    }

    /** When a comparison started, as its report says it. */
    static String now() {
        return OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_DATE_TIME);
    }

    /** A service's log file, emptied of an earlier run's lines. */
    static Path freshLog(Path out, String name) throws IOException {
        Path log = out.resolve(name);
        Files.deleteIfExists(log);
        return log;
    }

    /** The report's last line: the machine, the JDK, the load generator and the service's JVM options. */
    static String machine(Options options, String client) {
        return "Machine: " + Runtime.getRuntime().availableProcessors() + " cores; JDK " + Benchmark.jdk()
                + "; load generator " + client + "; service JVM options "
                + String.join(" ", options.serviceJavaOptions()) + ".\n";
    }

    /**
     * Writes {@code report.md} under {@code --out}, prints it and the verdict, and returns the exit status:
     * {@link Benchmark#EXIT_OK} when {@code passed}, {@link Benchmark#EXIT_FAILED} when not.
     */
    static int finish(Options options, String report, boolean passed, long startedNanos) throws IOException {
        double minutes = (System.nanoTime() - startedNanos) / 60e9;
        Path file = options.out().resolve("report.md");
        Files.writeString(file, report);
        System.out.println();
        System.out.print(report);
        System.out.printf("Report: %s — %s (%.1f minutes)%n", file,
                passed ? "PASSED" : "FAILED: invariant violated, see the report", minutes);
        return passed ? Benchmark.EXIT_OK : Benchmark.EXIT_FAILED;
    }

    /** Minutes since {@code startedNanos}, for the report's first line. */
    static double minutesSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 60e9;
    }
}
