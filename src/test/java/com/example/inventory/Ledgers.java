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
     * {@code stock = INITIAL + Σ RESTOCK − Σ DEDUCT + Σ CANCEL − Σ CONFIRM},
     * {@code reserved = Σ RESERVE − Σ RELEASE − Σ CONFIRM}, {@code 0 ≤ reserved ≤ stock}, and the newest entry's
     * stockAfter is the stock.
     */
    public static void assertLedgerMatchesStock(JdbcClient jdbc, String sku) {
        var row = jdbc.sql("""
                SELECT p.stock, p.reserved, %s AS stock_sum, %s AS reserved_sum
                FROM product p LEFT JOIN stock_movement m ON m.product_id = p.id
                WHERE p.sku = ? GROUP BY p.id""".formatted(STOCK_SUM, RESERVED_SUM))
                .param(sku).query().singleRow();
        long stock = ((Number) row.get("stock")).longValue();
        long reserved = ((Number) row.get("reserved")).longValue();
        assertThat(((Number) row.get("stock_sum")).longValue()).as("ledger stock sum of %s", sku).isEqualTo(stock);
        assertThat(((Number) row.get("reserved_sum")).longValue()).as("ledger reserved sum of %s", sku)
                .isEqualTo(reserved);
        assertThat(reserved).as("reserved of %s", sku).isBetween(0L, stock);
        jdbc.sql("""
                SELECT m.stock_after FROM stock_movement m JOIN product p ON p.id = m.product_id
                WHERE p.sku = ? ORDER BY m.id DESC LIMIT 1""").param(sku).query(Integer.class).optional()
                .ifPresent(newest -> assertThat(newest.longValue()).as("newest stockAfter of %s", sku)
                        .isEqualTo(stock));
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
