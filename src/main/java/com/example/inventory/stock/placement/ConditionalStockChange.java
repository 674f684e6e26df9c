package com.example.inventory.stock.placement;

import com.example.inventory.stock.Allocated;
import com.example.inventory.stock.InlineClaim;
import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.OrderLine;
import com.example.inventory.stock.ProductNotFoundException;
import com.example.inventory.stock.StockOrder;
import com.example.inventory.stock.event.StockEvents;
import com.example.inventory.stock.ledger.Ledger;
import com.example.inventory.stock.model.StockRow;
import com.example.inventory.stock.model.StockStatements;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The conditional mechanism: conditional {@code UPDATE}s that apply the movement to a stock row only if the result
 * keeps the stock rule, each with its ledger entry in the same statement. Plain JDBC throughout (no entity is loaded):
 * serves the atomic strategy, and the batched strategy when a batch holds a single one-line order.
 *
 * <ul>
 *   <li>A one-line order is one statement: at its pinned location, or at the preferred location that has all its
 *       units (the allocation rule's choice for a line one location can serve). With {@link #claimAndApply} the same
 *       statement claims the order's id first, its book's part of it ({@link InlineClaim}), and changes the stock
 *       only if it did. When the change changes no row, the rows are read: if the line does not fit them it is
 *       refused as they are; if it fits (it must be split, or units came back meanwhile)
 *       {@link StaleAllocationException}, and the caller places it again, in a new transaction, on locked rows
 *       ({@link #applyOnLockedRows}).</li>
 *   <li>A multi-line order is allocated on its rows as read without locks, then each allocated part is one
 *       conditional update, in (product id, location) order. When one changes no row, the rows changed since the read:
 *       {@link StaleAllocationException}, and the caller places the order again, in a new transaction, on locked rows
 *       ({@link #applyOnLockedRows}).</li>
 * </ul>
 */
@Component
public class ConditionalStockChange {

    private static final Comparator<Part> LOCK_ORDER = Comparator.comparingLong(Part::productId)
            .thenComparing(Part::location);

    private final StockStatements statements;
    private final Ledger ledger;
    private final StockEvents events;

    ConditionalStockChange(StockStatements statements, Ledger ledger, StockEvents events) {
        this.statements = statements;
        this.ledger = ledger;
        this.events = events;
    }

    /**
     * Must run inside a transaction; a line that does not fit throws, and the caller rolls back the lines before it.
     * Only for movements that take available units (placements).
     *
     * @return where each line's units came from
     * @throws ProductNotFoundException for the first line whose SKU is unknown
     * @throws com.example.inventory.stock.InsufficientStockException for a line that does not fit
     * @throws StaleAllocationException when the order must be allocated on its locked rows, in a new transaction: a
     *         one-line order that no one statement could place but that fits, a multi-line order whose rows changed
     *         between its read and its updates
     */
    public List<List<Allocated>> apply(StockOrder order, MovementKind kind) {
        List<OrderLine> lines = order.lines();
        return lines.size() == 1 ? applyOneLine(order, lines.getFirst(), kind) : applyLines(order, kind, false);
    }

    /**
     * Claims a one-line order's id and takes its line's stock in one statement: its book's claim
     * ({@link com.example.inventory.stock.OrderClaims#inlineClaim}), then, only if the id was claimed, the line's
     * conditional update and its ledger entry, as {@link #apply} makes them. Must run inside a transaction, and the
     * transaction must be rolled back when this throws (the claim was made).
     *
     * @return where the line's units came from; empty when the id was claimed before (nothing changed)
     * @throws ProductNotFoundException when the line's SKU is unknown
     * @throws com.example.inventory.stock.InsufficientStockException when the line does not fit
     * @throws StaleAllocationException when no one statement could place it, but it fits: the caller places it again,
     *         in a new transaction, on locked rows
     */
    public Optional<List<List<Allocated>>> claimAndApply(StockOrder order, InlineClaim claim, MovementKind kind) {
        if (order.lines().size() != 1) {
            throw new IllegalArgumentException("Not a one-line order: " + order.orderId());
        }
        OrderLine line = order.lines().getFirst();
        Ledger.Claimed claimed;
        if (line.location() != null) {
            claimed = ledger.claimAndChangeAtLocationIfWithinBounds(claim, line.sku(), line.location(), kind,
                    line.quantity(), order.orderId(), order.clientId());
        } else {
            claimed = ledger.claimAndTakeAtPreferredLocation(claim, line.sku(), kind, line.quantity(),
                    order.orderId(), order.clientId());
        }
        if (!claimed.claimed()) {
            return Optional.empty();
        }
        return Optional.of(taken(order, line, claimed.changed()));
    }

    private List<List<Allocated>> applyOneLine(StockOrder order, OrderLine line, MovementKind kind) {
        Optional<Ledger.Changed> taken;
        if (line.location() != null) {
            taken = ledger.changeAtLocationIfWithinBounds(line.sku(), line.location(), kind, line.quantity(),
                    order.orderId(), order.clientId());
        } else {
            taken = ledger.takeAtPreferredLocation(line.sku(), kind, line.quantity(), order.orderId(),
                    order.clientId());
        }
        return taken(order, line, taken);
    }

    /**
     * After a one-line order's conditional change: its events if it changed the stock; else a refusal, or
     * {@link StaleAllocationException}.
     */
    private List<List<Allocated>> taken(StockOrder order, OrderLine line, Optional<Ledger.Changed> taken) {
        if (taken.isPresent()) {
            events.changedConditionally(List.of(taken.get()));
            return List.of(List.of(new Allocated(taken.get().location(), line.quantity())));
        }
        if (allocate(List.of(line), statements.rowsOf(List.of(line.sku()))) instanceof OrderOnRows.Refused(
                RuntimeException refusal)) {
            throw refusal;
        }
        // Not on locked rows in this transaction: an UPDATE that waited for a row and then found it no longer fitting
        // keeps that row locked to the end of the transaction, and locking the product's rows in order after it could
        // close a circle with another order doing the same.
        throw new StaleAllocationException(order.orderId());
    }

    /**
     * Locks every stock row of the order's products (one query, in (product id, location) order), allocates the order
     * on them, and applies each allocated part as a conditional update (which cannot fail on rows this transaction
     * holds). Must run inside a transaction.
     *
     * @return where each line's units came from
     * @throws ProductNotFoundException for the first line whose SKU is unknown
     * @throws com.example.inventory.stock.InsufficientStockException for a line that does not fit
     */
    public List<List<Allocated>> applyOnLockedRows(StockOrder order, MovementKind kind) {
        return applyLines(order, kind, true);
    }

    private List<List<Allocated>> applyLines(StockOrder order, MovementKind kind, boolean locked) {
        List<OrderLine> lines = order.lines();
        List<String> skus = lines.stream().map(OrderLine::sku).toList();
        List<StockRow> rows = locked ? statements.lockRowsOf(skus) : statements.rowsOf(skus);
        OrderOnRows.Decision decision = allocate(lines, rows);
        if (decision instanceof OrderOnRows.Refused(RuntimeException refusal)) {
            throw refusal;
        }
        List<List<Allocated>> allocations = ((OrderOnRows.Fits) decision).allocations();
        Map<String, Long> productIds = new HashMap<>();
        rows.forEach(row -> productIds.put(row.sku(), row.productId()));
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            for (Allocated take : allocations.get(i)) {
                parts.add(new Part(productIds.get(line.sku()), line.sku(), take.location(), take.quantity()));
            }
        }
        parts.sort(LOCK_ORDER);
        List<Ledger.Changed> changes = new ArrayList<>(parts.size());
        for (Part part : parts) {
            Optional<Ledger.Changed> changed = ledger.changeAtLocationIfWithinBounds(part.sku(), part.location(),
                    kind, part.quantity(), order.orderId(), order.clientId());
            if (changed.isEmpty()) {
                if (locked) {
                    throw new IllegalStateException("A conditional update of a locked row of " + part.sku() + " at "
                            + part.location() + " changed nothing");
                }
                throw new StaleAllocationException(order.orderId());
            }
            changes.add(changed.get());
        }
        events.changedConditionally(changes);
        return allocations;
    }

    private static OrderOnRows.Decision allocate(List<OrderLine> lines, List<StockRow> rows) {
        return OrderOnRows.allocate(lines, rows.stream().map(OrderOnRows.Row::of).toList());
    }

    /** One allocated part of a line: {@code quantity} units of {@code sku} at {@code location}. */
    private record Part(long productId, String sku, String location, int quantity) {
    }
}
