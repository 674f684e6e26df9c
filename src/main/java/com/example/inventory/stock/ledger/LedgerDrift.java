package com.example.inventory.stock.ledger;

import com.example.inventory.common.InventoryEvent;
import com.example.inventory.stock.MovementKind;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The operators' check that the ledger still explains the stock: at start-up and then on a schedule, every stock row's
 * {@code stock} and {@code reserved} (a product at a location) are compared with the sums of the product's movements
 * at that location ({@link MovementKind}'s signs). The number of rows out of balance is the gauge {@code inventory.ledger.drift} (it should always be 0; it has no
 * value, NaN, until the first check has run, so that "nothing checked yet" never reads as "in balance"); the
 * read-only actuator endpoint {@code /actuator/ledgerdrift} lists them as of the last check.
 */
@Component
@Endpoint(id = "ledgerdrift")
class LedgerDrift {

    private static final Logger log = LoggerFactory.getLogger(LedgerDrift.class);
    private static final int LISTED = 100;

    private static final String OUT_OF_BALANCE = """
            SELECT s.sku, s.location, s.stock, s.reserved, coalesce(sum(%s), 0) AS ledger_stock,
                   coalesce(sum(%s), 0) AS ledger_reserved, count(*) OVER () AS out_of_balance
              FROM location_stock s
              LEFT JOIN stock_movement m ON m.product_id = s.product_id AND m.location = s.location
             GROUP BY s.id
            HAVING s.stock <> coalesce(sum(%1$s), 0) OR s.reserved <> coalesce(sum(%2$s), 0)
             ORDER BY s.sku, s.location
             LIMIT %3$d""".formatted(signed(kind -> kind.stockDelta(1)), signed(kind -> kind.reservedDelta(1)),
            LISTED);

    /** A stock row (a product at a location) whose counters its ledger entries there do not explain. */
    record Drifted(String sku, String location, long stock, long ledgerStock, long reserved, long ledgerReserved) {
    }

    /**
     * The result of one check: when, how many stock rows are out of balance, and the first of them by SKU and
     * location.
     */
    record Report(@Nullable Instant checkedAt, long rowsOutOfBalance, List<Drifted> rows) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AtomicReference<Report> last = new AtomicReference<>(new Report(null, 0, List.of()));

    LedgerDrift(JdbcClient jdbc, ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
                Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        Gauge.builder("inventory.ledger.drift", last, report -> report.get().checkedAt() == null ? Double.NaN
                        : report.get().rowsOutOfBalance())
                .description("Stock rows (products at locations) whose stock or reserved units their ledger does not "
                        + "explain (should be 0)")
                .register(registry);
    }

    /** At start-up, then every {@code inventory.ledger.drift-check-interval} after the previous check ended. */
    @Scheduled(initialDelay = 0, fixedDelayString = "${inventory.ledger.drift-check-interval:5m}")
    void scheduledCheck() {
        try {
            check();
        } catch (DataAccessException e) {
            log.warn("The ledger drift check could not run: {}", e.getMessage());
        }
    }

    /** Compares every stock row with its ledger entries now. */
    Report check() {
        List<Object[]> rows = jdbc.sql(OUT_OF_BALANCE).query((row, number) -> new Object[] {
                new Drifted(row.getString("sku"), row.getString("location"), row.getLong("stock"),
                        row.getLong("ledger_stock"),
                        row.getLong("reserved"), row.getLong("ledger_reserved")), row.getLong("out_of_balance")})
                .list();
        List<Drifted> drifted = rows.stream().map(row -> (Drifted) row[0]).toList();
        Report report = new Report(clock.instant(), rows.isEmpty() ? 0 : (Long) rows.getFirst()[1], drifted);
        Report before = last.getAndSet(report);
        announceNew(before, report);
        if (report.rowsOutOfBalance() > 0) {
            log.error("{} stock row(s) out of balance with the ledger, e.g. {}", report.rowsOutOfBalance(),
                    drifted.stream().limit(5).map(row -> row.sku() + " at " + row.location())
                            .collect(Collectors.joining(", ")));
        }
        return report;
    }

    /**
     * A {@code ledger.drift} event for each row out of balance that the check before did not list (a drift is
     * announced when first found, not at every check; after a restart, once more).
     */
    private void announceNew(Report before, Report report) {
        Set<String> known = before.rows().stream().map(row -> row.sku() + '\u0000' + row.location())
                .collect(Collectors.toSet());
        List<Drifted> found = report.rows().stream()
                .filter(row -> !known.contains(row.sku() + '\u0000' + row.location())).toList();
        if (found.isEmpty()) {
            return;
        }
        Instant at = java.util.Objects.requireNonNull(report.checkedAt());
        transactions.executeWithoutResult(status -> found.forEach(row -> events.publishEvent(new LedgerDrifted(
                InventoryEvent.newId(), at, row.sku(), row.location(), row.stock(), row.ledgerStock(),
                row.reserved(), row.ledgerReserved()))));
    }

    @ReadOperation
    Report lastCheck() {
        return last.get();
    }

    /** {@code CASE m.kind WHEN 'INITIAL' THEN m.quantity … END}, with each kind's sign. */
    private static String signed(ToIntFunction<MovementKind> sign) {
        return Arrays.stream(MovementKind.values())
                .map(kind -> "WHEN '" + kind.name() + "' THEN " + sign.applyAsInt(kind) + " * m.quantity")
                .collect(Collectors.joining(" ", "CASE m.kind ", " END"));
    }
}
