package com.example.inventory.bench;

import com.example.inventory.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;


/** The benchmark's own JDBC access to the service's database: seeding products and checking invariants. */
final class Catalogue {

    private static final int MAX_REPORTED_VIOLATIONS = 10;

    private final TestDatabase database;
    private StockTables tables;

    Catalogue(TestDatabase database) {
        this.database = database;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    /**
     * Creates the workload's products, their stock rows and their {@code INITIAL} ledger entries as the service
     * would, in a few set-based statements ({@link StockTables#seed}): 10,000 products take well under a second
     * instead of 10,000 HTTP calls.
     */
    void seed(Workload workload) throws SQLException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            tables().seed(connection, workload);
            connection.commit();
        }
    }

    /** Where this database keeps stock: asked once, as the schema does not change under a running service. */
    StockTables tables() throws SQLException {
        if (tables == null) {
            try (Connection connection = connect()) {
                tables = StockTables.of(connection);
            }
        }
        return tables;
    }

    /**
     * Checks, for every product of the workload: stock = initial − units the client saw deducted (201s), stock =
     * INITIAL + Σ RESTOCK − Σ DEDUCT + Σ CANCEL − Σ CONFIRM, stock ≥ 0, reserved = Σ RESERVE − Σ RELEASE −
     * Σ CONFIRM and 0 ≤ reserved ≤ stock, and the lines the service stored for the run's orders take from it exactly
     * the units the client saw; and that the service stored one deduction per 201. With stock per location, stock
     * and reserved are the sums over the product's rows, each row must balance with its location's ledger entries
     * and keep 0 ≤ reserved ≤ stock, and the product must have exactly the rows it was created with.
     *
     * @param unitsDeducted per product index, the units of the orders the client saw answered 201
     * @param orderPrefix what every order id of the run (and of no other run) starts with
     * @return the violations found (at most a few spelled out), empty when all hold
     */
    List<String> violations(Workload workload, long[] unitsDeducted, String orderPrefix, long createdSeen)
            throws SQLException {
        Map<String, long[]> stockAndLedger = stockAndLedger(workload.skuPrefix());
        Map<String, Long> storedLines = storedUnits(orderPrefix);
        List<String> violations = new ArrayList<>();
        int found = 0;
        for (int i = 0; i < workload.products(); i++) {
            String sku = workload.sku(i);
            long[] actual = stockAndLedger.get(sku);
            if (actual == null) {
                found++;
                add(violations, found, sku + " is missing");
                continue;
            }
            long expected = workload.initialTotal(i) - unitsDeducted[i];
            long stored = storedLines.getOrDefault(sku, 0L);
            if (actual[0] != expected || actual[1] != actual[0] || actual[0] < 0 || stored != unitsDeducted[i]
                    || !reservedHolds(actual) || !rowsHold(actual, workload, i)) {
                found++;
                add(violations, found, ("%s: stock %d, expected %d (initial %d − %d units seen deducted), ledger sum "
                        + "%d, stored deduction lines %d, reserved %d (ledger %d)%s").formatted(sku, actual[0],
                        expected, workload.initialTotal(i), unitsDeducted[i], actual[1], stored, actual[2],
                        actual[3], rows(actual, workload, i)));
            }
        }
        if (found > MAX_REPORTED_VIOLATIONS) {
            violations.add("… and " + (found - MAX_REPORTED_VIOLATIONS) + " more products");
        }
        long stored = storedDeductions(orderPrefix);
        if (stored != createdSeen) {
            violations.add("service stored " + stored + " deductions, client saw " + createdSeen + " answered 201");
        }
        return violations;
    }

    /** reserved = its ledger sum, and 0 ≤ reserved ≤ stock, of a {stock, ledger, reserved, ledger, …} row. */
    private static boolean reservedHolds(long[] product) {
        return product[2] == product[3] && product[2] >= 0 && product[2] <= product[0];
    }

    /** Every stock row of the product balances with its own ledger entries, and it has the rows it was created with. */
    private static boolean rowsHold(long[] product, Workload workload, int index) {
        return product[4] == 0 && product[5] == workload.rowCount(index);
    }

    private static String rows(long[] product, Workload workload, int index) {
        return rowsHold(product, workload, index) ? "" : "; %d stock row(s), created with %d, %d of them out of "
                .formatted(product[5], workload.rowCount(index), product[4])
                + "balance with their location's ledger or outside 0 ≤ reserved ≤ stock";
    }

    /**
     * What the checkout check found: the violations, and the run's stored reservations it compared with what the
     * clients saw.
     *
     * @param byStatus stored reservations of the run's orders, by status
     * @param sweepSeconds how long after the run the last hold was swept (every reservation decided, nothing
     *                     reserved on the run's products); NaN when that did not happen within the limit
     */
    record CheckoutAudit(List<String> violations, Map<String, Long> byStatus, double sweepSeconds) {

        long reservations() {
            return byStatus.values().stream().mapToLong(Long::longValue).sum();
        }

        long count(String status) {
            return byStatus.getOrDefault(status, 0L);
        }
    }

    /**
     * The checkout invariants, once every hold left to expire has been swept (waits up to {@code sweepLimit}):
     * for every product, reserved = 0 (every hold was decided), stock = initial − units the clients saw confirmed
     * (confirms answered 200), stock = INITIAL + Σ RESTOCK − Σ DEDUCT + Σ CANCEL − Σ CONFIRM, reserved = Σ RESERVE −
     * Σ RELEASE − Σ CONFIRM, 0 ≤ reserved ≤ stock, and the stored deduction lines of the run's orders take exactly
     * the units confirmed; and, over the run's orders: stored reservations = reserve 201s, CONFIRMED = confirm 200s,
     * RELEASED = release 200s, EXPIRED = holds left to expire (201s), none ACTIVE, stored deductions = confirm 200s;
     * and the checkouts the clients counted confirmed and released are their confirm and release 200s.
     *
     * @param unitsConfirmed per product index, the units of the confirmations the clients saw answered 200
     * @param seen what the clients saw, warm-up and measured phase together
     */
    CheckoutAudit checkoutViolations(Workload workload, long[] unitsConfirmed, String orderPrefix,
                                     CheckoutTally seen, Duration sweepLimit) throws SQLException,
            InterruptedException {
        double sweepSeconds = awaitSweep(workload.skuPrefix(), orderPrefix, sweepLimit);
        List<String> violations = new ArrayList<>();
        if (Double.isNaN(sweepSeconds)) {
            violations.add("holds not all swept %s s after the run: %s".formatted(Options.seconds(sweepLimit),
                    stillHeld(workload.skuPrefix(), orderPrefix)));
        }
        Map<String, long[]> stockAndLedger = stockAndLedger(workload.skuPrefix());
        Map<String, Long> storedLines = storedUnits(orderPrefix);
        int found = 0;
        for (int i = 0; i < workload.products(); i++) {
            String sku = workload.sku(i);
            long[] actual = stockAndLedger.get(sku);
            if (actual == null) {
                found++;
                add(violations, found, sku + " is missing");
                continue;
            }
            long expected = workload.initialTotal(i) - unitsConfirmed[i];
            long stored = storedLines.getOrDefault(sku, 0L);
            if (actual[0] != expected || actual[1] != actual[0] || actual[0] < 0 || actual[2] != 0
                    || !reservedHolds(actual) || stored != unitsConfirmed[i] || !rowsHold(actual, workload, i)) {
                found++;
                add(violations, found, ("%s: stock %d, expected %d (initial %d − %d units seen confirmed), ledger "
                        + "sum %d; reserved %d, expected 0, ledger sum %d; stored deduction lines %d%s").formatted(sku,
                        actual[0], expected, workload.initialTotal(i), unitsConfirmed[i], actual[1], actual[2],
                        actual[3], stored, rows(actual, workload, i)));
            }
        }
        if (found > MAX_REPORTED_VIOLATIONS) {
            violations.add("… and " + (found - MAX_REPORTED_VIOLATIONS) + " more products");
        }
        Map<String, Long> byStatus = reservationsByStatus(orderPrefix);
        CheckoutAudit audit = new CheckoutAudit(violations, byStatus, sweepSeconds);
        compare(violations, "reservations", audit.reservations(), "reserve 201s", seen.reserve.count(201));
        compare(violations, "CONFIRMED reservations", audit.count("CONFIRMED"), "confirm 200s",
                seen.confirm.count(200));
        compare(violations, "RELEASED reservations", audit.count("RELEASED"), "release 200s",
                seen.release.count(200));
        compare(violations, "EXPIRED reservations", audit.count("EXPIRED"), "holds left to expire (201s)",
                seen.expired);
        compare(violations, "ACTIVE reservations", audit.count("ACTIVE"), "none after the sweep", 0);
        compare(violations, "deductions", storedDeductions(orderPrefix), "confirm 200s", seen.confirm.count(200));
        // what checkouts/s counts must be what the service answered
        if (seen.confirmed != seen.confirm.count(200) || seen.released != seen.release.count(200)) {
            violations.add(("clients counted %d confirmed and %d released checkouts, but saw %d confirm and %d "
                    + "release 200s").formatted(seen.confirmed, seen.released, seen.confirm.count(200),
                    seen.release.count(200)));
        }
        return audit;
    }

    private static void compare(List<String> violations, String stored, long actual, String seen, long expected) {
        if (actual != expected) {
            violations.add("service stored %d %s, expected %d: %s".formatted(actual, stored, expected, seen));
        }
    }

    /**
     * Polls until no reservation of the run is ACTIVE and nothing is reserved on its products.
     *
     * @return seconds it took, or NaN when {@code limit} passed first
     */
    private double awaitSweep(String skuPrefix, String orderPrefix, Duration limit)
            throws SQLException, InterruptedException {
        long start = System.nanoTime();
        while (true) {
            long[] held = held(skuPrefix, orderPrefix);
            if (held[0] == 0 && held[1] == 0) {
                return (System.nanoTime() - start) / 1e9;
            }
            if (System.nanoTime() - start > limit.toNanos()) {
                return Double.NaN;
            }
            Thread.sleep(100);
        }
    }

    private String stillHeld(String skuPrefix, String orderPrefix) throws SQLException {
        long[] held = held(skuPrefix, orderPrefix);
        return "%d reservations ACTIVE, %d units reserved".formatted(held[0], held[1]);
    }

    /** {ACTIVE reservations of the run's orders, units reserved on its products}. */
    private long[] held(String skuPrefix, String orderPrefix) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT (SELECT count(*) FROM reservation
                              WHERE starts_with(order_id, ?) AND status = 'ACTIVE'),
                            (%s)""".formatted(tables().reservedSql()))) {
            query.setString(1, orderPrefix);
            query.setString(2, skuPrefix);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return new long[] {rows.getLong(1), rows.getLong(2)};
            }
        }
    }

    private Map<String, Long> reservationsByStatus(String orderPrefix) throws SQLException {
        Map<String, Long> result = new TreeMap<>();
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT status, count(*) FROM reservation WHERE starts_with(order_id, ?) GROUP BY status")) {
            query.setString(1, orderPrefix);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    result.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return result;
    }

    private static void add(List<String> violations, int found, String violation) {
        if (found <= MAX_REPORTED_VIOLATIONS) {
            violations.add(violation);
        }
    }

    /**
     * sku → {stock, its ledger sum, reserved, its ledger sum, stock rows out of balance, stock rows}: see
     * {@link StockTables#stockRowsSql}.
     */
    private Map<String, long[]> stockAndLedger(String skuPrefix) throws SQLException {
        Map<String, long[]> result = new HashMap<>();
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement(tables().stockRowsSql())) {
            query.setString(1, skuPrefix);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    result.put(rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3), rows.getLong(4),
                            rows.getLong(5), rows.getLong(6), rows.getLong(7)});
                }
            }
        }
        return result;
    }

    /** sku → units of the stored deduction lines of the orders whose id starts with the prefix. */
    private Map<String, Long> storedUnits(String orderPrefix) throws SQLException {
        Map<String, Long> result = new HashMap<>();
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT l.sku, sum(l.quantity) FROM deduction d JOIN deduction_line l ON l.deduction_id = d.id
                     WHERE starts_with(d.order_id, ?)
                     GROUP BY l.sku""")) {
            query.setString(1, orderPrefix);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    result.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return result;
    }

    private long storedDeductions(String orderPrefix) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM deduction WHERE starts_with(order_id, ?)")) {
            query.setString(1, orderPrefix);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    String serverVersion() throws SQLException {
        try (Connection connection = connect();
             ResultSet rows = connection.createStatement().executeQuery("SHOW server_version")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
