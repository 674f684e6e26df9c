package com.example.inventory.reservation;

import com.example.inventory.stock.ClaimRows;
import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.OrderClaims;
import com.example.inventory.stock.PlacementMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reservations as an {@link OrderClaims}: placing an order holds the units of its lines ({@code RESERVE}). The
 * owner of the {@code reservation} and {@code reservation_line} rows a placement writes; plain JDBC, one statement
 * a batch, in the placement's transaction.
 */
@Component
class ReservationBook implements OrderClaims<ReservationOrder> {

    /**
     * Stores the active reservations whose order ids are free, and their lines, in one statement. Ids are claimed in
     * ascending order id order, so that two batches claiming several never wait on each other in a circle.
     */
    private static final String CLAIM = """
            WITH claimed AS (
                INSERT INTO reservation (id, order_id, status, strategy, attempts, created_at, expires_at)
                SELECT o.id, o.order_id, 'ACTIVE', ?, ?, o.created_at, o.expires_at
                  FROM unnest(?::uuid[], ?::varchar[], ?::timestamptz[], ?::timestamptz[])
                           AS o (id, order_id, created_at, expires_at)
                 ORDER BY o.order_id
                ON CONFLICT (order_id) DO NOTHING
                RETURNING id),
            claimed_lines AS (
                INSERT INTO reservation_line (reservation_id, line_no, sku, quantity)
                SELECT line.order_id, line.line_no, line.sku, line.quantity
                  FROM unnest(?::uuid[], ?::integer[], ?::varchar[], ?::integer[])
                           AS line (order_id, line_no, sku, quantity)
                 WHERE line.order_id IN (SELECT id FROM claimed))
            SELECT id FROM claimed""";

    private static final String UNCLAIM = """
            WITH unclaimed_lines AS (DELETE FROM reservation_line WHERE reservation_id = ANY (?::uuid[]))
            DELETE FROM reservation WHERE id = ANY (?::uuid[])""";

    private static final String STORED = "SELECT id FROM reservation WHERE id = ANY (?::uuid[])";

    private final JdbcClient jdbc;

    ReservationBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public MovementKind movement() {
        return MovementKind.RESERVE;
    }

    @Override
    public List<ReservationOrder> claim(List<ReservationOrder> orders, PlacementMode strategy, int attempt) {
        ClaimRows<ReservationOrder> rows = ClaimRows.of(orders, ReservationOrder::id);
        String[] createdAt = ClaimRows.texts(orders.stream().map(ReservationOrder::createdAt)
                .toArray(Instant[]::new));
        String[] expiresAt = ClaimRows.texts(orders.stream().map(ReservationOrder::expiresAt)
                .toArray(Instant[]::new));
        return rows.claimed(jdbc.sql(CLAIM)
                .params(strategy.value(), attempt, rows.idTexts(), rows.orderIds(), createdAt, expiresAt,
                        rows.lineOrderIdTexts(), rows.lineNumbers(), rows.skus(), rows.quantities())
                .query(UUID.class).list());
    }

    @Override
    public void unclaim(List<ReservationOrder> orders) {
        if (!orders.isEmpty()) {
            String[] ids = ClaimRows.of(orders, ReservationOrder::id).idTexts();
            jdbc.sql(UNCLAIM).params(ids, ids).update();
        }
    }

    @Override
    public List<ReservationOrder> stored(List<ReservationOrder> orders) {
        ClaimRows<ReservationOrder> rows = ClaimRows.of(orders, ReservationOrder::id);
        return rows.claimed(jdbc.sql(STORED).param(rows.idTexts()).query(UUID.class).list());
    }
}
