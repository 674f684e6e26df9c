package com.example.inventory.stock.placement;

import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.Allocated;
import com.example.inventory.stock.InlineClaim;
import com.example.inventory.stock.OrderClaims;
import com.example.inventory.stock.Placement;
import com.example.inventory.stock.PlacementMode;
import com.example.inventory.stock.StockOrder;
import com.example.inventory.stock.fault.CommitVerifier;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Conditional {@code UPDATE}s that apply the movement only if the result keeps the stock rule, each with its ledger
 * entry in the same statement ({@link ConditionalStockChange}). A one-line order (the common case) whose book offers
 * its claim as part of a statement ({@link OrderClaims#inlineClaim}: deductions do) is <em>one statement</em>: the
 * claim of its order id ({@code INSERT … ON CONFLICT DO NOTHING RETURNING}), then, only if the id was claimed, the
 * conditional update at its pinned or preferred location and its ledger entry, as data-modifying common table
 * expressions; then the commit. Two round trips: pgjdbc sends the transaction's {@code BEGIN} with the statement. It is
 * not one autocommitted statement because an order's stock events (Spring Modulith's event publication registry, the
 * outbox) are recorded after it, in its transaction, and must commit with the change. An id claimed before changes
 * nothing (the update does not run) and is answered as a replay; a line that does not fit changes no row, and the
 * transaction, its claim with it, is rolled back.
 *
 * <p>Any other order is claimed first, in a statement of its own (reservations: their book has a hold quota rule to
 * refuse an order by, checked with the claim), then changed: a one-line order in one statement; a multi-line order's
 * allocated parts one each, in (product id, location) order, after one read of its rows. The check and the change
 * are one step for PostgreSQL, so a row is locked for the shortest time. What one statement cannot decide (a line
 * that must be split across locations, rows that changed under a multi-line order) is allocated on the locked rows
 * instead, in a second transaction. Best when a line's check fits in one statement, which is the case for every line
 * one location can serve.
 */
@Component
class AtomicPlacer extends SingleOrderPlacer {

    private final ConditionalStockChange conditionalStock;

    AtomicPlacer(ConditionalStockChange conditionalStock, PlatformTransactionManager transactionManager,
                 CommitVerifier verifier) {
        // Plain JDBC from the claim to the commit, but in the service's (JPA) transaction, whose ORM session stays
        // empty: the event publication registry records an order's events in its transaction through that manager,
        // which cannot join a JDBC-only (DataSourceTransactionManager) transaction. Hence a transaction even for the
        // one-statement order, and its commit a round trip of its own.
        super(transactionManager, verifier);
        this.conditionalStock = conditionalStock;
    }

    @Override
    public PlacementMode name() {
        return PlacementMode.ATOMIC;
    }

    /**
     * A one-line order whose book offers its claim as part of a statement ({@link OrderClaims#inlineClaim}): the claim
     * and the conditional update, with its ledger entry, in one statement, then the commit. Any other order: the claim,
     * then the conditional updates. When they cannot place an order that fits (a line to split, rows that changed
     * under it), a second attempt, in a new transaction, claims it and allocates it on its locked rows.
     */
    @Override
    public <O extends StockOrder> Placement place(O order, OrderClaims<O> book) {
        try {
            Optional<InlineClaim> claim = order.lines().size() == 1 ? book.inlineClaim(order, name(), 1)
                    : Optional.empty();
            if (claim.isPresent()) {
                return attempt(order, book, 1, () -> conditionalStock.claimAndApply(order, claim.get(),
                        book.movement()).map(allocations -> Placement.placed(name(), 1, allocations))
                        .orElseGet(() -> Placement.claimedBefore(name())));
            }
            return inTransaction(order, book, 1);
        } catch (StaleAllocationException stale) {
            return inTransaction(order, book, 2, conditionalStock::applyOnLockedRows);
        }
    }

    @Override
    List<List<Allocated>> change(StockOrder order, MovementKind kind) {
        return conditionalStock.apply(order, kind);
    }
}
