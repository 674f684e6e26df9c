package com.example.inventory.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the service's database keeps stock, and every statement of the benchmark that depends on it: seeding a
 * workload's products, reading their stock rows back for the invariant checks, and the raw SQL ceiling's table. The
 * benchmark may load two jars of different schemas in one run ({@code --baseline-jar}), each on a database of its
 * own, so the shape is told per database ({@link #of}), by whether {@code location_stock} exists.
 */
enum StockTables {

    /** Before issue 19: {@code product.stock} and {@code product.reserved}; ledger entries name no location. */
    PRODUCT_ROWS("stock on product rows (before issue 19)") {
        @Override
        void seed(Connection connection, Workload workload) throws SQLException {
            if (!workload.locations().isEmpty()) {
                throw new IllegalStateException("Products stocked at locations " + workload.locations() + " need "
                        + "the service's stock per location (issue 19), and this database keeps stock on product "
                        + "rows (no location_stock table): the jar predates it");
            }
            Integer[] stock = new Integer[workload.products()];
            for (int i = 0; i < stock.length; i++) {
                stock[i] = workload.initialStock()[i];
            }
            try (PreparedStatement products = connection.prepareStatement("""
                    INSERT INTO product (sku, name, stock)
                    SELECT ? || '-' || (s.ordinality - 1), 'Benchmark product', s.stock
                    FROM unnest(?::integer[]) WITH ORDINALITY AS s(stock, ordinality)""");
                 PreparedStatement movements = connection.prepareStatement("""
                    INSERT INTO stock_movement (product_id, kind, quantity, stock_after, reference, actor)
                    SELECT id, 'INITIAL', stock, stock, NULL, 'bench' FROM product
                    WHERE starts_with(sku, ? || '-') AND stock > 0""")) {
                products.setString(1, workload.skuPrefix());
                products.setArray(2, connection.createArrayOf("integer", stock));
                products.executeUpdate();
                movements.setString(1, workload.skuPrefix());
                movements.executeUpdate();
            }
        }

        @Override
        String stockRowsSql() {
            return """
                    SELECT p.sku, p.stock, coalesce(sum(CASE m.kind
                               WHEN 'INITIAL' THEN m.quantity WHEN 'RESTOCK' THEN m.quantity
                               WHEN 'DEDUCT' THEN -m.quantity WHEN 'CANCEL' THEN m.quantity
                               WHEN 'CONFIRM' THEN -m.quantity ELSE 0 END), 0),
                           p.reserved, coalesce(sum(CASE m.kind
                               WHEN 'RESERVE' THEN m.quantity WHEN 'RELEASE' THEN -m.quantity
                               WHEN 'CONFIRM' THEN -m.quantity ELSE 0 END), 0),
                           0, 1
                    FROM product p LEFT JOIN stock_movement m ON m.product_id = p.id
                    WHERE starts_with(p.sku, ? || '-')
                    GROUP BY p.id, p.sku, p.stock, p.reserved""";
        }

        @Override
        String reservedSql() {
            return "SELECT coalesce(sum(reserved), 0) FROM product WHERE starts_with(sku, ? || '-')";
        }

        @Override
        void createCeilingTable(Statement statement) throws SQLException {
            statement.execute("CREATE TABLE ceiling_product (LIKE product INCLUDING ALL)");
            statement.execute("""
                    INSERT INTO ceiling_product (id, sku, name, stock)
                    SELECT g, 'CEILING-' || g, 'Ceiling row', %d FROM generate_series(1, %d) g"""
                    .formatted(Scenario.AMPLE_STOCK, Ceiling.WIDE_ROWS + 1));
        }

        @Override
        String ceilingTable() {
            return "`LIKE product INCLUDING ALL`: same columns and CHECKs";
        }
    },

    /**
     * Issue 19: stock per (product, location) in {@code location_stock (product_id, sku, location, stock, reserved,
     * version, updated_at)}, unique (product_id, location); {@code product} keeps no stock; every ledger entry names
     * its {@code location}, and the ledger balances per product and location.
     */
    LOCATION_ROWS("stock on location_stock rows (issue 19)") {
        /**
         * The products, one stock row per location each is at ({@code DEFAULT} when the workload names none, as for
         * a product created with {@code "stock"}), and an {@code INITIAL} ledger entry per row with stock, as the
         * service writes them, in three set-based statements. The one place that writes the new schema: adjust here
         * if its columns differ.
         */
        @Override
        void seed(Connection connection, Workload workload) throws SQLException {
            List<Integer> products = new ArrayList<>();
            List<String> locations = new ArrayList<>();
            List<Integer> stocks = new ArrayList<>();
            for (int i = 0; i < workload.products(); i++) {
                int[] rows = workload.rowsOf(i);
                if (rows.length == 0) {
                    products.add(i);
                    locations.add("DEFAULT");
                    stocks.add(workload.initialStock()[i]);
                }
                for (int row : rows) {
                    products.add(i);
                    locations.add(workload.locations().get(row));
                    stocks.add(workload.initialStock()[i]);
                }
            }
            try (PreparedStatement product = connection.prepareStatement("""
                    INSERT INTO product (sku, name)
                    SELECT ? || '-' || g, 'Benchmark product' FROM generate_series(0, ? - 1) g""");
                 PreparedStatement rows = connection.prepareStatement("""
                    INSERT INTO location_stock (product_id, sku, location, stock, reserved, version, updated_at)
                    SELECT p.id, p.sku, r.location, r.stock, 0, 0, now()
                    FROM unnest(?::integer[], ?::varchar[], ?::integer[]) AS r(product, location, stock)
                    JOIN product p ON p.sku = ? || '-' || r.product""");
                 PreparedStatement movements = connection.prepareStatement("""
                    INSERT INTO stock_movement (product_id, location, kind, quantity, stock_after, reference, actor)
                    SELECT ls.product_id, ls.location, 'INITIAL', ls.stock, ls.stock, NULL, 'bench'
                    FROM location_stock ls JOIN product p ON p.id = ls.product_id
                    WHERE starts_with(p.sku, ? || '-') AND ls.stock > 0
                    ORDER BY ls.product_id, ls.location""")) {
                product.setString(1, workload.skuPrefix());
                product.setInt(2, workload.products());
                product.executeUpdate();
                rows.setArray(1, connection.createArrayOf("integer", products.toArray()));
                rows.setArray(2, connection.createArrayOf("varchar", locations.toArray()));
                rows.setArray(3, connection.createArrayOf("integer", stocks.toArray()));
                rows.setString(4, workload.skuPrefix());
                rows.executeUpdate();
                movements.setString(1, workload.skuPrefix());
                movements.executeUpdate();
            }
        }

        @Override
        String stockRowsSql() {
            return """
                    SELECT sku, sum(stock), sum(ledger), sum(reserved), sum(reserved_ledger),
                           count(*) FILTER (WHERE stock <> ledger OR reserved <> reserved_ledger OR stock < 0
                                              OR reserved < 0 OR reserved > stock),
                           count(*)
                    FROM (SELECT p.sku, ls.stock, ls.reserved,
                                 coalesce(sum(CASE m.kind
                                     WHEN 'INITIAL' THEN m.quantity WHEN 'RESTOCK' THEN m.quantity
                                     WHEN 'DEDUCT' THEN -m.quantity WHEN 'CANCEL' THEN m.quantity
                                     WHEN 'CONFIRM' THEN -m.quantity ELSE 0 END), 0) AS ledger,
                                 coalesce(sum(CASE m.kind
                                     WHEN 'RESERVE' THEN m.quantity WHEN 'RELEASE' THEN -m.quantity
                                     WHEN 'CONFIRM' THEN -m.quantity ELSE 0 END), 0) AS reserved_ledger
                          FROM product p JOIN location_stock ls ON ls.product_id = p.id
                          LEFT JOIN stock_movement m ON m.product_id = ls.product_id AND m.location = ls.location
                          WHERE starts_with(p.sku, ? || '-')
                          GROUP BY p.sku, ls.product_id, ls.location, ls.stock, ls.reserved) AS row_and_ledger
                    GROUP BY sku""";
        }

        @Override
        String reservedSql() {
            return """
                    SELECT coalesce(sum(ls.reserved), 0)
                    FROM location_stock ls JOIN product p ON p.id = ls.product_id
                    WHERE starts_with(p.sku, ? || '-')""";
        }

        /**
         * Shaped like {@code location_stock}, the row every strategy now changes, with an {@code id} of its own so
         * that the pgbench scripts stay the same (unless the table has an {@code id} already).
         */
        @Override
        void createCeilingTable(Statement statement) throws SQLException {
            statement.execute("CREATE TABLE ceiling_product (LIKE location_stock INCLUDING ALL)");
            boolean hasId;
            try (ResultSet columns = statement.executeQuery("""
                    SELECT count(*) FROM information_schema.columns
                    WHERE table_schema = current_schema() AND table_name = 'ceiling_product'
                      AND column_name = 'id'""")) {
                columns.next();
                hasId = columns.getLong(1) > 0;
            }
            if (!hasId) {
                statement.execute("ALTER TABLE ceiling_product ADD COLUMN id bigint NOT NULL");
                statement.execute("CREATE UNIQUE INDEX ceiling_product_id ON ceiling_product (id)");
            }
            statement.execute("""
                    INSERT INTO ceiling_product (id, product_id, sku, location, stock, reserved, version, updated_at)
                    OVERRIDING SYSTEM VALUE
                    SELECT g, g, 'CEILING-' || g, 'DEFAULT', %d, 0, 0, now() FROM generate_series(1, %d) g"""
                    .formatted(Scenario.AMPLE_STOCK, Ceiling.WIDE_ROWS + 1));
        }

        @Override
        String ceilingTable() {
            return "`LIKE location_stock INCLUDING ALL`, the row every strategy changes: same columns and CHECKs, "
                    + "and an `id` for the scripts";
        }
    };

    private final String description;

    StockTables(String description) {
        this.description = description;
    }

    /** The shape of the database {@code connection} is on. */
    static StockTables of(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet found = statement.executeQuery("""
                     SELECT count(*) FROM information_schema.tables
                     WHERE table_schema = current_schema() AND table_name = 'location_stock'""")) {
            found.next();
            return found.getLong(1) > 0 ? LOCATION_ROWS : PRODUCT_ROWS;
        }
    }

    String description() {
        return description;
    }

    /**
     * Creates the workload's products, their stock rows and {@code INITIAL} ledger entries, in the caller's
     * transaction.
     */
    abstract void seed(Connection connection, Workload workload) throws SQLException;

    /**
     * One row per product whose SKU starts with {@code ?-}: sku, stock, the ledger's sum of it, reserved, the
     * ledger's sum of it (each over all the product's stock rows), the rows whose own stock or reserved differs from
     * their location's ledger sums or breaks 0 ≤ reserved ≤ stock, and the number of rows.
     */
    abstract String stockRowsSql();

    /** The units reserved on the products whose SKU starts with {@code ?-}. */
    abstract String reservedSql();

    /** {@code ceiling_product}: ids 1 to {@link Ceiling#WIDE_ROWS} + 1, ample stock, nothing reserved. */
    abstract void createCeilingTable(Statement statement) throws SQLException;

    /** What {@code ceiling_product} is shaped like, for the report. */
    abstract String ceilingTable();
}
