package com.example.inventory.stock;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statements of an {@link OrderClaims} kept in a table of its own: {@code <name> (id, order_id, status,
 * strategy, attempts, created_at, …)} with a unique key on {@code order_id}, and {@code <name>_line (<name>_id,
 * line_no, sku, quantity)}. One statement claims a whole batch; plain JDBC, in the caller's transaction.
 */
public final class OrderTable {

    /** A column a feature stores per order beyond the common ones, bound as text and cast to {@code sqlType}. */
    public record Column(String name, String sqlType) {
    }

    private final JdbcClient jdbc;
    private final String claim;
    private final String unclaim;
    private final String stored;

    /**
     * @param name the orders' table; its lines are in {@code <name>_line}, keyed by {@code <name>_id}
     * @param status the status of a newly placed order
     * @param extra columns beyond id, order_id, status, strategy, attempts and created_at, given per order
     */
    public OrderTable(JdbcClient jdbc, String name, String status, List<Column> extra) {
        this.jdbc = jdbc;
        String extraNames = extra.stream().map(column -> ", " + column.name()).collect(Collectors.joining());
        String extraArrays = extra.stream().map(column -> ", ?::" + column.sqlType() + "[]")
                .collect(Collectors.joining());
        this.claim = """
                WITH claimed AS (
                    INSERT INTO %1$s (id, order_id, status, strategy, attempts, created_at%3$s)
                    SELECT o.id, o.order_id, '%2$s', ?, ?, o.created_at%5$s
                      FROM unnest(?::uuid[], ?::varchar[], ?::timestamptz[]%4$s) AS o (id, order_id, created_at%3$s)
                     ORDER BY o.order_id
                    ON CONFLICT (order_id) DO NOTHING
                    RETURNING id),
                claimed_lines AS (
                    INSERT INTO %1$s_line (%1$s_id, line_no, sku, quantity)
                    SELECT line.order_id, line.line_no, line.sku, line.quantity
                      FROM unnest(?::uuid[], ?::integer[], ?::varchar[], ?::integer[])
                               AS line (order_id, line_no, sku, quantity)
                     WHERE line.order_id IN (SELECT id FROM claimed))
                SELECT id FROM claimed""".formatted(name, status, extraNames, extraArrays,
                extra.stream().map(column -> ", o." + column.name()).collect(Collectors.joining()));
        this.unclaim = """
                WITH unclaimed_lines AS (DELETE FROM %1$s_line WHERE %1$s_id = ANY (?::uuid[]))
                DELETE FROM %1$s WHERE id = ANY (?::uuid[])""".formatted(name);
        this.stored = "SELECT id FROM %s WHERE id = ANY (?::uuid[])".formatted(name);
    }

    /**
     * Claims the orders' ids in one statement, in ascending order id order, and stores the lines of those claimed;
     * see {@link OrderClaims#claim}.
     *
     * @param extraValues per extra column, one value per order, as text
     */
    public <O extends StockOrder> List<O> claim(ClaimRows<O> rows, String[] createdAt, PlacementMode strategy,
                                               int attempt, String[]... extraValues) {
        List<Object> params = new java.util.ArrayList<>(List.of(strategy.value(), attempt, rows.idTexts(),
                rows.orderIds(), createdAt));
        params.addAll(List.of(extraValues));
        params.addAll(List.of(rows.lineOrderIdTexts(), rows.lineNumbers(), rows.skus(), rows.quantities()));
        return rows.claimed(jdbc.sql(claim).params(params).query(UUID.class).list());
    }

    /** Deletes orders claimed in this transaction, and their lines. */
    public void unclaim(UUID[] ids) {
        String[] texts = java.util.Arrays.stream(ids).map(UUID::toString).toArray(String[]::new);
        jdbc.sql(unclaim).params(texts, texts).update();
    }

    /** The orders among the rows whose records are stored (their claims committed). */
    public <O extends StockOrder> List<O> stored(ClaimRows<O> rows) {
        return rows.claimed(jdbc.sql(stored).param(rows.idTexts()).query(UUID.class).list());
    }
}
