package com.example.inventory;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the ledger straight from the database, to check it against the stock. */
public final class Ledgers {

    private Ledgers() {
    }

    /** {@code stock = INITIAL + Σ RESTOCK − Σ DEDUCT + Σ CANCEL}, and the newest entry's stockAfter is the stock. */
    public static void assertLedgerMatchesStock(JdbcClient jdbc, String sku) {
        Integer stock = jdbc.sql("SELECT stock FROM product WHERE sku = ?").param(sku).query(Integer.class).single();
        Long fromLedger = jdbc.sql("""
                SELECT coalesce(sum(CASE WHEN m.kind IN ('DEDUCT') THEN -m.quantity ELSE m.quantity END), 0)
                FROM stock_movement m JOIN product p ON p.id = m.product_id WHERE p.sku = ?""")
                .param(sku).query(Long.class).single();
        assertThat(fromLedger).as("ledger sum of %s", sku).isEqualTo(stock.longValue());
        jdbc.sql("""
                SELECT m.stock_after FROM stock_movement m JOIN product p ON p.id = m.product_id
                WHERE p.sku = ? ORDER BY m.id DESC LIMIT 1""").param(sku).query(Integer.class).optional()
                .ifPresent(newest -> assertThat(newest).as("newest stockAfter of %s", sku).isEqualTo(stock));
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
