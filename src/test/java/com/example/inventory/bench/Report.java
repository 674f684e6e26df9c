package com.example.inventory.bench;

import com.example.inventory.stock.PlacementMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;


/** Writes report.md (tables, ceilings, targets, machine facts) and report.csv (one row per write run). */
final class Report {

    static final long RSS_TARGET_MIB = 768;
    /** The strategy most targets are about; looked up by name, as the harness must build without it. */
    static final String BATCHED = "batched";

    /** Facts about the machine and the run that the figures depend on. */
    record Facts(String started, String options, String database, String stockTables, int cores, String jdk,
                 String postgres,
                 String poolSize, OptionalLong serviceRssKib, String serviceLog, String loadGenerator,
                 double minutes) {

        OptionalDouble rssMib() {
            return serviceRssKib.isPresent() ? OptionalDouble.of(serviceRssKib.getAsLong() / 1024.0)
                    : OptionalDouble.empty();
        }
    }

    private final List<RunResult> runs;
    private final List<ReadResult> reads;
    private final Ceiling.Result ceiling;
    private final Facts facts;
    private final Options options;
    private final int clients;

    Report(List<RunResult> runs, List<ReadResult> reads, Ceiling.Result ceiling, Facts facts, Options options) {
        this.runs = runs;
        this.reads = reads;
        this.ceiling = ceiling;
        this.facts = facts;
        this.options = options;
        this.clients = options.clients();
    }

    void write(Path out) throws IOException {
        Files.writeString(out.resolve("report.md"), markdown());
        Files.writeString(out.resolve("report.csv"), csv());
    }

    boolean passed() {
        return runs.stream().allMatch(RunResult::passed) && reads.stream().allMatch(ReadResult::passed);
    }

    /** The matching pgbench figure of a run: at its client count, or at the most clients measured below it. */
    Optional<Ceiling.Figure> ceilingOf(RunResult run) {
        return run.matchingCeiling().flatMap(kind -> ceiling.figureFor(kind, run.clients()));
    }

    /** The read ceiling (e) at a client count. */
    Optional<ReadResult> readCeiling(int clientCount) {
        return reads.stream().filter(read -> read.clients() == clientCount).findFirst();
    }

    private OptionalDouble shareOfCeiling(RunResult run) {
        return share(run.completedPerSecond(), ceilingOf(run).map(Ceiling.Figure::perSecond));
    }

    /** Deductions/s over (e); for checkouts, their HTTP requests/s: (e) bounds requests, and a checkout is ~2. */
    private OptionalDouble shareOfRead(RunResult run) {
        return share(run.scenario().checkout() ? run.phase().requestsPerSecond() : run.completedPerSecond(),
                readCeiling(run.clients()).map(ReadResult::requestsPerSecond));
    }

    private static OptionalDouble share(double value, Optional<Double> of) {
        return of.isPresent() && of.get() > 0 ? OptionalDouble.of(value / of.get()) : OptionalDouble.empty();
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark report\n\n")
                .append("Started ").append(facts.started()).append("; ").append(facts.options())
                .append(String.format(Locale.ROOT, "; the whole run took %.1f minutes.%n%n", facts.minutes()))
                .append("Load generator: ").append(facts.loadGenerator()).append(".\n\n")
                .append("Overall: **").append(passed() ? "PASSED" : "FAILED")
                .append("** (every invariant held, only 201/409/503 answered").append(checkoutStatusNote())
                .append(flashSaleNote())
                .append(", the read ceiling only 200).\n\n");
        results(md);
        cpuShares(md);
        md.append("\n## Ceilings\n");
        readCeilingSection(md);
        rawSqlSection(md);
        md.append("\n## Targets\n\nReported, not asserted: only invariant violations fail the run.\n\n");
        targets().forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("\n## Machine\n\n")
                .append("- cores: ").append(facts.cores()).append(" (load generator, service and PostgreSQL share "
                        + "them)\n")
                .append("- load generator: ").append(facts.loadGenerator()).append('\n')
                .append("- JDK (benchmark and service): ").append(facts.jdk()).append('\n')
                .append("- PostgreSQL server: ").append(facts.postgres()).append('\n')
                .append("- database: ").append(facts.database()).append("; ").append(facts.stockTables())
                .append('\n')
                .append("- service connection pool (`spring.datasource.hikari.maximum-pool-size`): ")
                .append(facts.poolSize()).append('\n')
                .append("- service peak RSS (VmHWM): ").append(facts.rssMib().isPresent()
                        ? "%.0f MiB".formatted(facts.rssMib().getAsDouble()) : "unknown").append('\n')
                .append("- service log: `").append(facts.serviceLog()).append("`\n");
        md.append("\nCharts: `throughput.png` (each run next to its matching raw SQL ceiling and the read ceiling), "
                + "`latency.png` (p50/p95/p99, log scale).\n");
        return md.toString();
    }

    private void results(StringBuilder md) {
        md.append("## Results\n\n")
                .append("""
                        Closed loop: every client sends one request and the next as soon as the answer is in. Each \
                        run is first warmed up with slices of its own load (%s s each, at most %s s) until two in a \
                        row agree within 10%% in requests/s and in the service's CPU per request (while the JIT \
                        still compiles, its threads' CPU counts too) ("warm-up s"; "(cap)" when they never did), then \
                        measured for %s s (a flash sale: until sold out, "sell-out s" to the last 201). Throughput \
                        counts completed deductions (201) per second (checkout: completed checkouts, see below); \
                        latencies are of every measured request, in ms. **%% of ceiling**: over the matching raw SQL \
                        figure below at the same client count (hot row: pessimistic→b, optimistic→c, others→a; \
                        catalogue: d; checkout: none), or at the most clients pgbench measured below it (shown as \
                        `letter@clients`). **%% of (e)**: over the read ceiling at the same client count (checkout: \
                        its requests/s). **CPU ms/req**: CPU time of the service JVM and of the load generator \
                        over the measured phase, divided by its requests. **batch mean**: Δsum/Δcount of \
                        `inventory_batch_size` over the measured phase; **batch max**: its Micrometer max after the \
                        phase (which covers the last minute or two), capped by the smallest bucket bound that holds \
                        every batch of the phase.

                        """.formatted(Options.seconds(options.warmupSlice()), Options.seconds(options.warmup()),
                        Options.seconds(options.duration())))
                .append("| scenario | strategy | clients | client | deductions/s (checkouts/s) | % of ceiling "
                        + "| % of (e) | p50 "
                        + "| p95 | p99 | max | 201 | 409 | 503 | other | attempts/deduction | sell-out s "
                        + "| warm-up s | service CPU ms/req | client CPU ms/req | batch mean | batch max "
                        + "| invariants |\n")
                .append("|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:"
                        + "|---:|---:|---:|---:|---|\n");
        for (RunResult run : runs) {
            md.append("| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %d | %d | %d | %s | %s | %s | %s "
                    .formatted(run.scenario().id(), run.strategy().value(), run.clients(), run.client(),
                            rate(run.completedPerSecond()), ceilingShare(run), percent(shareOfRead(run)),
                            ms(run.latencyMillis(50)), ms(run.latencyMillis(95)), ms(run.latencyMillis(99)),
                            ms(run.maxLatencyMillis()), run.created(), run.measured().count(409),
                            run.measured().count(503), run.otherStatuses().isEmpty() ? "–" : run.otherStatuses(),
                            decimal(run.attemptsPerDeduction()), run.scenario() == Scenario.FLASH_SALE
                                    ? decimal(run.phase().seconds()) : "–", run.warmup().describe()))
                    .append("| %s | %s | %s | %s | %s |\n".formatted(cpuMs(run.measurement().serviceMsPerRequest()),
                            cpuMs(run.measurement().clientMsPerRequest()),
                            run.batches().map(b -> decimal(b.mean())).orElse("–"),
                            run.batches().map(b -> "%.0f".formatted(b.max())).orElse("–"),
                            run.passed() ? "ok" : "**VIOLATED**"));
        }
        locations(md);
        checkouts(md);
        List<String> failures = new ArrayList<>();
        runs.stream().filter(Predicate.not(RunResult::passed)).forEach(run -> run.violations()
                .forEach(v -> failures.add(run.label() + ": " + v)));
        reads.stream().filter(Predicate.not(ReadResult::passed)).forEach(read -> read.violations()
                .forEach(v -> failures.add("read ceiling @" + read.clients() + ": " + v)));
        if (!failures.isEmpty()) {
            md.append("\n### Violations\n\n");
            failures.forEach(failure -> md.append("- ").append(failure).append('\n'));
        }
    }

    /**
     * The locations runs beside wide-catalogue's at the same strategy and client count: what stock per location
     * costs.
     */
    private void locations(StringBuilder md) {
        List<RunResult> located = runs.stream().filter(run -> run.scenario() == Scenario.LOCATIONS).toList();
        if (located.isEmpty()) {
            return;
        }
        md.append("\n### Locations\n\n").append("""
                        **locations** sends wide-catalogue's orders (1 to 3 distinct lines of one unit out of %,d \
                        products) to products stocked per location: %d locations, created with `POST \
                        /api/v1/locations` at priorities 1 to %d (%s), each product at 2 to %d of them, consecutive \
                        in priority order and wrapping round (the same spread in every run), with ample stock at \
                        each. %.0f%% of the lines name one of their product's locations, drawn evenly; the others are \
                        allocated by the service (one location for all of them when one can serve them, else each \
                        line in priority order). After each run every stock row must balance with its own \
                        location's ledger entries, besides the product's totals.

                        """.formatted(options.catalogueSize(), Scenario.LOCATIONS_OF_LOCATIONS,
                        Scenario.LOCATIONS_OF_LOCATIONS, Scenario.LOCATION_CODES.stream()
                                .map(code -> "`" + code + "`").collect(Collectors.joining(", ")),
                        Scenario.LOCATIONS_OF_LOCATIONS, Scenario.PINNED_SHARE_OF_LOCATIONS * 100))
                .append("| strategy | clients | wide-catalogue deductions/s | locations deductions/s "
                        + "| locations / wide-catalogue | p99 wide-catalogue / locations "
                        + "| service CPU ms/req wide-catalogue / locations |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (RunResult run : located) {
            Optional<RunResult> wide = find(Scenario.WIDE_CATALOGUE, run.strategy(), run.clients());
            md.append("| %s | %d | %s | %s | %s | %s / %s | %s / %s |\n".formatted(run.strategy().value(),
                    run.clients(), wide.map(w -> rate(w.completedPerSecond())).orElse("–"),
                    rate(run.completedPerSecond()),
                    wide.map(w -> percent(run.completedPerSecond() / w.completedPerSecond())).orElse("–"),
                    wide.map(w -> ms(w.latencyMillis(99))).orElse("–"), ms(run.latencyMillis(99)),
                    wide.map(w -> cpuMs(w.measurement().serviceMsPerRequest())).orElse("–"),
                    cpuMs(run.measurement().serviceMsPerRequest())));
        }
    }

    private void checkouts(StringBuilder md) {
        List<RunResult> checkouts = runs.stream().filter(run -> run.checkouts().isPresent()).toList();
        if (checkouts.isEmpty()) {
            return;
        }
        md.append("\n### Checkouts\n\n").append("""
                        A **checkout** is a buyer's way through the reservations API: `POST /api/v1/reservations?\
                        strategy=…` holding 1 or 2 lines of one unit on mixed's products (drawn as in mixed: %.0f%% \
                        of them out of its first %d), then, as drawn before the hold is sent, `…/{id}/confirm` \
                        (%.0f%%), `…/{id}/release` (%.0f%%) or nothing (%.0f%%: held for `ttlSeconds` %d and left to \
                        the service's sweeper; the others are held for %d s, as they are decided at once). A \
                        decision answered 503 is sent again. A checkout **counts** when its hold answered 201 and its \
                        decision 200, or, left to expire, when its hold answered 201: the checkouts/s above. In the \
                        table above a checkout row's latencies are of every request (holds and decisions together), \
                        per kind below; its %% of ceiling is "–" (a checkout is two transactions, a hold and its \
                        decision, each with ledger and reservation rows: no pgbench statement of (a)–(d) stands for \
                        it), its %% of (e) is its HTTP requests/s over the read ceiling, and attempts "–" (a \
                        reservation does not tell). CPU per checkout: over the measured phase, divided by the \
                        checkouts it completed; the service's includes the sweeper expiring the warm-up's holds \
                        (the measured phase's own are swept after it). After each run the check waits until every \
                        hold is swept, then holds the database to what the clients saw: every product's `reserved` \
                        = 0 and `stock` = initial − units confirmed, both ledger sums, stored reservations = hold \
                        201s, CONFIRMED = confirm 200s, RELEASED = release 200s, EXPIRED = holds left to expire, \
                        stored deductions = confirm 200s (warm-up included, hence "whole run").

                        """.formatted(Scenario.HOT_SHARE_OF_MIXED * 100, Scenario.HOT_PRODUCTS_OF_MIXED,
                        Traffic.Checkouts.CONFIRM_SHARE * 100, Traffic.Checkouts.RELEASE_SHARE * 100,
                        Traffic.Checkouts.expireShare() * 100, options.checkoutTtl(),
                        Traffic.Checkouts.LONG_TTL_SECONDS))
                .append("| strategy | clients | checkouts/s | confirmed | released | expired | requests/checkout "
                        + "| reserve p50 / p99 | confirm p50 / p99 | release p50 / p99 | service CPU ms/checkout "
                        + "| client CPU ms/checkout | reserve | confirm | release | stored reservations (whole run) "
                        + "| swept after |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|---|---:|\n");
        for (RunResult run : checkouts) {
            CheckoutTally tally = run.checkouts().orElseThrow();
            md.append("| %s | %d | %s | %d | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n"
                    .formatted(run.strategy().value(), run.clients(), rate(run.completedPerSecond()),
                            tally.confirmed, tally.released, tally.expired,
                            decimal(tally.completed() > 0 ? (double) run.measured().requests() / tally.completed()
                                    : Double.NaN),
                            percentiles(tally.reserve), percentiles(tally.confirm), percentiles(tally.release),
                            cpuMs(run.measurement().serviceMsPerCompleted()),
                            cpuMs(run.measurement().clientMsPerCompleted()), orDash(statuses(tally.reserve)),
                            orDash(statuses(tally.confirm)), orDash(statuses(tally.release)),
                            run.checkoutAudit().map(Report::stored).orElse("–"),
                            run.checkoutAudit().map(audit -> Double.isNaN(audit.sweepSeconds()) ? "**not all**"
                                    : decimal(audit.sweepSeconds()) + " s").orElse("–")));
        }
    }

    private static String percentiles(Tally tally) {
        return tally.requests() == 0 ? "–" : ms(tally.latencyMicros.getValueAtPercentile(50) / 1000.0) + " / "
                + ms(tally.latencyMicros.getValueAtPercentile(99) / 1000.0);
    }

    private static String stored(Catalogue.CheckoutAudit audit) {
        return "%,d: %s".formatted(audit.reservations(), audit.byStatus().entrySet().stream()
                .map(e -> "%,d %s".formatted(e.getValue(), e.getKey())).collect(Collectors.joining(", ")));
    }

    private static String orDash(String text) {
        return text.isEmpty() ? "–" : text;
    }

    private String checkoutStatusNote() {
        return runs.stream().anyMatch(run -> run.scenario().checkout())
                ? ", checkouts only 201/503 to a hold and 200/503 to a confirm or release" : "";
    }

    private String ceilingShare(RunResult run) {
        Optional<Ceiling.Figure> figure = ceilingOf(run);
        String share = percent(shareOfCeiling(run));
        return figure.isPresent() && figure.get().clients() != run.clients()
                ? share + " (" + figure.get().kind().letter + "@" + figure.get().clients() + ")" : share;
    }

    private void cpuShares(StringBuilder md) {
        md.append("\n### Where the CPU went\n\nShares of all %d cores over each measured phase, from /proc. "
                .formatted(facts.cores())
                + "\"other\" is everything but the service JVM and the load generator: PostgreSQL, this harness's "
                + "JVM (idle while wrk loads), and whatever else the machine runs.\n\n"
                + "| run | clients | service JVM | load generator | PostgreSQL + other | idle |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        reads.forEach(read -> md.append(cpuRow("read ceiling (e)", read.clients(), read.measurement().cpu())));
        runs.forEach(run -> md.append(cpuRow(run.scenario().id() + " / " + run.strategy().value(), run.clients(),
                run.measurement().cpu())));
    }

    private static String cpuRow(String what, int clients, CpuUsage.Split cpu) {
        return "| %s | %d | %s | %s | %s | %s |\n".formatted(what, clients, percent(cpu.service()),
                percent(cpu.loadGenerator()), percent(cpu.other()), percent(cpu.idle()));
    }

    private void readCeilingSection(StringBuilder md) {
        md.append("\n### (e) Read ceiling: `GET /api/v1/products/{sku}` through the service\n\n")
                .append("The hot product read with the same client and client counts as the write runs, warmed up "
                        + "and measured the same way: what HTTP, JSON and one indexed SELECT cost here, the most any "
                        + "deduction can hope for.\n\n");
        if (reads.isEmpty()) {
            md.append("Not measured.\n");
            return;
        }
        md.append("| clients | client | requests/s | p50 | p95 | p99 | max | service CPU ms/req | client CPU ms/req "
                        + "| warm-up s | statuses | ok |\n")
                .append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (ReadResult read : reads) {
            Phase phase = read.measurement().phase();
            md.append("| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n".formatted(read.clients(),
                    read.client(), rate(read.requestsPerSecond()), ms(phase.latencyMillis(50)),
                    ms(phase.latencyMillis(95)), ms(phase.latencyMillis(99)), ms(phase.maxLatencyMillis()),
                    cpuMs(read.measurement().serviceMsPerRequest()), cpuMs(read.measurement().clientMsPerRequest()),
                    read.warmup().describe(), statuses(phase.tally()), read.passed() ? "ok" : "**FAILED**"));
        }
    }

    private void rawSqlSection(StringBuilder md) {
        md.append("\n### Raw SQL ceiling (pgbench, same server and database)\n\n");
        if (ceiling.unavailableBecause() != null) {
            md.append("Not measured: ").append(ceiling.unavailableBecause()).append(".\n");
            return;
        }
        md.append("Table `ceiling_product` (").append(ceiling.table()).append("), one hot row and ")
                .append(Ceiling.WIDE_ROWS).append(" others; `").append(ceiling.pgbench())
                .append(" --protocol=prepared`, ").append(options.ceilingSeconds())
                .append(" s each. No ledger insert, no HTTP, no JVM: the most PostgreSQL does for each strategy's "
                        + "statements. Scripts and logs are in `ceiling/`.\n\n")
                .append("| | statements | clients | per second |\n|---|---|---:|---:|\n");
        ceiling.figures().forEach(f -> md.append("| (%s) | %s | %d | %s%s |\n".formatted(f.kind().letter,
                f.kind().description, f.clients(), rate(f.perSecond()),
                f.kind() == Ceiling.Kind.C_VERSION_CHECK_HOT
                        ? " successes (" + rate(f.attemptsPerSecond()) + " attempts)" : "")));
        md.append('\n').append(bestHotRow().map(best -> "**(a\\*)**, the best of (a) over %s clients: **%s/s** at %s."
                        .formatted(counts(), rate(best.perSecond()), clients(best.clients())))
                .orElse("(a\\*): not measured.")).append('\n');
    }

    private Optional<Ceiling.Figure> bestHotRow() {
        return ceiling.best(Ceiling.Kind.A_CONDITIONAL_UPDATE_HOT, options.ceilingClients());
    }

    private String counts() {
        return options.ceilingClients().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private String flashSaleNote() {
        return runs.stream().anyMatch(run -> run.scenario() == Scenario.FLASH_SALE)
                ? ", every flash sale sold exactly its stock" : "";
    }

    // ---------------------------------------------------------------------------------------------- targets

    List<String> targets() {
        List<String> lines = new ArrayList<>();
        Optional<PlacementMode> batched = strategyNamed(BATCHED);
        Optional<RunResult> hot = batched.flatMap(s -> find(Scenario.HOT_SKU, s, clients));
        Optional<RunResult> wide = batched.flatMap(s -> find(Scenario.WIDE_CATALOGUE, s, clients));
        lines.add(readShareTarget(hot, Scenario.HOT_SKU, 0.80));
        lines.add(timesTarget(hot, "(a) at %d clients".formatted(clients),
                ceiling.figure(Ceiling.Kind.A_CONDITIONAL_UPDATE_HOT, clients), 3));
        lines.add("(stretch) " + timesTarget(hot, "(a\\*), the best (a) over " + counts() + " clients",
                bestHotRow(), 2));
        lines.add(hot.map(run -> "%s %s p99 ≤ 50 ms: %s ms".formatted(verdict(run.latencyMillis(99) <= 50),
                        what(run), ms(run.latencyMillis(99))))
                .orElseGet(() -> notRun("batched hot-sku p99 ≤ 50 ms at " + clients + " clients")));
        lines.add(hot.map(run -> "%s %s answers no 503: %d".formatted(verdict(run.measured().count(503) == 0),
                        what(run), run.measured().count(503)))
                .orElseGet(() -> notRun("batched hot-sku answers no 503 at " + clients + " clients")));
        lines.add(ceilingShareTarget(wide, Scenario.WIDE_CATALOGUE, BATCHED, 0.50));
        lines.add(readShareTarget(wide, Scenario.WIDE_CATALOGUE, 0.80));
        lines.add(singleClientLatencyTarget(batched));
        for (PlacementMode strategy : options.strategies()) {
            lines.add(cpuTarget(strategy));
        }
        lines.add(readCostTarget());
        for (PlacementMode strategy : options.strategies()) {
            lines.add(readShareTarget(find(Scenario.WIDE_CATALOGUE, strategy, clients), Scenario.WIDE_CATALOGUE,
                    0.50, strategy.value()));
        }
        lines.add(ceilingShareTarget(find(Scenario.HOT_SKU, PlacementMode.PESSIMISTIC, clients), Scenario.HOT_SKU,
                PlacementMode.PESSIMISTIC.value(), 0.80));
        lines.add(facts.rssMib().isPresent()
                ? "%s service peak RSS ≤ %d MiB: %.0f MiB".formatted(verdict(facts.rssMib().getAsDouble()
                        <= RSS_TARGET_MIB), RSS_TARGET_MIB, facts.rssMib().getAsDouble())
                : "**NOT EVALUATED** service peak RSS ≤ %d MiB: RSS unknown".formatted(RSS_TARGET_MIB));
        lines.add(batchedLeads(batched));
        return lines;
    }

    private String readShareTarget(Optional<RunResult> run, Scenario scenario, double share) {
        return readShareTarget(run, scenario, share, BATCHED);
    }

    private String readShareTarget(Optional<RunResult> run, Scenario scenario, double share, String strategy) {
        String what = "%s %s ≥ %.0f%% of the read ceiling (e) at %d clients".formatted(strategy, scenario.id(),
                share * 100, clients);
        if (run.isEmpty()) {
            return notRun(what);
        }
        Optional<ReadResult> read = readCeiling(clients);
        if (read.isEmpty()) {
            return "**NOT EVALUATED** %s: no read ceiling".formatted(what);
        }
        double max = read.get().requestsPerSecond();
        return "%s %s: %s/s = %s of %s/s".formatted(verdict(run.get().completedPerSecond() >= share * max), what,
                rate(run.get().completedPerSecond()), percent(shareOfRead(run.get())), rate(max));
    }

    private String ceilingShareTarget(Optional<RunResult> run, Scenario scenario, String strategy, double share) {
        String what = "%s %s ≥ %.0f%% of raw (%s) at %d clients".formatted(strategy, scenario.id(), share * 100,
                run.flatMap(RunResult::matchingCeiling).map(kind -> kind.letter).orElse("?"), clients);
        if (run.isEmpty()) {
            return notRun(what);
        }
        Optional<Ceiling.Figure> figure = ceilingOf(run.get());
        if (figure.isEmpty()) {
            return noCeiling(what);
        }
        return "%s %s: %s/s = %s of %s/s".formatted(verdict(run.get().completedPerSecond()
                        >= share * figure.get().perSecond()), what, rate(run.get().completedPerSecond()),
                percent(shareOfCeiling(run.get())), rate(figure.get().perSecond()));
    }

    private String timesTarget(Optional<RunResult> run, String of, Optional<Ceiling.Figure> figure, double times) {
        String what = "batched hot-sku at %d clients ≥ %.0f× raw %s".formatted(clients, times, of);
        if (run.isEmpty()) {
            return notRun(what);
        }
        if (figure.isEmpty() || figure.get().perSecond() <= 0) {
            return noCeiling(what);
        }
        double ratio = run.get().completedPerSecond() / figure.get().perSecond();
        return "%s %s: %s/s = %.2f× %s/s (at %s)".formatted(verdict(ratio >= times), what,
                rate(run.get().completedPerSecond()), ratio, rate(figure.get().perSecond()),
                clients(figure.get().clients()));
    }

    private String singleClientLatencyTarget(Optional<PlacementMode> batched) {
        String what = "batched hot-sku p50 within 10% of atomic's at 1 client";
        Optional<RunResult> mine = batched.flatMap(s -> find(Scenario.HOT_SKU, s, 1));
        Optional<RunResult> atomic = strategyNamed("atomic").flatMap(s -> find(Scenario.HOT_SKU, s, 1));
        if (mine.isEmpty() || atomic.isEmpty()) {
            return notRun(what);
        }
        double ratio = mine.get().latencyMillis(50) / atomic.get().latencyMillis(50);
        return "%s %s: %s ms vs %s ms (%+.0f%%)".formatted(verdict(ratio <= 1.10), what,
                ms(mine.get().latencyMillis(50)), ms(atomic.get().latencyMillis(50)), (ratio - 1) * 100);
    }

    /** Issue 11's budget: lock-based strategies pay for locks or retries; the others for one UPDATE per line. */
    private String cpuTarget(PlacementMode strategy) {
        double budget = strategy == PlacementMode.PESSIMISTIC || strategy == PlacementMode.OPTIMISTIC ? 0.5 : 0.3;
        String what = "%s service CPU per deduction ≤ %.1f ms in every scenario at %d clients".formatted(
                strategy.value(), budget, clients);
        List<String> figures = new ArrayList<>();
        boolean met = true;
        for (Scenario scenario : Scenario.deductions()) {
            Optional<RunResult> run = find(scenario, strategy, clients);
            if (run.isEmpty()) {
                return notRun(what);
            }
            double perDeduction = run.get().measurement().serviceMsPerCompleted();
            met &= perDeduction <= budget;
            figures.add(scenario.id() + " " + cpuMs(perDeduction));
        }
        return "%s %s: %s ms".formatted(verdict(met), what, String.join(", ", figures));
    }

    private String readCostTarget() {
        String what = "read ceiling's own cost ≤ 0.25 ms of service CPU per request at %d clients".formatted(clients);
        return readCeiling(clients).map(read -> "%s %s: %s ms".formatted(
                        verdict(read.measurement().serviceMsPerRequest() <= 0.25), what,
                        cpuMs(read.measurement().serviceMsPerRequest())))
                .orElseGet(() -> notRun(what));
    }

    /** Whether batched completes at least as many deductions per second as every other strategy, run by run. */
    private String batchedLeads(Optional<PlacementMode> batched) {
        String what = "batched at least as fast (deductions/s) as every other strategy in every scenario and client "
                + "count";
        // deductions only: a checkout's throughput is another unit
        List<RunResult> mine = batched.map(s -> runs.stream().filter(run -> run.strategy() == s
                        && !run.scenario().checkout()).toList())
                .orElse(List.of());
        if (mine.isEmpty()) {
            return notRun(what);
        }
        List<String> losses = new ArrayList<>();
        for (RunResult run : mine) {
            runs.stream().filter(other -> other.scenario() == run.scenario() && other.clients() == run.clients()
                            && other.strategy() != run.strategy()
                            && other.completedPerSecond() > run.completedPerSecond())
                    .sorted(Comparator.comparingDouble(RunResult::completedPerSecond).reversed())
                    .forEach(other -> losses.add("%s @%d: %s %s/s > %s/s".formatted(run.scenario().id(),
                            run.clients(), other.strategy().value(), rate(other.completedPerSecond()),
                            rate(run.completedPerSecond()))));
        }
        return losses.isEmpty() ? "**MET** " + what + ": it never loses"
                : "**MISSED** " + what + ": it loses in " + String.join("; ", losses);
    }

    private static String clients(int count) {
        return count == 1 ? "1 client" : count + " clients";
    }

    private String what(RunResult run) {
        return "%s %s at %d clients".formatted(run.strategy().value(), run.scenario().id(), run.clients());
    }

    private String noCeiling(String what) {
        return "**NOT EVALUATED** %s: no ceiling figure (%s)".formatted(what,
                ceiling.unavailableBecause() != null ? ceiling.unavailableBecause() : "not measured");
    }

    private static String notRun(String what) {
        return "**NOT EVALUATED** " + what + ": not run (no such strategy, or see --scenarios/--strategies)";
    }

    private Optional<RunResult> find(Scenario scenario, PlacementMode strategy, int clientCount) {
        return runs.stream().filter(run -> run.scenario() == scenario && run.strategy() == strategy
                && run.clients() == clientCount).findFirst();
    }

    private static Optional<PlacementMode> strategyNamed(String name) {
        return Arrays.stream(PlacementMode.values()).filter(strategy -> strategy.value().equals(name)).findFirst();
    }

    private static String verdict(boolean met) {
        return met ? "**MET**" : "**MISSED**";
    }

    // ---------------------------------------------------------------------------------------------- csv

    String csv() {
        StringBuilder csv = new StringBuilder("scenario,strategy,clients,client,measured_s,requests,deductions_per_s,"
                + "ceiling,ceiling_clients,ceiling_per_s,pct_of_ceiling,read_ceiling_per_s,pct_of_read_ceiling,"
                + "p50_ms,p95_ms,p99_ms,max_ms,status_201,status_409,status_503,status_other,attempts_per_deduction,"
                + "warmup_s,warmup_steady,warmup_slices_per_s,warmup_slices_service_cpu_ms,"
                + "service_cpu_ms_per_request,client_cpu_ms_per_request,"
                + "service_cpu_ms_per_deduction,batches,batch_mean,batch_max,batch_rejections,cpu_service,"
                + "cpu_load_generator,cpu_other,cpu_idle,checkouts_per_s,checkouts_confirmed,checkouts_released,"
                + "checkouts_expired,status_200,reserve_p50_ms,reserve_p99_ms,confirm_p50_ms,confirm_p99_ms,"
                + "release_p50_ms,release_p99_ms,service_cpu_ms_per_checkout,client_cpu_ms_per_checkout,"
                + "stored_reservations,stored_confirmed,stored_released,stored_expired,sweep_s,invariants\n");
        for (RunResult run : runs) {
            Optional<Ceiling.Figure> figure = ceilingOf(run);
            Optional<BatchMeters.Sizes> batches = run.batches();
            CpuUsage.Split cpu = run.measurement().cpu();
            csv.append(String.join(",", run.scenario().id(), run.strategy().value(), Integer.toString(run.clients()),
                    run.client(), plain(run.phase().seconds()), Long.toString(run.measured().requests()),
                    plain(run.completedPerSecond()), run.matchingCeiling().map(kind -> kind.letter).orElse(""),
                    figure.map(f -> Integer.toString(f.clients())).orElse(""),
                    figure.map(f -> plain(f.perSecond())).orElse(""), plain(shareOfCeiling(run), 100),
                    readCeiling(run.clients()).map(read -> plain(read.requestsPerSecond())).orElse(""),
                    plain(shareOfRead(run), 100), plain(run.latencyMillis(50)), plain(run.latencyMillis(95)),
                    plain(run.latencyMillis(99)), plain(run.maxLatencyMillis()), Long.toString(run.created()),
                    Long.toString(run.measured().count(409)), Long.toString(run.measured().count(503)),
                    '"' + run.otherStatuses() + '"', plain(run.attemptsPerDeduction()),
                    plain(run.warmup().seconds()), Boolean.toString(run.warmup().steady()), run.warmup().rates(),
                    run.warmup().cpuPerRequest(),
                    plain(run.measurement().serviceMsPerRequest()), plain(run.measurement().clientMsPerRequest()),
                    plain(run.measurement().serviceMsPerCompleted()),
                    batches.map(b -> Long.toString(b.batches())).orElse(""),
                    batches.map(b -> plain(b.mean())).orElse(""), batches.map(b -> plain(b.max())).orElse(""),
                    batches.map(b -> Long.toString(b.rejections())).orElse(""), plain(cpu.service()),
                    plain(cpu.loadGenerator()), plain(cpu.other()), plain(cpu.idle()), checkoutCells(run),
                    run.passed() ? "ok" : "violated")).append('\n');
        }
        return csv.toString();
    }

    /** The checkout columns of a csv row: empty for the deduction scenarios. */
    private static String checkoutCells(RunResult run) {
        if (run.checkouts().isEmpty()) {
            return ",".repeat(17);
        }
        CheckoutTally tally = run.checkouts().get();
        Optional<Catalogue.CheckoutAudit> audit = run.checkoutAudit();
        return String.join(",", plain(run.completedPerSecond()), Long.toString(tally.confirmed),
                Long.toString(tally.released), Long.toString(tally.expired),
                Long.toString(run.measured().count(200)), percentile(tally.reserve, 50),
                percentile(tally.reserve, 99), percentile(tally.confirm, 50), percentile(tally.confirm, 99),
                percentile(tally.release, 50), percentile(tally.release, 99),
                plain(run.measurement().serviceMsPerCompleted()), plain(run.measurement().clientMsPerCompleted()),
                audit.map(a -> Long.toString(a.reservations())).orElse(""),
                audit.map(a -> Long.toString(a.count("CONFIRMED"))).orElse(""),
                audit.map(a -> Long.toString(a.count("RELEASED"))).orElse(""),
                audit.map(a -> Long.toString(a.count("EXPIRED"))).orElse(""),
                audit.map(a -> plain(a.sweepSeconds())).orElse(""));
    }

    private static String percentile(Tally tally, double percentile) {
        return tally.requests() == 0 ? "" : plain(tally.latencyMicros.getValueAtPercentile(percentile) / 1000.0);
    }

    // ---------------------------------------------------------------------------------------------- formats

    private static String statuses(Tally tally) {
        return tally.statuses.entrySet().stream().map(e -> (e.getKey() == Tally.NO_ANSWER ? "no answer"
                : e.getKey().toString()) + "×" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.2f" : "%.1f", millis);
    }

    private static String cpuMs(double millis) {
        return Double.isNaN(millis) ? "–" : String.format(Locale.ROOT, "%.3f", millis);
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
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String plain(OptionalDouble value, double scale) {
        return value.isPresent() ? plain(value.getAsDouble() * scale) : "";
    }
}
