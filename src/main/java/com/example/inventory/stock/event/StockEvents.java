package com.example.inventory.stock.event;

import com.example.inventory.stock.ledger.Ledger;
import com.example.inventory.stock.ledger.Movement;
import com.example.inventory.stock.model.LocationStock;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Decides the stock events of a transaction's changes and records them in it (Spring Modulith's event publication
 * registry writes each one in the same transaction; it is published once that commits). Called by every path that
 * changes stock after its ledger entries are written, with what it knows of the products' rows afterwards:
 *
 * <ul>
 *   <li>every row of each product, held locked (pessimistic, batched, restocks, cancellations, releases): the totals
 *       are the rows' sums;</li>
 *   <li>rows changed without locking the product's other rows (atomic, optimistic): when the changed row is the
 *       product's only one, its figures are the product's; otherwise the transaction took the product's advisory lock
 *       ({@link Ledger#PRODUCT_LOCKS}) after the change and before its entry, and the product's rows are summed again
 *       under it: two such transactions on different rows of one product decide one after the other, the later
 *       seeing the earlier's committed change, in the order of their entries (a locking path needs no such lock: it
 *       waits for any row another transaction changed).</li>
 * </ul>
 *
 * No event, no write: a transaction whose changes cross nothing costs nothing here.
 */
@Component
public class StockEvents {

    private final ApplicationEventPublisher publisher;
    private final JdbcClient jdbc;
    private final Clock clock;

    StockEvents(ApplicationEventPublisher publisher, JdbcClient jdbc, Clock clock) {
        this.publisher = publisher;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * After changes to rows this transaction holds locked, every row of each changed product among them.
     *
     * @param rows the rows after the changes
     * @param movements the ledger entries written, in order
     * @param positions their ids, in the same order
     */
    public void changedLocked(Collection<LocationStock> rows, List<Movement> movements, List<Long> positions) {
        if (movements.isEmpty()) {
            return;
        }
        Map<Long, Totals> totals = totalsOf(rows);
        byProduct(movements, positions).forEach((productId, entries) -> {
            Totals product = totals.get(productId);
            if (product == null) {
                throw new IllegalStateException("No rows of product " + productId + " were given");
            }
            publish(product.changes(entries));
        });
    }

    /**
     * After changes to rows read without locks (every row of each changed product among them) and written under a
     * version check: a product kept at one location is decided on its row; one kept at several is summed again.
     */
    public void changedRead(Collection<LocationStock> rows, List<Movement> movements, List<Long> positions) {
        if (movements.isEmpty()) {
            return;
        }
        Map<Long, Totals> totals = totalsOf(rows);
        Map<Long, Entries> unsettled = new LinkedHashMap<>();
        byProduct(movements, positions).forEach((productId, entries) -> {
            Totals product = totals.get(productId);
            if (product != null && product.rows() == 1) {
                publish(product.changes(entries));
            } else {
                unsettled.put(productId, entries);
            }
        });
        settle(unsettled);
    }

    /** After conditional updates, each with its entry ({@link Ledger.Changed}, in the order made). */
    public void changedConditionally(List<Ledger.Changed> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Map<Long, List<Ledger.Changed>> byProduct = new LinkedHashMap<>();
        changes.forEach(change -> byProduct.computeIfAbsent(change.movement().productId(), id -> new ArrayList<>())
                .add(change));
        Map<Long, Entries> unsettled = new LinkedHashMap<>();
        byProduct.forEach((productId, ofProduct) -> {
            Entries entries = new Entries(new ArrayList<>(), new ArrayList<>());
            ofProduct.forEach(change -> entries.add(change.movement(), change.position()));
            Ledger.Changed last = ofProduct.getLast();
            if (last.productLocations() == 1) {
                publish(new ProductChanges(last.sku(), last.threshold(), last.stock(), last.reserved(),
                        entries.movements(), entries.positions()));
            } else {
                unsettled.put(productId, entries);
            }
        });
        settle(unsettled);
    }

    private void publish(ProductChanges changes) {
        changes.events(now()).forEach(publisher::publishEvent);
    }

    /**
     * Takes the product's advisory lock ({@link Ledger#PRODUCT_LOCKS}) for the rest of the transaction: for a path that
     * changed rows of a product kept at several locations without locking the others, right after them and before it
     * writes their entries.
     */
    public void lockProduct(long productId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?, hashint8(?))").params(Ledger.PRODUCT_LOCKS, productId)
                .query((row, number) -> number).list();
    }

    /**
     * Sums the products' rows as they are now, under their advisory locks (taken before their entries were written):
     * every change decided before is committed.
     */
    private void settle(Map<Long, Entries> unsettled) {
        if (unsettled.isEmpty()) {
            return;
        }
        Long[] ids = unsettled.keySet().toArray(Long[]::new);
        jdbc.sql("""
                SELECT p.id, p.sku, p.low_stock_threshold, sum(s.stock) AS stock, sum(s.reserved) AS reserved
                  FROM product p JOIN location_stock s ON s.sku = p.sku
                 WHERE p.id = ANY (?)
                 GROUP BY p.id""").param(ids).query((row, number) -> {
                    Entries entries = unsettled.get(row.getLong("id"));
                    return new ProductChanges(row.getString("sku"), row.getObject("low_stock_threshold",
                            Integer.class), row.getLong("stock"), row.getLong("reserved"), entries.movements(),
                            entries.positions());
                }).list().forEach(this::publish);
    }

    private Instant now() {
        return clock.instant();
    }

    private static Map<Long, Totals> totalsOf(Collection<LocationStock> rows) {
        Map<Long, Totals> totals = new HashMap<>();
        for (LocationStock row : rows) {
            totals.merge(row.getProductId(), new Totals(row.getSku(), row.getLowStockThreshold(), row.getStock(),
                    row.getReserved(), 1), Totals::plus);
        }
        return totals;
    }

    private static Map<Long, Entries> byProduct(List<Movement> movements, List<Long> positions) {
        if (movements.size() != positions.size()) {
            throw new IllegalArgumentException(movements.size() + " movements, " + positions.size() + " positions");
        }
        Map<Long, Entries> byProduct = new LinkedHashMap<>();
        for (int i = 0; i < movements.size(); i++) {
            Movement movement = movements.get(i);
            byProduct.computeIfAbsent(movement.productId(), id -> new Entries(new ArrayList<>(), new ArrayList<>()))
                    .add(movement, positions.get(i));
        }
        return byProduct;
    }

    /** A product's totals over the rows given, and how many rows they were. */
    private record Totals(String sku, @Nullable Integer threshold, long stock, long reserved, int rows) {

        Totals plus(Totals other) {
            return new Totals(sku, threshold, stock + other.stock, reserved + other.reserved, rows + other.rows);
        }

        ProductChanges changes(Entries entries) {
            return new ProductChanges(sku, threshold, stock, reserved, entries.movements(), entries.positions());
        }
    }

    /** One product's ledger entries in a transaction, with their ids. */
    private record Entries(List<Movement> movements, List<Long> positions) {

        void add(Movement movement, long position) {
            movements.add(movement);
            positions.add(position);
        }
    }
}
