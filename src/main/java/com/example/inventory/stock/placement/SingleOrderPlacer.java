package com.example.inventory.stock.placement;

import com.example.inventory.stock.Allocated;
import com.example.inventory.stock.Claims;
import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.OrderClaims;
import com.example.inventory.stock.Placement;
import com.example.inventory.stock.StockOrder;
import com.example.inventory.stock.fault.CommitVerifier;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A strategy that places each order in a transaction of its own: claim the order's id first (before any product
 * row is locked, so locks are held only for the stock change), then change the stock of its lines — in statements of
 * their own, or (the atomic strategy's one-line orders) as the two parts of one statement.
 */
abstract class SingleOrderPlacer implements Placer {

    private final TransactionTemplate transactions;
    private final CommitVerifier verifier;

    SingleOrderPlacer(PlatformTransactionManager transactionManager, CommitVerifier verifier) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.verifier = verifier;
    }

    /** One transaction, no retry: a strategy that waits for its locks fails for good when the wait is too long. */
    @Override
    public <O extends StockOrder> Placement place(O order, OrderClaims<O> book) {
        return inTransaction(order, book, 1);
    }

    /**
     * One attempt at placing the order, in a new transaction: the claim of its id, then the stock change
     * ({@link #change}), as {@link #attempt} runs them.
     */
    final <O extends StockOrder> Placement inTransaction(O order, OrderClaims<O> book, int attempt) {
        return inTransaction(order, book, attempt, this::change);
    }

    /** {@link #inTransaction(StockOrder, OrderClaims, int)} with another way of changing the stock. */
    final <O extends StockOrder> Placement inTransaction(O order, OrderClaims<O> book, int attempt, Change change) {
        return attempt(order, book, attempt, () -> {
            Claims<O> claims = book.claim(List.of(order), name(), attempt);
            RuntimeException refusal = claims.refusalOf(order);
            if (refusal != null) {
                throw refusal;
            }
            if (claims.claimed().isEmpty()) {
                return Placement.claimedBefore(name());
            }
            return Placement.placed(name(), attempt, change.apply(order, book.movement()));
        });
    }

    /**
     * One attempt at placing the order, in a new transaction, where {@code placing} claims the order's id and changes
     * its stock (and throws to roll both back). When the connection fails while it may have committed, the order's
     * record tells: there, the order was placed; not there, nothing changed (503).
     */
    final <O extends StockOrder> Placement attempt(O order, OrderClaims<O> book, int attempt,
                                                  Supplier<Placement> placing) {
        Placement placement;
        try {
            placement = transactions.execute(status -> placing.get());
        } catch (RuntimeException e) {
            if (!CommitVerifier.mayHaveCommitted(e)) {
                throw e;
            }
            if (verifier.committed(() -> !book.stored(List.of(order)).isEmpty(), e)) {
                // Its allocations were lost with the connection: none here, and the feature reads them from the ledger.
                return Placement.placed(name(), attempt, List.of());
            }
            throw CommitVerifier.nothingChanged(e);
        }
        if (placement == null) {
            throw new IllegalStateException("The transaction template returned no placement");
        }
        return placement;
    }

    /**
     * Applies {@code kind} to every line inside the current transaction, all or nothing, and records one movement
     * per allocated part of a line referencing the order.
     *
     * @return where each line's units came from
     */
    abstract List<List<Allocated>> change(StockOrder order, MovementKind kind);

    /** A way of changing an order's stock inside the placement's transaction. */
    @FunctionalInterface
    interface Change {

        List<List<Allocated>> apply(StockOrder order, MovementKind kind);
    }
}
