package com.example.inventory;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the ledger straight from the database, to check it against the stock. */
public final class Ledgers {

    /** {@code Σ} of the ledger's contribution to {@code stock}, per the contract. */
    private static final String STOCK_SUM = """
            coalesce(sum(CASE WHEN m.kind IN ('INITIAL', 'RESTOCK', 'CANCEL') THEN m.quantity
                              WHEN m.kind IN ('DEDUCT', 'CONFIRM') THEN -m.quantity ELSE 0 END), 0)""";
    /** {@code Σ} of the ledger's contribution to {@code reserved}, per the contract. */
    private static final String RESERVED_SUM = """
            coalesce(sum(CASE WHEN m.kind = 'RESERVE' THEN m.quantity
                              WHEN m.kind IN ('RELEASE', 'CONFIRM') THEN -m.quantity ELSE 0 END), 0)""";

    private Ledgers() {
    }

    /**
     * For every location of the product: {@code stock = INITIAL + Σ RESTOCK − Σ DEDUCT + Σ CANCEL − Σ CONFIRM},
     * {@code reserved = Σ RESERVE − Σ RELEASE − Σ CONFIRM} over its entries there, {@code 0 ≤ reserved ≤ stock}, and
     * the newest entry's stockAfter there is that location's stock; no entry is at a location where the product has no
     * stock row.
     */
    public static void assertLedgerMatchesStock(JdbcClient jdbc, String sku) {
        var rows = jdbc.sql("""
                SELECT s.location, s.stock, s.reserved, %s AS stock_sum, %s AS reserved_sum,
                       (SELECT n.stock_after FROM stock_movement n
                         WHERE n.product_id = s.product_id AND n.location = s.location
                         ORDER BY n.id DESC LIMIT 1) AS newest_stock_after
                FROM location_stock s
                LEFT JOIN stock_movement m ON m.product_id = s.product_id AND m.location = s.location
                WHERE s.sku = ? GROUP BY s.id""".formatted(STOCK_SUM, RESERVED_SUM))
                .param(sku).query().listOfRows();
        assertThat(rows).as("stock rows of %s", sku).isNotEmpty();
        for (var row : rows) {
            String at = sku + " at " + row.get("location");
            long stock = ((Number) row.get("stock")).longValue();
            long reserved = ((Number) row.get("reserved")).longValue();
            assertThat(((Number) row.get("stock_sum")).longValue()).as("ledger stock sum of %s", at).isEqualTo(stock);
            assertThat(((Number) row.get("reserved_sum")).longValue()).as("ledger reserved sum of %s", at)
                    .isEqualTo(reserved);
            assertThat(reserved).as("reserved of %s", at).isBetween(0L, stock);
            if (row.get("newest_stock_after") != null) {
                assertThat(((Number) row.get("newest_stock_after")).longValue()).as("newest stockAfter of %s", at)
                        .isEqualTo(stock);
            }
        }
        assertThat(jdbc.sql("""
                SELECT count(*) FROM stock_movement m JOIN product p ON p.id = m.product_id
                WHERE p.sku = ? AND NOT EXISTS (SELECT FROM location_stock s
                                                 WHERE s.product_id = m.product_id AND s.location = m.location)""")
                .param(sku).query(Integer.class).single()).as("entries of %s at a location without its row", sku)
                .isZero();
    }

    public static int movements(JdbcClient jdbc, String sku, String kind) {
        return jdbc.sql("""
                SELECT count(*) FROM stock_movement m JOIN product p ON p.id = m.product_id
                WHERE p.sku = ? AND m.kind = ?""").params(sku, kind).query(Integer.class).single();
    }

    public static int deductionsOf(JdbcClient jdbc, String orderId) {
        return jdbc.sql("SELECT count(*) FROM deduction WHERE order_id = ?").param(orderId).query(Integer.class)
                .single();
    }
}
