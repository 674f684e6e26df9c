package com.example.inventory.stock.placement;

import com.example.inventory.stock.Allocated;
import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.ProductNotFoundException;
import com.example.inventory.stock.StockLimitExceededException;
import com.example.inventory.stock.StockOrder;
import com.example.inventory.stock.event.StockEvents;
import com.example.inventory.stock.ledger.Ledger;
import com.example.inventory.stock.ledger.Movement;
import com.example.inventory.stock.model.LocationStock;
import com.example.inventory.stock.model.LocationStockRepository;
import com.example.inventory.stock.model.StockLevels;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The locked mechanism: locks every stock row of some SKUs in one query, in (product id, location) order (waiting at
 * most the lock timeout, as every lock wait does), applies the movements on the entities, writes them, then records
 * the movements. Serves the pessimistic mode (which allocates on the locked rows), the atomic mode's allocations that
 * one conditional update cannot make, restocks, cancellations, and the end of reservations (which move the units of
 * given rows).
 */
@Component
public class LockedStockChange {

    private final LocationStockRepository rows;
    private final Ledger ledger;
    private final StockEvents events;
    private final Clock clock;

    LockedStockChange(LocationStockRepository rows, Ledger ledger, StockEvents events, Clock clock) {
        this.rows = rows;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Places an order on its locked rows: allocates its lines ({@link OrderOnRows}) and takes their units. Must run
     * inside a transaction.
     *
     * @return where each line's units came from
     * @throws ProductNotFoundException for the first line whose SKU is unknown
     * @throws com.example.inventory.stock.InsufficientStockException for the first line that does not fit
     */
    public List<List<Allocated>> place(StockOrder order, MovementKind kind) {
        List<LocationStock> locked = lock(order.lines().stream().map(line -> line.sku()).toList());
        OrderOnRows.Applied applied = OrderOnRows.apply(order.orderId(), order.clientId(), order.lines(), kind, locked,
                clock.instant());
        rows.flush();
        events.changedLocked(locked, applied.movements(), ledger.record(applied.movements()));
        return applied.allocations();
    }

    /**
     * Applies {@code kind} to given rows: each change's units to or from the locations it names, each movement
     * referencing the change's order (or none) on behalf of its actor. All rows of their SKUs are locked in one
     * query, in order, before any is changed. Must run inside a transaction.
     *
     * @return the locked rows, changed, in lock order
     * @throws ProductNotFoundException for the first target whose SKU has no rows
     * @throws StockLimitExceededException when a product's stock, summed over its locations, would exceed
     *         {@link StockLevels#MAX_STOCK}
     * @throws IllegalStateException when a target names a location where its product has no row
     */
    public List<LocationStock> apply(List<Change> changes, MovementKind kind) {
        return applyEach(changes.stream().map(change -> new Move(change, kind)).toList());
    }

    /**
     * {@link #apply(List, MovementKind)} with a movement of its own for each change (holds ending as sales and as
     * releases together), every row of their SKUs still locked in one query, in order.
     *
     * @return the locked rows, changed, in lock order
     */
    public List<LocationStock> applyEach(List<Move> moves) {
        TreeSet<String> skus = new TreeSet<>();
        moves.forEach(move -> move.change().targets().forEach(target -> skus.add(target.sku())));
        List<LocationStock> locked = lock(skus);
        Map<String, Map<String, LocationStock>> bySku = new HashMap<>();
        Map<String, Long> totals = new HashMap<>();
        for (LocationStock row : locked) {
            bySku.computeIfAbsent(row.getSku(), sku -> new HashMap<>()).put(row.getLocation(), row);
            totals.merge(row.getSku(), (long) row.getStock(), Long::sum);
        }
        List<Movement> movements = new ArrayList<>();
        Instant now = clock.instant();
        for (Move move : moves) {
            Change change = move.change();
            MovementKind kind = move.kind();
            for (Target target : change.targets()) {
                Map<String, LocationStock> rowsOfSku = bySku.get(target.sku());
                if (rowsOfSku == null) {
                    throw ProductNotFoundException.of(target.sku());
                }
                LocationStock row = rowsOfSku.get(target.location());
                if (row == null) {
                    throw new IllegalStateException("No stock row of " + target.sku() + " at " + target.location());
                }
                long total = totals.get(target.sku());
                long raised = total + kind.stockDelta(target.quantity());
                if (raised > StockLevels.MAX_STOCK && kind.stockDelta(target.quantity()) > 0) {
                    throw StockLimitExceededException.of(target.sku(), Math.toIntExact(total), target.quantity());
                }
                totals.put(target.sku(), raised);
                row.apply(kind, target.quantity(), now);
                movements.add(Movement.of(row, kind, target.quantity(), change.reference(), change.actor()));
            }
        }
        rows.flush();
        events.changedLocked(locked, movements, ledger.record(movements));
        return locked;
    }

    private List<LocationStock> lock(java.util.Collection<String> skus) {
        TreeSet<String> distinct = new TreeSet<>(skus);
        return distinct.size() == 1 ? rows.lockBySku(distinct.first()) : rows.lockBySkusInOrder(distinct);
    }

    /** {@code quantity} units of {@code sku} at {@code location}. */
    public record Target(String sku, String location, int quantity) {
    }

    /** The units one change moves, for one order ({@code reference}) or none, on behalf of {@code actor}. */
    public record Change(List<Target> targets, @Nullable String reference, String actor) {
    }

    /** A change and the movement it makes. */
    public record Move(Change change, MovementKind kind) {
    }
}
