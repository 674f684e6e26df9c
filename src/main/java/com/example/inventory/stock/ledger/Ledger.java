package com.example.inventory.stock.ledger;

import com.example.inventory.stock.InlineClaim;
import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.MovementView;
import com.example.inventory.stock.model.StockStatements;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The append-only record of every stock change; the only writer of {@code stock_movement}. Its entries are written
 * in plain JDBC, in the caller's transaction (the JPA transaction manager shares its connection), one statement per
 * change however many entries it has.
 */
@Component
public class Ledger {

    /**
     * The first key of the products' transaction-scoped advisory locks (PostgreSQL's two-key space; restock keys use
     * the one-key space). A transaction that changed a row of a product kept at several locations without locking
     * the product's other rows takes the product's lock before it writes the change's entry, and keeps it to its end:
     * such changes of one product get their entries, and decide their events, one after the other, in the order of
     * their entries' ids.
     */
    public static final int PRODUCT_LOCKS = 0x5354_4b45;

    /**
     * The model's conditional change and its entry, one statement: the row lock is held for one round trip. When the
     * changed row is not its product's only one, the product's advisory lock ({@link #PRODUCT_LOCKS}) is taken between
     * the change and the entry, so the entry's id is drawn once the lock is had.
     */
    private static String changeAndRecord(String change) {
        return "WITH " + changedAndRecorded(change) + MADE;
    }

    /**
     * {@link #changeAndRecord} after an order's claim ({@link InlineClaim}), one statement: the claim first, as a
     * placement that claims in a statement of its own does (the order's id before any row: no two placements of one id
     * ever wait on each other in a circle), then the change, which happens only if the claim did. Always one row: was
     * the id claimed ({@code claimed}), and the change's columns as {@link #changeAndRecord} returns them, all null
     * when no row changed.
     */
    private static String claimChangeAndRecord(String claim, String change) {
        return "WITH " + claim + ",\n"
                + changedAndRecorded(StockStatements.onlyIf(change,
                        "EXISTS (SELECT 1 FROM " + InlineClaim.CLAIMED + ")"))
                + "SELECT EXISTS (SELECT 1 FROM " + InlineClaim.CLAIMED + ") AS claimed, made.*\n"
                + "  FROM (VALUES (true)) AS always (one) LEFT JOIN (" + MADE + ") AS made ON true";
    }

    private static String changedAndRecorded(String change) {
        return "changed AS (\n" + change + "),\n" + """
                     recorded AS (
                INSERT INTO stock_movement (product_id, location, kind, quantity, stock_after, reference, actor,
                                            created_at)
                SELECT product_id, location, :kind, :quantity, stock, :reference, :actor, clock_timestamp() FROM changed
                 WHERE changed.product_locations = 1
                    OR (SELECT true FROM (SELECT pg_advisory_xact_lock(%d, hashint8(changed.product_id))) locked)
                RETURNING id)
                """.formatted(PRODUCT_LOCKS);
    }

    private static final String MADE = """
            SELECT recorded.id, changed.product_id, changed.location, changed.stock, changed.reserved,
                   changed.product_locations,
                   (SELECT p.low_stock_threshold FROM product p WHERE p.id = changed.product_id) AS threshold
              FROM recorded, changed
            """;

    /** {@link #claimChangeAndRecord}'s text by its claim's and its change's. */
    private static final Map<List<String>, String> CLAIMING = new ConcurrentHashMap<>();

    private static final String CHANGE_PINNED = StockStatements.CHANGE_AT_LOCATION_IF_WITHIN_BOUNDS;

    private static final String CHANGE_PREFERRED = StockStatements.CHANGE_AT_PREFERRED_LOCATION_IF_WITHIN_BOUNDS;

    private static final String CHANGE_PINNED_AND_RECORD = changeAndRecord(CHANGE_PINNED);

    private static final String CHANGE_PREFERRED_AND_RECORD = changeAndRecord(CHANGE_PREFERRED);

    private static final String APPEND = """
            INSERT INTO stock_movement (product_id, location, kind, quantity, stock_after, reference, actor, created_at)
            SELECT m.product_id, m.location, m.kind, m.quantity, m.stock_after, m.reference, m.actor, clock_timestamp()
              FROM unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::integer[], ?::integer[], ?::varchar[], ?::varchar[])
                       WITH ORDINALITY AS m (product_id, location, kind, quantity, stock_after, reference, actor,
                                             position)
             ORDER BY m.position""";

    /**
     * The entries of some kinds that some orders' placements wrote (reference = order id, actor = the order's client):
     * where each order's units went, preferred location first, as allocation takes them (a placement writes them in
     * lock order, which is the locations' code order).
     */
    private static final String PLACED = """
            SELECT m.reference, m.actor, p.sku, m.location, m.quantity
              FROM stock_movement m
              JOIN product p ON p.id = m.product_id
              LEFT JOIN location l ON l.code = m.location
             WHERE m.reference IS NOT NULL
               AND (m.reference, m.actor) IN (SELECT * FROM unnest(?::varchar[], ?::varchar[]))
               AND m.kind = ANY (?::varchar[])
             ORDER BY l.priority, m.location, m.id""";

    private final StockMovementRepository movements;
    private final JdbcClient jdbc;

    Ledger(StockMovementRepository movements, JdbcClient jdbc) {
        this.movements = movements;
        this.jdbc = jdbc;
    }

    /**
     * Appends the movements in one statement, in the order given (identity order is the order of the changes). Must
     * run inside the transaction that changes the stock, while the products' rows are locked, so that the ledger and
     * the stock can never disagree and the entries of a product are in the order of its changes.
     *
     * @return the entries' ids (their ledger positions), in the order given
     */
    public List<Long> record(List<Movement> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        int size = entries.size();
        Long[] productIds = new Long[size];
        String[] locations = new String[size];
        String[] kinds = new String[size];
        Integer[] quantities = new Integer[size];
        Integer[] stockAfter = new Integer[size];
        String[] references = new String[size];
        String[] actors = new String[size];
        for (int i = 0; i < size; i++) {
            Movement entry = entries.get(i);
            productIds[i] = entry.productId();
            locations[i] = entry.location();
            kinds[i] = entry.kind().name();
            quantities[i] = entry.quantity();
            stockAfter[i] = entry.stockAfter();
            references[i] = entry.reference();
            actors[i] = entry.actor();
        }
        // Identities are drawn in insertion order, which is the entries' order: sorted, they are the entries' ids.
        List<Long> ids = new ArrayList<>(jdbc.sql(APPEND + " RETURNING id")
                .params(productIds, locations, kinds, quantities, stockAfter, references, actors)
                .query(Long.class).list());
        ids.sort(null);
        return ids;
    }

    /**
     * Applies one movement to the product's row at {@code location} if the result keeps the stock rule
     * ({@link StockStatements#CHANGE_AT_LOCATION_IF_WITHIN_BOUNDS}), and records it, in one statement. Must run inside
     * a transaction.
     *
     * @return the change, if the stock changed; empty if the change would break the rule, or the product has no row
     *         there
     */
    public Optional<Changed> changeAtLocationIfWithinBounds(String sku, String location, MovementKind kind,
                                                           int quantity, @Nullable String reference, String actor) {
        return change(CHANGE_PINNED_AND_RECORD, sku, kind, quantity, reference, actor).param("location", location)
                .query(changed(sku, kind, quantity, reference, actor)).optional();
    }

    /**
     * Takes {@code quantity} units of a product from its preferred location that has them available
     * ({@link StockStatements#CHANGE_AT_PREFERRED_LOCATION_IF_WITHIN_BOUNDS}), and records it, in one statement. Must
     * run inside a transaction; only for movements that take available units.
     *
     * @return the change (its location: the one taken from); empty when no one location had them (or none kept them
     *         once its lock was had), or no product has the SKU
     */
    public Optional<Changed> takeAtPreferredLocation(String sku, MovementKind kind, int quantity,
                                                     @Nullable String reference, String actor) {
        if (!kind.takesAvailable()) {
            throw new IllegalArgumentException(kind + " does not take available units");
        }
        return change(CHANGE_PREFERRED_AND_RECORD, sku, kind, quantity, reference, actor)
                .query(changed(sku, kind, quantity, reference, actor)).optional();
    }

    /**
     * Claims an order's id ({@code claim}, its book's part of the statement) and then, only if the claim did, does what
     * {@link #changeAtLocationIfWithinBounds} does: one statement. Must run inside a transaction.
     *
     * @return whether the id was claimed (if not, it was claimed before, and nothing changed), and the change if the
     *         stock changed (if the id was claimed but the stock did not change, the claim is still there: the caller
     *         rolls it back with its transaction, or does not commit it alone)
     */
    public Claimed claimAndChangeAtLocationIfWithinBounds(InlineClaim claim, String sku, String location,
                                                          MovementKind kind, int quantity, String reference,
                                                          String actor) {
        return claimAnd(claim, CHANGE_PINNED, sku, kind, quantity, reference, actor, Map.of("location", location));
    }

    /**
     * Claims an order's id ({@code claim}, its book's part of the statement) and then, only if the claim did, does what
     * {@link #takeAtPreferredLocation} does: one statement. Must run inside a transaction; only for movements that
     * take available units.
     *
     * @return as {@link #claimAndChangeAtLocationIfWithinBounds} does
     */
    public Claimed claimAndTakeAtPreferredLocation(InlineClaim claim, String sku, MovementKind kind, int quantity,
                                                   String reference, String actor) {
        if (!kind.takesAvailable()) {
            throw new IllegalArgumentException(kind + " does not take available units");
        }
        return claimAnd(claim, CHANGE_PREFERRED, sku, kind, quantity, reference, actor, Map.of());
    }

    private Claimed claimAnd(InlineClaim claim, String change, String sku, MovementKind kind, int quantity,
                             String reference, String actor, Map<String, Object> more) {
        String sql = CLAIMING.computeIfAbsent(List.of(claim.ctes(), change),
                key -> claimChangeAndRecord(key.get(0), key.get(1)));
        RowMapper<Changed> changed = changed(sku, kind, quantity, reference, actor);
        return change(sql, sku, kind, quantity, reference, actor).params(more).params(claim.parameters())
                .query((row, number) -> new Claimed(row.getBoolean("claimed"),
                        row.getObject("id") == null ? Optional.empty() : Optional.of(changed.mapRow(row, number))))
                .single();
    }

    /**
     * What a claim and a conditional change in one statement came to: whether the order's id was claimed, and the
     * change, if the stock changed (never without the claim).
     */
    public record Claimed(boolean claimed, Optional<Changed> changed) {

        public Claimed {
            if (!claimed && changed.isPresent()) {
                throw new IllegalStateException("A stock change without its claim");
            }
        }
    }

    private static RowMapper<Changed> changed(String sku, MovementKind kind, int quantity, @Nullable String reference,
                                              String actor) {
        return (row, number) -> new Changed(sku, new Movement(row.getLong("product_id"), row.getString("location"),
                kind, quantity, row.getInt("stock"), reference, actor), row.getLong("id"), row.getInt("stock"),
                row.getInt("reserved"), row.getInt("product_locations"), row.getObject("threshold", Integer.class));
    }

    /**
     * A conditional change made with its entry: the entry ({@code movement}) and its id ({@code position}), the
     * changed row's figures after it, how many locations its product is kept at (1: the row is the product's whole
     * stock) and the product's low-stock threshold.
     */
    public record Changed(String sku, Movement movement, long position, int stock, int reserved, int productLocations,
                          @Nullable Integer threshold) {

        public String location() {
            return movement.location();
        }
    }

    private JdbcClient.StatementSpec change(String sql, String sku, MovementKind kind, int quantity,
                                            @Nullable String reference, String actor) {
        return jdbc.sql(sql)
                .param("sku", sku).param("kind", kind.name()).param("quantity", quantity)
                .param("stockDelta", kind.stockDelta(quantity)).param("reservedDelta", kind.reservedDelta(quantity))
                .param("reference", reference, Types.VARCHAR)
                .param("actor", actor);
    }

    /**
     * Where the placements of some orders put their units: for each order (by order id and client), the entries of
     * {@code kinds} its placement wrote, oldest first. The ledger is the record of every order's allocation.
     */
    public Map<OrderKey, List<Placed>> placedBy(Collection<OrderKey> orders, Set<MovementKind> kinds) {
        Map<OrderKey, List<Placed>> placed = new HashMap<>();
        if (orders.isEmpty()) {
            return placed;
        }
        String[] references = orders.stream().map(OrderKey::orderId).toArray(String[]::new);
        String[] actors = orders.stream().map(OrderKey::clientId).toArray(String[]::new);
        String[] kindNames = kinds.stream().map(Enum::name).toArray(String[]::new);
        jdbc.sql(PLACED).params(references, actors, kindNames).query((row, number) -> {
            placed.computeIfAbsent(new OrderKey(row.getString("reference"), row.getString("actor")),
                    key -> new ArrayList<>()).add(new Placed(row.getString("sku"), row.getString("location"),
                    row.getInt("quantity")));
            return null;
        }).list();
        return placed;
    }

    /** An order as the ledger names it: its id (the entries' reference) and its client (their actor). */
    public record OrderKey(String orderId, String clientId) {
    }

    /** {@code quantity} units of {@code sku} placed at {@code location}. */
    public record Placed(String sku, String location, int quantity) {
    }

    /** The movements of one product, newest first. */
    public Page<MovementView> movementsOf(long productId, String sku, int page, int size) {
        return movements.findByProductIdOrderByIdDesc(productId, PageRequest.of(page, size))
                .map(movement -> MovementView.of(movement, sku));
    }

    /**
     * At most {@code size} movements of one product older than the entry {@code before} (ids below it), newest first:
     * a page that costs the same however deep it is, and that counts nothing.
     */
    public List<MovementView> movementsBefore(long productId, String sku, long before, int size) {
        return movements.findByProductIdAndIdLessThanOrderByIdDesc(productId, before, Limit.of(size)).stream()
                .map(movement -> MovementView.of(movement, sku))
                .toList();
    }
}
