package com.example.inventory.stock;

import com.example.inventory.common.InventoryLimits;
import com.example.inventory.stock.placement.LockedStockChange;
import com.example.inventory.stock.placement.Placers;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the features' orders change stock: an order is placed in one of the placement modes, and the units it took
 * or holds are given back, confirmed or released later, always under a row lock or a guarded update, in the same
 * transaction as their ledger entries. Features keep their own records ({@link OrderClaims}) and run their later
 * decisions in {@link TrackedTransactions}; the catalogue's changes go through {@link ProductStock}.
 */
@Service
public class InventoryService {

    private final Placers placers;
    private final LockedStockChange lockedStock;
    private final StockSettings settings;
    private final StockMetrics metrics;

    InventoryService(Placers placers, LockedStockChange lockedStock, StockSettings settings, StockMetrics metrics) {
        this.placers = placers;
        this.lockedStock = lockedStock;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** The mode that places an order whose request names {@code requested}: that one, or the default. */
    public PlacementMode strategyOr(@Nullable PlacementMode requested) {
        return requested != null ? requested : settings.strategy();
    }

    /**
     * Places an order: claims its id in {@code book} and applies the book's movement to the stock of every line, all
     * or nothing, in the mode's own transaction(s). When the id is claimed already, nothing changes and the
     * placement says so; the feature answers from its stored order.
     *
     * @throws ProductNotFoundException for the first line whose SKU is unknown
     * @throws InsufficientStockException for a line that asks for more than is available
     * @throws ContentionException when the rows could not be had in time (lock timeout, retries used up)
     */
    public <O extends StockOrder> Placement place(O order, OrderClaims<O> book, PlacementMode strategy) {
        try {
            return placers.of(strategy).place(order, book);
        } catch (RuntimeException e) {
            if (ContentionException.isLockTimeout(e)) {
                metrics.lockTimeout(strategy);
                throw ContentionException.lockTimeout(e);
            }
            throw e;
        }
    }

    /**
     * Gives the units of {@code lines} back to stock (a cancelled deduction) under the products' row locks, with
     * one {@code CANCEL} movement per line by {@code actor} (who cancelled: the order's client or an operator),
     * inside the caller's transaction.
     *
     * @throws StockLimitExceededException when a product's stock would exceed {@link InventoryLimits#MAX_STOCK}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void giveBack(List<OrderLine> lines, String orderId, String actor) {
        lockedStock.apply(lines, MovementKind.CANCEL, orderId, actor);
    }

    /**
     * Turns the units held for an order into a sale: {@code stock} and {@code reserved} both fall by each line's
     * quantity, one {@code CONFIRM} movement per line (by the order's client), under the products' row locks, inside
     * the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void confirm(StockOrder held) {
        lockedStock.applyAll(List.of(held), MovementKind.CONFIRM, null);
    }

    /**
     * Gives the units held for some orders back to {@code available} ({@code reserved} falls), one {@code RELEASE}
     * movement per line by {@code actor} ({@link com.example.inventory.common.Caller#SYSTEM} for the sweeper; null:
     * each order's own client), inside the caller's transaction. All their products are locked in one query, in id
     * order, so releasing many holds at once cannot deadlock with anything else.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(List<? extends StockOrder> held, @Nullable String actor) {
        if (!held.isEmpty()) {
            lockedStock.applyAll(held, MovementKind.RELEASE, actor);
        }
    }
}
