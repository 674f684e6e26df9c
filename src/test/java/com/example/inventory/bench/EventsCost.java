package com.example.inventory.bench;

import com.example.inventory.ServiceJar;
import com.example.inventory.TestBroker;
import com.example.inventory.TestDatabase;
import com.example.inventory.stock.PlacementMode;
import com.example.inventory.stock.event.StockDepleted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * {@code bench/run --compare-events [ROUNDS]}: what the events cost. Starts the same jar twice, side by side, each on
 * a fresh database of its own on the same server: <b>events on</b> ({@code --inventory.events.enabled=true}, the
 * default: a change that crosses a threshold records its events in {@code event_publication} in its transaction, and
 * they are published to the tests' RabbitMQ ({@link TestBroker}, which {@link ServiceJar} passes as
 * {@code spring.rabbitmq.*}) after commit) and <b>events off</b> ({@code --inventory.events.enabled=false}: none
 * recorded or sent).
 *
 * <p>Each its own database, so that the off service's outbox upkeep (resubmission, staleness monitor, gauge) never
 * sees the on service's publications, and so that "off records nothing" is checkable as an empty table. Both
 * databases are on the one server, so both services share its CPU, WAL and checkpoints as they share the cores; each
 * database holds only its own service's runs, the same number on each.
 *
 * <p>Before measuring it proves which is which: per strategy, a flash sale on each ({@code --flash-sale-stock} units
 * sold out at {@code --clients}), after which the on service must have recorded exactly one {@code stock.depleted}
 * for the sale's product, completed (the broker confirmed it), and this benchmark's own queue must have received
 * exactly that one message; the off service must have recorded no publication at all and sent nothing. The same
 * checks follow every flash-sale run of the rounds, and after every run of the off service its table must still be
 * empty. Then {@link SideBySide} warms both up and runs each of {@code --scenarios} (hot-sku unless named) for each
 * strategy on each in turn, ROUNDS times, alternating which goes first, and this writes {@code report.md} with
 * on / off per scenario and strategy.
 */
final class EventsCost {

    static final String ON = "events on";
    static final String OFF = "events off";
    /** Hot-SKU batched with events on within 5% of its throughput with events off. */
    static final double WITHIN = 0.05;
    /** How long the on service gets to publish a sale's stock.depleted and have it confirmed. */
    private static final Duration PUBLISHED_WITHIN = Duration.ofSeconds(20);
    /** How long after that (or, off, after the sale) a second message or publication would have to come. */
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private EventsCost() {
    }

    /** What a flash sale left: the publications recorded and the messages received of its product. */
    record Sale(String side, PlacementMode strategy, String sku, long sold, long recorded, long completed,
                int received, boolean proof) {
    }

    static int run(Options options) throws Exception {
        long startedNanos = System.nanoTime();
        String started = SideBySide.now();
        Path out = options.out();
        Files.createDirectories(out);
        System.out.println("Benchmark: " + options.describe());
        TestDatabase onDatabase = TestDatabase.shared();
        TestDatabase offDatabase = onDatabase.sibling();
        Catalogue onCatalogue = new Catalogue(onDatabase);
        Catalogue offCatalogue = new Catalogue(offDatabase);
        String databases = "events on " + Benchmark.describe(onDatabase) + "; events off "
                + Benchmark.describe(offDatabase);
        System.out.println("Databases: " + databases);
        TestBroker broker = TestBroker.shared();
        String brokerDescription = broker.host() + ":" + broker.port() + " (" + broker.source() + ")";
        System.out.println("Broker: " + brokerDescription);

        SideBySide runs;
        String clientDescription;
        List<Sale> sales = new ArrayList<>();
        String onPublications;
        String offPublications;
        Path onLog = SideBySide.freshLog(out, "service-events-on.log");
        Path offLog = SideBySide.freshLog(out, "service-events-off.log");
        try (DepletedTap tap = DepletedTap.open(broker);
             ServiceJar on = ServiceJar.start(options.jar(), options.serviceJavaOptions(), onDatabase.jdbcUrl(),
                     onDatabase.roles(), ServiceJar.freePort(), onLog, "inventory.events.enabled=true");
             ServiceJar off = ServiceJar.start(options.jar(), options.serviceJavaOptions(), offDatabase.jdbcUrl(),
                     offDatabase.roles(), ServiceJar.freePort(), offLog, "inventory.events.enabled=false")) {
            System.out.println("Service, events on:  pid " + on.pid() + " at " + on.base() + ", log " + onLog);
            System.out.println("Service, events off: pid " + off.pid() + " at " + off.base() + ", log " + offLog);
            LoadClient onClient = LoadClient.choose(options.client(), on.base());
            LoadClient offClient = LoadClient.choose(options.client(), off.base());
            clientDescription = onClient.name() + ": " + onClient.describe();
            System.out.println("Load generator: " + clientDescription);
            SaleCheck onCheck = new SaleCheck(ON, true, onCatalogue, tap, sales);
            SaleCheck offCheck = new SaleCheck(OFF, false, offCatalogue, tap, sales);
            Benchmark onBench = new Benchmark(options, onCatalogue, on, onClient, "on-", onCheck);
            Benchmark offBench = new Benchmark(options, offCatalogue, off, offClient, "off-", offCheck);
            prove(options, onBench, offBench, onCheck, offCheck);
            runs = SideBySide.measure(new SideBySide.Side(ON, onBench), new SideBySide.Side(OFF, offBench),
                    options.compareEvents(), options.scenarios(), options.strategies(), options.clients());
            onPublications = publications(onCatalogue);
            offPublications = publications(offCatalogue);
        }
        String report = report(runs, sales, options, started, databases, brokerDescription, clientDescription,
                onPublications, offPublications, SideBySide.minutesSince(startedNanos));
        return SideBySide.finish(options, report, runs.passed(), startedNanos);
    }

    /**
     * Which is which, before anything is measured: a flash sale per strategy on each, checked by {@link SaleCheck}
     * (these runs are not measured: they come before the JIT's warm-up). Anything it finds stops the benchmark.
     */
    private static void prove(Options options, Benchmark onBench, Benchmark offBench, SaleCheck onCheck,
                              SaleCheck offCheck) throws SQLException, IOException, InterruptedException {
        System.out.println("Proving which service is which: a flash sale of " + options.flashSaleStock()
                + " units per strategy on each, then their stock.depleted counted");
        List<String> violations = new ArrayList<>();
        onCheck.proving = true;
        offCheck.proving = true;
        for (PlacementMode strategy : options.strategies()) {
            for (Benchmark bench : List.of(onBench, offBench)) {
                RunResult sale = bench.measure(Scenario.FLASH_SALE, strategy, options.clients());
                sale.violations().forEach(violation -> violations.add((bench == onBench ? ON : OFF) + ", "
                        + strategy.value() + ": " + violation));
            }
        }
        onCheck.proving = false;
        offCheck.proving = false;
        if (!violations.isEmpty()) {
            throw new IllegalStateException("The services are not what they should be (events on: exactly one "
                    + "stock.depleted recorded, confirmed and received per sale; events off: none): " + violations);
        }
    }

    /**
     * After each run of one service: with events off, its {@code event_publication} is still empty; after a flash
     * sale, the sale's product ({@code sku(1)}; product 0 only soaks up the warm-up) has exactly one
     * {@code stock.depleted} recorded, completed and received with events on, none with events off.
     */
    private static final class SaleCheck implements Benchmark.AfterRun {

        private final String side;
        private final boolean enabled;
        private final Catalogue catalogue;
        private final DepletedTap tap;
        private final List<Sale> sales;
        private boolean proving;

        SaleCheck(String side, boolean enabled, Catalogue catalogue, DepletedTap tap, List<Sale> sales) {
            this.side = side;
            this.enabled = enabled;
            this.catalogue = catalogue;
            this.tap = tap;
            this.sales = sales;
        }

        @Override
        public List<String> violations(Scenario scenario, PlacementMode strategy, Workload workload)
                throws SQLException, InterruptedException {
            List<String> violations = new ArrayList<>();
            if (!enabled) {
                // recorded in the transaction of the change, so there by the time its order was answered
                long recorded = count("SELECT count(*) FROM event_publication");
                if (recorded != 0) {
                    violations.add("the events-off service recorded " + recorded + " event publication(s)");
                }
            }
            if (scenario != Scenario.FLASH_SALE) {
                return violations;
            }
            String sku = workload.sku(1);
            long deadline = System.nanoTime() + PUBLISHED_WITHIN.toNanos();
            while (enabled && System.nanoTime() < deadline
                    && (depleted(sku, true) < 1 || tap.received(sku) < 1)) {
                Thread.sleep(50);
            }
            Thread.sleep(SETTLE.toMillis());
            long recorded = depleted(sku, false);
            long completed = depleted(sku, true);
            int received = tap.received(sku);
            long sold = workload.initialTotal(1) - stock(sku);
            sales.add(new Sale(side, strategy, sku, sold, recorded, completed, received, proving));
            long expected = enabled ? 1 : 0;
            if (recorded != expected || completed != expected || received != expected) {
                violations.add(("%s: %d stock.depleted publication(s) recorded, %d of them completed, %d message(s) "
                        + "received; exactly %d of each expected").formatted(sku, recorded, completed, received,
                        expected));
            }
            System.out.printf("  %s, %s sale %s: %d sold, stock.depleted recorded %d, completed %d, received %d%n",
                    side, strategy.value(), sku, sold, recorded, completed, received);
            return violations;
        }

        /** The {@code stock.depleted} publications of {@code sku} (only the completed ones, when asked). */
        private long depleted(String sku, boolean completedOnly) throws SQLException {
            return count("SELECT count(*) FROM event_publication WHERE event_type = ? AND serialized_event::jsonb "
                    + "->> 'sku' = ?" + (completedOnly ? " AND completion_date IS NOT NULL" : ""),
                    StockDepleted.class.getName(), sku);
        }

        private long stock(String sku) throws SQLException {
            return count("SELECT coalesce(sum(s.stock), 0) FROM location_stock s JOIN product p ON p.id = "
                    + "s.product_id WHERE p.sku = ?", sku);
        }

        private long count(String sql, String... parameters) throws SQLException {
            try (Connection connection = catalogue.connect();
                 PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setString(i + 1, parameters[i]);
                }
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    return result.getLong(1);
                }
            }
        }
    }

    /** What one service's {@code event_publication} holds, per event type: e.g. {@code StockDepleted 4 (4 completed)}. */
    private static String publications(Catalogue catalogue) throws SQLException {
        List<String> types = new ArrayList<>();
        try (Connection connection = catalogue.connect();
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT event_type, count(*), count(completion_date) FROM event_publication
                      GROUP BY event_type ORDER BY event_type""");
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                String type = result.getString(1);
                types.add("%s %d (%d completed)".formatted(type.substring(type.lastIndexOf('.') + 1),
                        result.getLong(2), result.getLong(3)));
            }
        }
        return types.isEmpty() ? "none" : String.join(", ", types);
    }

    private static String report(SideBySide runs, List<Sale> sales, Options options, String started,
                                 String databases, String broker, String client, String onPublications,
                                 String offPublications, double minutes) {
        StringBuilder md = new StringBuilder();
        md.append("# The cost of events: on against off\n\n");
        md.append("`bench/run --compare-events`: ").append(options.describe()).append(". Started ").append(started)
                .append(", ").append(String.format(Locale.ROOT, "%.1f", minutes)).append(" minutes.\n\n");
        md.append("""
                The same jar, twice, side by side, each on a fresh database of its own on the same server: **events \
                on** (`--inventory.events.enabled=true`, the default: a change that crosses a threshold records its \
                events in `event_publication` in its transaction; they are published to RabbitMQ after commit and \
                completed on the broker's confirm) and **events off** (`--inventory.events.enabled=false`: none \
                recorded or sent). Both still decide, in every transaction, whether its changes cross anything; the \
                benchmark's products have no low-stock threshold, and a hot-SKU product never runs out, so a hot-SKU \
                run records no event on either side. Only one service is loaded at a time, each run warmed up as in \
                the full benchmark; rounds alternate which goes first. The target: events on within %.0f%% of off.

                """.formatted(WITHIN * 100));
        md.append("Checked before the runs (per strategy, a flash sale of ").append(options.flashSaleStock())
                .append(" units on each; not measured), and after every flash sale of the rounds: **exactly one** "
                        + "`stock.depleted` of the sale's product recorded, completed and received with events on, "
                        + "**none** with events off; after every run of the off service, its `event_publication` "
                        + "still empty.\n\n");
        md.append("| side | strategy | sale product | units sold | stock.depleted recorded | completed | received "
                + "from the broker | when |\n|---|---|---|---:|---:|---:|---:|---|\n");
        for (Sale sale : sales) {
            md.append("| %s | %s | `%s` | %,d | %d | %d | %d | %s |\n".formatted(sale.side(), sale.strategy().value(),
                    sale.sku(), sale.sold(), sale.recorded(), sale.completed(), sale.received(),
                    sale.proof() ? "before the runs" : "a measured run"));
        }
        md.append("\n").append(runs.runsTable("service"));
        md.append("\nAll rounds pooled (requests and CPU summed over the measured phases):\n\n");
        md.append(runs.pooledTable(options.scenarios(), options.strategies(), options.clients(), ON, OFF,
                OptionalDouble.of(WITHIN)));
        md.append("\n`event_publication` at the end: events on ").append(onPublications).append("; events off ")
                .append(offPublications).append(".\n\n");
        md.append("Broker ").append(broker).append("; databases ").append(databases).append(".\n\n");
        md.append(SideBySide.machine(options, client));
        return md.toString();
    }
}
