package com.example.inventory.stock.ledger;

import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.MovementView;
import com.example.inventory.stock.model.StockStatements;
import java.sql.Types;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The append-only record of every stock change; the only writer of {@code stock_movement}. Its entries are written
 * in plain JDBC, in the caller's transaction (the JPA transaction manager shares its connection), one statement per
 * change however many entries it has.
 */
@Component
public class Ledger {

    /** The model's conditional change and its entry, one statement: the row lock is held for one round trip. */
    private static final String CHANGE_AND_RECORD = "WITH changed AS (\n" + StockStatements.CHANGE_IF_WITHIN_BOUNDS
            + ")\n" + """
            INSERT INTO stock_movement (product_id, kind, quantity, stock_after, reference, actor, created_at)
            SELECT id, :kind, :quantity, stock, :reference, :actor, clock_timestamp() FROM changed
            """;

    private static final String APPEND = """
            INSERT INTO stock_movement (product_id, kind, quantity, stock_after, reference, actor, created_at)
            SELECT m.product_id, m.kind, m.quantity, m.stock_after, m.reference, m.actor, clock_timestamp()
              FROM unnest(?::bigint[], ?::varchar[], ?::integer[], ?::integer[], ?::varchar[], ?::varchar[])
                       WITH ORDINALITY AS m (product_id, kind, quantity, stock_after, reference, actor, position)
             ORDER BY m.position""";

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
     */
    public void record(List<Movement> entries) {
        if (entries.isEmpty()) {
            return;
        }
        int size = entries.size();
        Long[] productIds = new Long[size];
        String[] kinds = new String[size];
        Integer[] quantities = new Integer[size];
        Integer[] stockAfter = new Integer[size];
        String[] references = new String[size];
        String[] actors = new String[size];
        for (int i = 0; i < size; i++) {
            Movement entry = entries.get(i);
            productIds[i] = entry.productId();
            kinds[i] = entry.kind().name();
            quantities[i] = entry.quantity();
            stockAfter[i] = entry.stockAfter();
            references[i] = entry.reference();
            actors[i] = entry.actor();
        }
        jdbc.sql(APPEND).params(productIds, kinds, quantities, stockAfter, references, actors).update();
    }

    /**
     * Applies one movement to the product with this SKU if the result keeps the stock rule
     * ({@link StockStatements#CHANGE_IF_WITHIN_BOUNDS}), and records it, in one statement. Must run inside a
     * transaction.
     *
     * @return true if the stock changed, false if the change would break the rule or no product has the SKU
     */
    public boolean changeIfWithinBounds(String sku, MovementKind kind, int quantity, @Nullable String reference,
                                        String actor) {
        return jdbc.sql(CHANGE_AND_RECORD)
                .param("sku", sku).param("kind", kind.name()).param("quantity", quantity)
                .param("stockDelta", kind.stockDelta(quantity)).param("reservedDelta", kind.reservedDelta(quantity))
                .param("reference", reference, Types.VARCHAR)
                .param("actor", actor)
                .update() == 1;
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
