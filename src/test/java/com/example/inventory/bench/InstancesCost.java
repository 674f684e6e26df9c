package com.example.inventory.bench;

import com.example.inventory.ServiceJar;
import com.example.inventory.TestDatabase;
import com.example.inventory.stock.PlacementMode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * {@code bench/run --compare-instances [ROUNDS]}: what more instances of the service give, and what SKU affinity in
 * front of them buys. Starts {@code --instances} instances of the same jar on one fresh database (they share it as
 * production instances would: its row locks, claims and outbox), and measures, side by side ({@link SideBySide}),
 * three deployments of them:
 * <ul>
 * <li><b>one instance</b>: all the load to the first; the others idle (they only tick their timers, and their
 * sweepers may take a share of the expired holds);</li>
 * <li><b>round-robin</b>: the clients' connections spread over all of them, as a load balancer spreading connections
 * does; each instance batches alone, so on the hot SKU their batches fight for the one row's lock;</li>
 * <li><b>SKU affinity</b>: each request to the instance its SKU hashes to ({@link JavaClient.Routing#BY_SKU}: an
 * order's first line, named in an {@code X-Sku} header the service ignores, as a load balancer hashing that header
 * would route; a hold's confirmation or release goes where the hold was made). On the hot SKU every request goes to
 * one instance: one batcher instead of several fighting.</li>
 * </ul>
 * Each of {@code --scenarios} (hot-sku and checkout unless named) for each strategy at {@code --clients}, warmed up,
 * measured and checked (stock, ledger and reservations on the shared database, no oversell) as in the full
 * benchmark, ROUNDS times, rotating which deployment goes first. The service's CPU is summed over every instance, in
 * every deployment. Always the Java load client: it routes each request itself.
 */
final class InstancesCost {

    /** Issue 21: three instances on the hot SKU, with affinity, at 90% of one instance's throughput or more. */
    static final double TARGET = 0.90;

    private InstancesCost() {
    }

    static int run(Options options) throws Exception {
        long startedNanos = System.nanoTime();
        String started = SideBySide.now();
        Path out = options.out();
        Files.createDirectories(out);
        System.out.println("Benchmark: " + options.describe());
        TestDatabase database = TestDatabase.shared();
        String databaseDescription = Benchmark.describe(database);
        System.out.println("Database (shared by every instance): " + databaseDescription);
        Catalogue catalogue = new Catalogue(database);
        int n = options.instances();
        String one = "one instance";
        String spread = n + " round-robin";
        String affinity = n + " by SKU";

        List<ServiceJar> instances = new ArrayList<>();
        List<String> instanceRows = new ArrayList<>();
        SideBySide runs;
        String clientDescription;
        try {
            for (int i = 1; i <= n; i++) {
                Path log = SideBySide.freshLog(out, "service-instance-" + i + ".log");
                ServiceJar instance = ServiceJar.start(options.jar(), options.serviceJavaOptions(),
                        database.jdbcUrl(), database.roles(), ServiceJar.freePort(), log);
                instances.add(instance);
                System.out.println("Service, instance " + i + ": pid " + instance.pid() + " at " + instance.base()
                        + ", log " + log);
            }
            List<URI> bases = instances.stream().map(ServiceJar::base).toList();
            JavaClient toOne = new JavaClient(bases, JavaClient.Routing.ONE);
            JavaClient roundRobin = new JavaClient(bases, JavaClient.Routing.ROUND_ROBIN);
            JavaClient bySku = new JavaClient(bases, JavaClient.Routing.BY_SKU);
            clientDescription = "java: the JDK's HttpClient on virtual threads, in the benchmark's JVM; "
                    + roundRobin.describe() + "; " + bySku.describe();
            System.out.println("Load generator: " + clientDescription);
            Benchmark spreadBench = new Benchmark(options, catalogue, instances, roundRobin, "rr-");
            // Round-robin loads every instance at once: one warm-up compiles all of them, until each JIT is quiet.
            System.out.println("Service warm-up, every instance at once (round-robin):");
            spreadBench.warmUpService();
            runs = SideBySide.rounds(List.of(
                            new SideBySide.Side(one, new Benchmark(options, catalogue, instances, toOne, "one-")),
                            new SideBySide.Side(spread, spreadBench),
                            new SideBySide.Side(affinity, new Benchmark(options, catalogue, instances, bySku,
                                    "sku-"))),
                    options.compareInstances(), options.scenarios(), options.strategies(), options.clients());
            for (int i = 0; i < n; i++) {
                ServiceJar instance = instances.get(i);
                OptionalLong rss = instance.peakRssKib();
                instanceRows.add("| %d | %d | %s | %s | `%s` |".formatted(i + 1, instance.pid(), instance.base(),
                        rss.isPresent() ? "%,d MiB".formatted(rss.getAsLong() / 1024) : "unknown", instance.log()));
            }
        } finally {
            Collections.reverse(instances);
            for (ServiceJar instance : instances) {
                try {
                    instance.close();
                } catch (RuntimeException | InterruptedException e) {
                    System.err.println("Instance pid " + instance.pid() + " did not stop cleanly: " + e);
                }
            }
        }
        String report = report(runs, options, started, databaseDescription, clientDescription, instanceRows,
                one, spread, affinity, SideBySide.minutesSince(startedNanos));
        return SideBySide.finish(options, report, runs.passed(), startedNanos);
    }

    private static String report(SideBySide runs, Options options, String started, String database, String client,
                                 List<String> instanceRows, String one, String spread, String affinity,
                                 double minutes) {
        int n = options.instances();
        StringBuilder md = new StringBuilder();
        md.append("# One instance against ").append(n).append(": round-robin and SKU affinity\n\n");
        md.append("`bench/run --compare-instances`: ").append(options.describe()).append(". Started ").append(started)
                .append(", ").append(String.format(Locale.ROOT, "%.1f", minutes)).append(" minutes.\n\n");
        md.append("""
                %1$d instances of the same jar on **one** database, each with its own pool and, for the batched \
                strategy, its own batcher; three deployments of them, side by side: **%2$s** (all the load to the \
                first instance; the others up and idle), **%3$s** (the clients' connections spread over the %1$d, as a \
                load balancer spreading connections does: each instance batches alone, so on the hot SKU their \
                batches fight for the row's lock) and **%4$s** (SKU affinity: each request to the instance its SKU \
                hashes to, the SKU in an `X-Sku` header that the service ignores, as a load balancer hashing that \
                header would route; an order's first line decides, and a hold's confirmation or release goes where \
                the hold was made; on the hot SKU every request goes to one instance). Each run is warmed up, \
                measured and checked as in the full benchmark (stock, ledger and reservations on the shared \
                database, no oversell), on products of its own; rounds rotate which deployment goes first. The \
                service CPU per request is summed over **all** %1$d instances in every deployment (the idle ones' \
                timers and sweeps included).

                **This machine has %5$d cores**, shared by the %1$d service JVMs, PostgreSQL and the load generator \
                (the Java client: it routes every request itself, and costs more CPU per request than wrk, so the \
                absolute figures are below the full benchmark's). More instances here means more JVMs competing for \
                the same cores, not more cores: the figures are what this machine shows. On real hardware each \
                instance has cores of its own and the database is the shared part; what carries over is the \
                contention on the shared rows, which is what round-robin against affinity shows. The target \
                (reported, not asserted): %1$d instances on the hot SKU with SKU affinity at %6$.0f%% or more of one \
                instance's throughput; round-robin reported as it is.

                """.formatted(n, one, spread, affinity, Runtime.getRuntime().availableProcessors(), TARGET * 100));
        md.append("| instance | pid | at | peak RSS | log |\n|---:|---:|---|---:|---|\n");
        instanceRows.forEach(row -> md.append(row).append('\n'));
        md.append("\n").append(runs.runsTable("deployment"));
        md.append("\nAll rounds pooled (requests and CPU summed over the measured phases; deductions/s for hot-sku, "
                + "completed checkouts/s for checkout):\n\n");
        md.append("| scenario | strategy | clients | deployment | requests/s | deductions or checkouts/s "
                + "| / one instance | per round | service CPU ms/req, all instances |\n"
                + "|---|---|---:|---|---:|---:|---:|---|---:|\n");
        List<String> targets = new ArrayList<>();
        for (Scenario scenario : options.scenarios()) {
            for (PlacementMode strategy : options.strategies()) {
                Pool base = runs.pool(scenario, strategy, one);
                for (String side : List.of(one, spread, affinity)) {
                    Pool pool = runs.pool(scenario, strategy, side);
                    double ratio = pool.perSecond() / base.perSecond();
                    md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %,.0f | %,.0f | %s | %s | %.3f |%n",
                            scenario.id(), strategy.value(), options.clients(), side, pool.requestsPerSecond(),
                            pool.perSecond(), side.equals(one) ? "" : String.format(Locale.ROOT, "**%.1f%%**",
                                    100 * ratio),
                            side.equals(one) ? "" : runs.roundRatios(scenario, strategy, side, one),
                            pool.cpuMsPerRequest()));
                    if (scenario == Scenario.HOT_SKU && side.equals(affinity)) {
                        targets.add(String.format(Locale.ROOT, "hot-sku / %s: %s / %s = %.1f%% (target ≥ %.0f%%: "
                                        + "%s)", strategy.value(), affinity, one, 100 * ratio, TARGET * 100,
                                ratio >= TARGET ? "met" : "**not met**"));
                    }
                }
            }
        }
        if (!targets.isEmpty()) {
            md.append("\nTarget, reported and not asserted:\n\n");
            targets.forEach(line -> md.append("- ").append(line).append('\n'));
        }
        md.append("\nDatabase ").append(database).append(".\n\n");
        md.append(SideBySide.machine(options, client));
        return md.toString();
    }
}
