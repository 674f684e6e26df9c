package com.example.inventory.deduction;

import com.example.inventory.stock.ClaimRows;
import com.example.inventory.stock.Claims;
import com.example.inventory.stock.InlineClaim;
import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.OrderClaims;
import com.example.inventory.stock.OrderLine;
import com.example.inventory.stock.PlacementMode;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The deductions as an {@link OrderClaims}: placing an order deducts the stock of its lines. The owner of the
 * {@code deduction} and {@code deduction_line} rows a placement writes; plain JDBC, one statement a batch, in the
 * placement's transaction.
 */
@Component
class DeductionBook implements OrderClaims<DeductionOrder> {

    /**
     * Stores the deductions whose order ids are free for their clients, and their lines, in one statement. Ids are
     * claimed in ascending (client, order id) order, so that two batches claiming several never wait on each other
     * in a circle.
     */
    private static final String CLAIM = """
            WITH claimed AS (
                INSERT INTO deduction (id, client_id, order_id, status, strategy, attempts, created_at)
                SELECT o.id, o.client_id, o.order_id, 'COMPLETED', ?, ?, o.created_at
                  FROM unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::timestamptz[])
                           AS o (id, client_id, order_id, created_at)
                 ORDER BY o.client_id, o.order_id
                ON CONFLICT (client_id, order_id) DO NOTHING
                RETURNING id),
            claimed_lines AS (
                INSERT INTO deduction_line (deduction_id, line_no, sku, quantity, location)
                SELECT line.order_id, line.line_no, line.sku, line.quantity, line.location
                  FROM unnest(?::uuid[], ?::integer[], ?::varchar[], ?::integer[], ?::varchar[])
                           AS line (order_id, line_no, sku, quantity, location)
                 WHERE line.order_id IN (SELECT id FROM claimed))
            SELECT id FROM claimed""";

    /**
     * {@link #CLAIM} for one order (its lines a {@code VALUES} list), as the first expressions of a placement's
     * statement ({@link #inlineClaim}): the same rows, the same conflict rule (a concurrent claim of the order id is
     * waited for; a committed one leaves {@code claimed} empty, and nothing is written).
     */
    private static final String INLINE_CLAIM = """
            claimed AS (
                INSERT INTO deduction (id, client_id, order_id, status, strategy, attempts, created_at)
                VALUES (:claimId::uuid, :claimClientId, :claimOrderId, 'COMPLETED', :claimStrategy, :claimAttempt,
                        :claimCreatedAt::timestamptz)
                ON CONFLICT (client_id, order_id) DO NOTHING
                RETURNING id),
            claimed_lines AS (
                INSERT INTO deduction_line (deduction_id, line_no, sku, quantity, location)
                SELECT claimed.id, line.line_no, line.sku, line.quantity, line.location
                  FROM claimed, (VALUES %s) AS line (line_no, sku, quantity, location))""";

    /** {@link #INLINE_CLAIM}'s text by an order's number of lines. */
    private static final Map<Integer, String> INLINE_CLAIMS = new ConcurrentHashMap<>();

    private static final String UNCLAIM = """
            WITH unclaimed_lines AS (DELETE FROM deduction_line WHERE deduction_id = ANY (?::uuid[]))
            DELETE FROM deduction WHERE id = ANY (?::uuid[])""";

    private static final String STORED = "SELECT id FROM deduction WHERE id = ANY (?::uuid[])";

    private final JdbcClient jdbc;

    DeductionBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public MovementKind movement() {
        return MovementKind.DEDUCT;
    }

    @Override
    public Claims<DeductionOrder> claim(List<DeductionOrder> orders, PlacementMode strategy, int attempt) {
        ClaimRows<DeductionOrder> rows = ClaimRows.of(orders, DeductionOrder::id);
        String[] createdAt = ClaimRows.texts(orders.stream().map(DeductionOrder::createdAt).toArray(Instant[]::new));
        return Claims.of(rows.claimed(jdbc.sql(CLAIM)
                .params(strategy.value(), attempt, rows.idTexts(), rows.clientIds(), rows.orderIds(), createdAt,
                        rows.lineOrderIdTexts(), rows.lineNumbers(), rows.skus(), rows.quantities(),
                        rows.locations())
                .query(UUID.class).list()));
    }

    @Override
    public Optional<InlineClaim> inlineClaim(DeductionOrder order, PlacementMode strategy, int attempt) {
        List<OrderLine> lines = order.lines();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("claimId", order.id().toString());
        parameters.put("claimClientId", order.clientId());
        parameters.put("claimOrderId", order.orderId());
        parameters.put("claimStrategy", strategy.value());
        parameters.put("claimAttempt", attempt);
        parameters.put("claimCreatedAt", order.createdAt().toString());
        for (int number = 0; number < lines.size(); number++) {
            OrderLine line = lines.get(number);
            parameters.put("claimSku" + number, line.sku());
            parameters.put("claimQuantity" + number, line.quantity());
            parameters.put("claimLocation" + number, new SqlParameterValue(Types.VARCHAR, line.location()));
        }
        String ctes = INLINE_CLAIMS.computeIfAbsent(lines.size(), count -> {
            StringBuilder values = new StringBuilder();
            for (int number = 0; number < count; number++) {
                values.append(number == 0 ? "" : ", ").append("(").append(number).append(", :claimSku").append(number)
                        .append("::varchar, :claimQuantity").append(number).append("::integer, :claimLocation")
                        .append(number).append("::varchar)");
            }
            return INLINE_CLAIM.formatted(values);
        });
        return Optional.of(new InlineClaim(ctes, parameters));
    }

    @Override
    public void unclaim(List<DeductionOrder> orders) {
        if (!orders.isEmpty()) {
            String[] ids = ClaimRows.of(orders, DeductionOrder::id).idTexts();
            jdbc.sql(UNCLAIM).params(ids, ids).update();
        }
    }

    @Override
    public List<DeductionOrder> stored(List<DeductionOrder> orders) {
        ClaimRows<DeductionOrder> rows = ClaimRows.of(orders, DeductionOrder::id);
        return rows.claimed(jdbc.sql(STORED).param(rows.idTexts()).query(UUID.class).list());
    }
}
