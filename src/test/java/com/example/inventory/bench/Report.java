package com.example.inventory.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Predicate;

import com.example.inventory.stock.Strategy;

/** Writes report.md (tables, targets, machine facts) and report.csv. */
final class Report {

    static final long RSS_TARGET_MIB = 768;

    /** Facts about the machine and the run that the figures depend on. */
    record Facts(String started, String options, String database, int cores, String jdk, String postgres,
                 String poolSize, OptionalLong serviceRssKib, String serviceLog) {

        OptionalDouble rssMib() {
            return serviceRssKib.isPresent() ? OptionalDouble.of(serviceRssKib.getAsLong() / 1024.0)
                    : OptionalDouble.empty();
        }
    }

    private final List<RunResult> runs;
    private final Ceiling.Result ceiling;
    private final Facts facts;
    private final int clients;

    Report(List<RunResult> runs, Ceiling.Result ceiling, Facts facts, int clients) {
        this.runs = runs;
        this.ceiling = ceiling;
        this.facts = facts;
        this.clients = clients;
    }

    void write(Path out) throws IOException {
        Files.writeString(out.resolve("report.md"), markdown());
        Files.writeString(out.resolve("report.csv"), csv());
    }

    /** The matching ceiling figure of a run, at the run's client count. */
    OptionalDouble ceilingOf(RunResult run) {
        return ceiling.figure(run.matchingCeiling(), run.clients()).map(f -> OptionalDouble.of(f.perSecond()))
                .orElse(OptionalDouble.empty());
    }

    private OptionalDouble shareOfCeiling(RunResult run) {
        OptionalDouble max = ceilingOf(run);
        return max.isPresent() && max.getAsDouble() > 0
                ? OptionalDouble.of(run.deductionsPerSecond() / max.getAsDouble()) : OptionalDouble.empty();
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark report\n\n")
                .append("Started ").append(facts.started()).append("; ").append(facts.options()).append(".\n\n")
                .append("Overall: **").append(runs.stream().allMatch(RunResult::passed) ? "PASSED" : "FAILED")
                .append("** (every invariant held, only 201/409/503 answered").append(flashSaleNote())
                .append(").\n\n");
        md.append("## Results\n\n")
                .append("Closed loop, one deduction at a time per client. Throughput counts completed deductions "
                        + "(201) per second of the measured phase; latencies are of every measured request, in ms. "
                        + "% of ceiling: throughput over the matching raw SQL figure below (hot row: atomic→a, "
                        + "pessimistic→b, optimistic→c; catalogue: d).\n\n")
                .append("| scenario | strategy | clients | deductions/s | % of ceiling | p50 | p95 | p99 | max "
                        + "| 201 | 409 | 503 | other | attempts/deduction | sell-out s | invariants |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|\n");
        for (RunResult run : runs) {
            md.append("| %s | %s | %d | %s | %s | %s | %s | %s | %s | %d | %d | %d | %s | %s | %s | %s |\n".formatted(
                    run.scenario().id(), run.strategy().value(), run.clients(), rate(run.deductionsPerSecond()),
                    percent(shareOfCeiling(run)), ms(run.latencyMillis(50)), ms(run.latencyMillis(95)),
                    ms(run.latencyMillis(99)), ms(run.maxLatencyMillis()), run.created(), run.measured().count(409),
                    run.measured().count(503), run.otherStatuses().isEmpty() ? "–" : run.otherStatuses(),
                    decimal(run.attemptsPerDeduction()),
                    run.scenario() == Scenario.FLASH_SALE
                            ? decimal(run.outcome().measuredSeconds()) : "–",
                    run.passed() ? "ok" : "**VIOLATED**"));
        }
        List<RunResult> failed = runs.stream().filter(Predicate.not(RunResult::passed)).toList();
        if (!failed.isEmpty()) {
            md.append("\n### Violations\n\n");
            failed.forEach(run -> run.violations().forEach(v -> md.append("- ").append(run.label()).append(": ")
                    .append(v).append('\n')));
        }
        md.append("\n### Where the CPU went\n\nShares of all %d cores over each run (warm-up included), from /proc. "
                .formatted(facts.cores())
                + "\"other\" is everything but the two JVMs: PostgreSQL, plus whatever else the machine runs.\n\n"
                + "| scenario | strategy | service JVM | load generator | PostgreSQL + other | idle |\n"
                + "|---|---|---:|---:|---:|---:|\n");
        runs.forEach(run -> md.append("| %s | %s | %s | %s | %s | %s |\n".formatted(run.scenario().id(),
                run.strategy().value(), percent(run.cpu().service()), percent(run.cpu().loadGenerator()),
                percent(run.cpu().other()), percent(run.cpu().idle()))));
        md.append("\n## Raw SQL ceiling (pgbench, same server and database)\n\n");
        if (ceiling.unavailableBecause() != null) {
            md.append("Not measured: ").append(ceiling.unavailableBecause()).append(".\n");
        } else {
            md.append("Table `ceiling_product` (`LIKE product INCLUDING ALL`: same columns and CHECKs), one hot row "
                    + "and ").append(Ceiling.WIDE_ROWS).append(" others; `").append(ceiling.pgbench())
                    .append(" --protocol=prepared`. No ledger insert, no HTTP, no JVM: the most PostgreSQL does "
                            + "for each strategy's statements. Scripts and logs are in `ceiling/`.\n\n")
                    .append("| | statements | clients | per second |\n|---|---|---:|---:|\n");
            ceiling.figures().forEach(f -> md.append("| (%s) | %s | %d | %s%s |\n".formatted(f.kind().letter,
                    f.kind().description, f.clients(), rate(f.perSecond()),
                    f.kind() == Ceiling.Kind.C_VERSION_CHECK_HOT
                            ? " successes (" + rate(f.attemptsPerSecond()) + " attempts)" : "")));
        }
        md.append("\n## Targets\n\nMissed targets are reported, not failed; only invariant violations fail the "
                + "run.\n\n");
        targets().forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("\n## Machine\n\n")
                .append("- cores: ").append(facts.cores()).append(" (load generator, service and PostgreSQL share "
                        + "them)\n")
                .append("- JDK (benchmark and service): ").append(facts.jdk()).append('\n')
                .append("- PostgreSQL server: ").append(facts.postgres()).append('\n')
                .append("- database: ").append(facts.database()).append('\n')
                .append("- service connection pool (`spring.datasource.hikari.maximum-pool-size`): ")
                .append(facts.poolSize()).append('\n')
                .append("- service peak RSS (VmHWM): ").append(facts.rssMib().isPresent()
                        ? "%.0f MiB".formatted(facts.rssMib().getAsDouble()) : "unknown").append('\n')
                .append("- service log: `").append(facts.serviceLog()).append("`\n");
        md.append("\nCharts: `throughput.png` (each run next to its matching ceiling), `latency.png` "
                + "(p50/p95/p99, log scale).\n");
        return md.toString();
    }

    private String flashSaleNote() {
        return runs.stream().anyMatch(run -> run.scenario() == Scenario.FLASH_SALE)
                ? ", every flash sale sold exactly its stock" : "";
    }

    List<String> targets() {
        List<String> lines = new ArrayList<>();
        lines.add(shareTarget(Scenario.HOT_SKU, Strategy.ATOMIC, 0.80));
        lines.add(shareTarget(Scenario.HOT_SKU, Strategy.PESSIMISTIC, 0.80));
        lines.add(optimisticTarget());
        for (Strategy strategy : Strategy.values()) {
            lines.add(wideTarget(strategy));
        }
        lines.add(facts.rssMib().isPresent()
                ? "%s service peak RSS < %d MiB: %.0f MiB".formatted(verdict(facts.rssMib().getAsDouble()
                        < RSS_TARGET_MIB), RSS_TARGET_MIB, facts.rssMib().getAsDouble())
                : "**NOT EVALUATED** service peak RSS < %d MiB: RSS unknown".formatted(RSS_TARGET_MIB));
        return lines;
    }

    private String shareTarget(Scenario scenario, Strategy strategy, double share) {
        String what = "%s %s ≥ %.0f%% of %s at %d clients".formatted(strategy.value(), scenario.id(), share * 100,
                "(" + RunResult.matching(scenario, strategy).letter + ")", clients);
        Optional<RunResult> run = find(scenario, strategy);
        if (run.isEmpty() || ceilingOf(run.get()).isEmpty()) {
            return notEvaluated(what, run);
        }
        double max = ceilingOf(run.get()).getAsDouble();
        return "%s %s: %s/s = %s of %s/s".formatted(verdict(run.get().deductionsPerSecond() >= share * max), what,
                rate(run.get().deductionsPerSecond()), percent(shareOfCeiling(run.get())), rate(max));
    }

    private String optimisticTarget() {
        String what = "optimistic hot-sku successes/s ≥ (c) at %d clients and ≤ 5%% of requests 503".formatted(clients);
        Optional<RunResult> run = find(Scenario.HOT_SKU, Strategy.OPTIMISTIC);
        if (run.isEmpty() || ceilingOf(run.get()).isEmpty()) {
            return notEvaluated(what, run);
        }
        RunResult optimistic = run.get();
        double max = ceilingOf(optimistic).getAsDouble();
        boolean met = optimistic.deductionsPerSecond() >= max && optimistic.contentionShare() <= 0.05;
        return "%s %s: %s/s vs %s/s, %.1f%% 503".formatted(verdict(met), what, rate(optimistic.deductionsPerSecond()),
                rate(max), optimistic.contentionShare() * 100);
    }

    private String wideTarget(Strategy strategy) {
        String what = "%s wide-catalogue ≥ 50%% of (d) at %d clients and p99 ≤ 25 ms".formatted(strategy.value(),
                clients);
        Optional<RunResult> run = find(Scenario.WIDE_CATALOGUE, strategy);
        if (run.isEmpty() || ceilingOf(run.get()).isEmpty()) {
            return notEvaluated(what, run);
        }
        RunResult wide = run.get();
        double max = ceilingOf(wide).getAsDouble();
        boolean met = wide.deductionsPerSecond() >= 0.5 * max && wide.latencyMillis(99) <= 25;
        return "%s %s: %s/s = %s of %s/s, p99 %s ms".formatted(verdict(met), what, rate(wide.deductionsPerSecond()),
                percent(shareOfCeiling(wide)), rate(max), ms(wide.latencyMillis(99)));
    }

    private String notEvaluated(String what, Optional<RunResult> run) {
        return "**NOT EVALUATED** %s: %s".formatted(what, run.isEmpty() ? "not run (see --scenarios/--strategies)"
                : "no ceiling figure (" + (ceiling.unavailableBecause() != null ? ceiling.unavailableBecause()
                        : "not measured") + ")");
    }

    private Optional<RunResult> find(Scenario scenario, Strategy strategy) {
        return runs.stream().filter(run -> run.scenario() == scenario && run.strategy() == strategy).findFirst();
    }

    private static String verdict(boolean met) {
        return met ? "**MET**" : "**MISSED**";
    }

    String csv() {
        StringBuilder csv = new StringBuilder("scenario,strategy,clients,measured_s,requests,deductions_per_s,"
                + "ceiling,ceiling_per_s,pct_of_ceiling,p50_ms,p95_ms,p99_ms,max_ms,status_201,status_409,"
                + "status_503,status_other,attempts_per_deduction,cpu_service,cpu_load_generator,cpu_other,cpu_idle,"
                + "invariants\n");
        for (RunResult run : runs) {
            OptionalDouble max = ceilingOf(run);
            OptionalDouble share = shareOfCeiling(run);
            csv.append(String.join(",", run.scenario().id(), run.strategy().value(), Integer.toString(run.clients()),
                    plain(run.outcome().measuredSeconds()), Long.toString(run.measured().requests()),
                    plain(run.deductionsPerSecond()), run.matchingCeiling().letter,
                    max.isPresent() ? plain(max.getAsDouble()) : "",
                    share.isPresent() ? plain(share.getAsDouble() * 100) : "", plain(run.latencyMillis(50)),
                    plain(run.latencyMillis(95)), plain(run.latencyMillis(99)), plain(run.maxLatencyMillis()),
                    Long.toString(run.created()), Long.toString(run.measured().count(409)),
                    Long.toString(run.measured().count(503)), '"' + run.otherStatuses() + '"',
                    Double.isNaN(run.attemptsPerDeduction()) ? "" : plain(run.attemptsPerDeduction()),
                    plain(run.cpu().service()), plain(run.cpu().loadGenerator()), plain(run.cpu().other()),
                    plain(run.cpu().idle()), run.passed() ? "ok" : "violated")).append('\n');
        }
        return csv.toString();
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.2f" : "%.1f", millis);
    }

    private static String percent(OptionalDouble share) {
        return share.isPresent() ? String.format(Locale.ROOT, "%.0f%%", share.getAsDouble() * 100) : "–";
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    private static String decimal(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String plain(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
