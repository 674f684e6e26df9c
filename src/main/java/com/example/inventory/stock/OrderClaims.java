package com.example.inventory.stock;

import java.util.List;
import java.util.Optional;

/**
 * Where a feature keeps its orders (deductions, reservations). A strategy claims an order's id here in the same
 * transaction as it changes the order's stock, so an order is placed exactly once, or not at all.
 *
 * @param <O> the feature's orders
 */
public interface OrderClaims<O extends StockOrder> {

    /** What placing one of these orders does to the stock of each of its lines. */
    MovementKind movement();

    /**
     * Claims the ids of {@code orders} in one statement, storing each claimed order with its lines and with the
     * strategy and attempt number that placed it. An id that another order holds is left alone; a concurrent claim
     * of the same id waits until that transaction ends. Ids are claimed in ascending order (the database's), so two
     * transactions claiming several ids never wait on each other in a circle. A book may refuse an order by a rule
     * of its own (a client's hold quota): it is not claimed, and its refusal is its answer.
     *
     * @return the orders this call claimed (the instances given, in the order given) and those it refused
     */
    Claims<O> claim(List<O> orders, PlacementMode strategy, int attempt);

    /**
     * The claim of one order as {@link #claim} would make it, but as the first part of a statement that also changes
     * the order's stock (the atomic strategy's one-statement placement of a one-line order): the claim and the stock
     * change then cost one round trip. Offered by a book that has no rule of its own to refuse an order by; a book
     * that has one (a client's hold quota) offers none, and its orders are claimed by {@link #claim} first.
     *
     * @return the claim's part of the statement; empty when this book offers none
     */
    default Optional<InlineClaim> inlineClaim(O order, PlacementMode strategy, int attempt) {
        return Optional.empty();
    }

    /**
     * Frees the ids of orders claimed earlier in this transaction whose stock could not be taken, so that a later
     * attempt may claim them. Only a strategy that places several orders in one transaction needs it.
     */
    void unclaim(List<O> orders);

    /**
     * The orders among {@code orders} that are stored under the ids they were claimed with: their claims committed.
     * Asked on a fresh connection after a placement's connection failed, when its commit may have been lost.
     */
    List<O> stored(List<O> orders);
}
