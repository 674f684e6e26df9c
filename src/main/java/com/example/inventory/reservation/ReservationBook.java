package com.example.inventory.reservation;

import com.example.inventory.stock.ClaimRows;
import com.example.inventory.stock.Claims;
import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.OrderClaims;
import com.example.inventory.stock.OrderLine;
import com.example.inventory.stock.PlacementMode;
import com.example.inventory.stock.StockOrder;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
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
                INSERT INTO reservation (id, client_id, order_id, status, strategy, attempts, created_at, expires_at)
                SELECT o.id, o.client_id, o.order_id, 'ACTIVE', ?, ?, o.created_at, o.expires_at
                  FROM unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::timestamptz[], ?::timestamptz[])
                           AS o (id, client_id, order_id, created_at, expires_at)
                 ORDER BY o.client_id, o.order_id
                ON CONFLICT (client_id, order_id) DO NOTHING
                RETURNING id),
            claimed_lines AS (
                INSERT INTO reservation_line (reservation_id, line_no, sku, quantity, location)
                SELECT line.order_id, line.line_no, line.sku, line.quantity, line.location
                  FROM unnest(?::uuid[], ?::integer[], ?::varchar[], ?::integer[], ?::varchar[])
                           AS line (order_id, line_no, sku, quantity, location)
                 WHERE line.order_id IN (SELECT id FROM claimed))
            SELECT id FROM claimed""";

    private static final String UNCLAIM = """
            WITH unclaimed_lines AS (DELETE FROM reservation_line WHERE reservation_id = ANY (?::uuid[]))
            DELETE FROM reservation WHERE id = ANY (?::uuid[])""";

    private static final String STORED = "SELECT id FROM reservation WHERE id = ANY (?::uuid[])";

    /**
     * Expires up to {@code limit} active reservations whose time is up, oldest expiry first, in one statement, and
     * answers them with their lines. Rows another transaction holds (another instance's sweep, a confirmation, a
     * release) are skipped, not waited for: whoever holds one decides it.
     */
    private static final String EXPIRE_OVERDUE = """
            WITH due AS (
                SELECT id FROM reservation
                 WHERE status = 'ACTIVE' AND expires_at <= ?
                 ORDER BY expires_at
                 LIMIT ?
                   FOR NO KEY UPDATE SKIP LOCKED),
            expired AS (
                UPDATE reservation r SET status = 'EXPIRED', decided_at = ?
                  FROM due WHERE r.id = due.id
                RETURNING r.id, r.order_id, r.client_id, r.created_at, r.expires_at)
            SELECT e.id, e.order_id, e.client_id, e.created_at, e.expires_at, l.sku, l.quantity, l.location
              FROM expired e JOIN reservation_line l ON l.reservation_id = e.id
             ORDER BY e.expires_at, e.id, l.line_no""";

    /**
     * Locks the hold counters of some clients, in client order (every transaction that changes holds takes them so,
     * before any stock row), creating the missing ones; answers what each holds. The upsert locks a row that
     * exists and one it creates alike, in one round trip.
     */
    private static final String LOCK_HOLDS = """
            INSERT INTO client_hold (client_id, held)
            SELECT client_id, 0 FROM unnest(?::varchar[]) AS c (client_id) ORDER BY client_id
            ON CONFLICT (client_id) DO UPDATE SET held = client_hold.held
            RETURNING client_id, held""";

    private static final String ADD_HELD = """
            UPDATE client_hold SET held = client_hold.held + change.units
              FROM unnest(?::varchar[], ?::bigint[]) AS change (client_id, units)
             WHERE client_hold.client_id = change.client_id""";

    /** What a decision needs before it queues: whose reservation it is, its strategy and its first line's SKU. */
    private static final String ROUTE = """
            SELECT r.client_id, r.strategy, l.sku
              FROM reservation r JOIN reservation_line l ON l.reservation_id = r.id AND l.line_no = 0
             WHERE r.id = ?""";

    private final JdbcClient jdbc;
    private final long maxHeldUnitsPerClient;

    ReservationBook(JdbcClient jdbc, ReservationSettings settings) {
        this.jdbc = jdbc;
        this.maxHeldUnitsPerClient = settings.maxHeldUnitsPerClient();
    }

    @Override
    public MovementKind movement() {
        return MovementKind.RESERVE;
    }

    /**
     * Claims the orders' ids, then holds each claimed order within its client's quota, in the order given: one that
     * would lift its client above the quota is refused ({@link HoldQuotaExceededException}) and its claim undone.
     * The clients' counters stay locked until the transaction ends, so racing reservations of one client queue.
     */
    @Override
    public Claims<ReservationOrder> claim(List<ReservationOrder> orders, PlacementMode strategy, int attempt) {
        List<ReservationOrder> claimed = claimIds(orders, strategy, attempt);
        if (claimed.isEmpty()) {
            return Claims.of(claimed);
        }
        Map<String, Long> held = lockHolds(claimed);
        Map<String, Long> added = new TreeMap<>();
        List<ReservationOrder> within = new ArrayList<>(claimed.size());
        Map<ReservationOrder, RuntimeException> refused = new IdentityHashMap<>();
        for (ReservationOrder order : claimed) {
            long units = unitsOf(order);
            long before = held.get(order.clientId());
            if (before + units > maxHeldUnitsPerClient) {
                refused.put(order, new HoldQuotaExceededException(order.orderId(), units, before,
                        maxHeldUnitsPerClient));
            } else {
                held.put(order.clientId(), before + units);
                added.merge(order.clientId(), units, Long::sum);
                within.add(order);
            }
        }
        if (!refused.isEmpty()) {
            deleteClaims(List.copyOf(refused.keySet()));
        }
        addHeld(added);
        return new Claims<>(within, refused);
    }

    private List<ReservationOrder> claimIds(List<ReservationOrder> orders, PlacementMode strategy, int attempt) {
        ClaimRows<ReservationOrder> rows = ClaimRows.of(orders, ReservationOrder::id);
        String[] createdAt = ClaimRows.texts(orders.stream().map(ReservationOrder::createdAt)
                .toArray(Instant[]::new));
        String[] expiresAt = ClaimRows.texts(orders.stream().map(ReservationOrder::expiresAt)
                .toArray(Instant[]::new));
        return rows.claimed(jdbc.sql(CLAIM)
                .params(strategy.value(), attempt, rows.idTexts(), rows.clientIds(), rows.orderIds(), createdAt,
                        expiresAt, rows.lineOrderIdTexts(), rows.lineNumbers(), rows.skus(), rows.quantities(),
                        rows.locations())
                .query(UUID.class).list());
    }

    /**
     * Where a decision on reservation {@code id} goes: its client, the strategy that placed it and its first line's
     * SKU (read without a lock: none of them ever changes), or empty when there is no such reservation.
     */
    Optional<Route> routeOf(UUID id) {
        return jdbc.sql(ROUTE).param(id).query((row, number) -> new Route(row.getString("client_id"),
                PlacementMode.of(row.getString("strategy")), row.getString("sku"))).optional();
    }

    /** Whose reservation it is, the strategy that placed it, and its first line's SKU. */
    record Route(String clientId, PlacementMode strategy, String firstSku) {
    }

    /** Frees the claims of orders whose stock could not be held, and the units their clients' counters took. */
    @Override
    public void unclaim(List<ReservationOrder> orders) {
        if (!orders.isEmpty()) {
            deleteClaims(orders);
            addHeld(freedBy(orders));
        }
    }

    /**
     * Expires the reservations whose time is up at {@code now} (at most {@code limit}, oldest expiry first, skipping
     * those another transaction holds), in one statement, inside the caller's transaction.
     *
     * @return the expired reservations, with their lines
     */
    List<ReservationOrder> expireOverdue(Instant now, int limit) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        List<ExpiredLine> rows = jdbc.sql(EXPIRE_OVERDUE).params(at, limit, at).query((row, number) ->
                new ExpiredLine(new ReservationOrder(row.getObject("id", UUID.class), row.getString("order_id"),
                        row.getString("client_id"), List.of(), row.getObject("created_at", OffsetDateTime.class)
                        .toInstant(), row.getObject("expires_at", OffsetDateTime.class).toInstant()),
                        new OrderLine(row.getString("sku"), row.getInt("quantity"), row.getString("location"))))
                .list();
        Map<UUID, List<ExpiredLine>> byReservation = new LinkedHashMap<>();
        rows.forEach(row -> byReservation.computeIfAbsent(row.reservation().id(), id -> new ArrayList<>()).add(row));
        return byReservation.values().stream().map(lines -> {
            ReservationOrder reservation = lines.getFirst().reservation();
            return new ReservationOrder(reservation.id(), reservation.orderId(), reservation.clientId(),
                    lines.stream().map(ExpiredLine::line).toList(), reservation.createdAt(), reservation.expiresAt());
        }).toList();
    }

    /** One line of an expired reservation, as the expiring statement answers it (the reservation without lines). */
    private record ExpiredLine(ReservationOrder reservation, OrderLine line) {
    }

    /**
     * Takes the units of holds that end (confirmed, released, expired) off their clients' counters, inside the
     * transaction that ends them and before it locks any stock row.
     */
    void unhold(List<? extends StockOrder> ended) {
        if (ended.isEmpty()) {
            return;
        }
        Map<String, Long> freed = freedBy(ended);
        lockHolds(List.copyOf(freed.keySet()));
        addHeld(freed);
    }

    private void deleteClaims(List<ReservationOrder> orders) {
        String[] ids = ClaimRows.of(orders, ReservationOrder::id).idTexts();
        jdbc.sql(UNCLAIM).params(ids, ids).update();
    }

    private Map<String, Long> lockHolds(List<ReservationOrder> orders) {
        return lockHolds(orders.stream().map(ReservationOrder::clientId).distinct().toList());
    }

    private Map<String, Long> lockHolds(Collection<String> clients) {
        String[] ids = new TreeSet<>(clients).toArray(String[]::new);
        Map<String, Long> held = new HashMap<>();
        jdbc.sql(LOCK_HOLDS).param(ids)
                .query((row, number) -> held.put(row.getString("client_id"), row.getLong("held"))).list();
        return held;
    }

    private void addHeld(Map<String, Long> changes) {
        changes.values().removeIf(units -> units == 0);
        if (!changes.isEmpty()) {
            jdbc.sql(ADD_HELD).params(changes.keySet().toArray(String[]::new), changes.values().toArray(Long[]::new))
                    .update();
        }
    }

    /** What ending (or undoing) some holds takes off each client's counter: their units, negated. */
    private static Map<String, Long> freedBy(List<? extends StockOrder> orders) {
        Map<String, Long> freed = new TreeMap<>();
        orders.forEach(order -> freed.merge(order.clientId(), -unitsOf(order), Long::sum));
        return freed;
    }

    private static long unitsOf(StockOrder order) {
        return order.lines().stream().mapToLong(line -> line.quantity()).sum();
    }

    @Override
    public List<ReservationOrder> stored(List<ReservationOrder> orders) {
        ClaimRows<ReservationOrder> rows = ClaimRows.of(orders, ReservationOrder::id);
        return rows.claimed(jdbc.sql(STORED).param(rows.idTexts()).query(UUID.class).list());
    }
}
