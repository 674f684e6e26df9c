package com.example.inventory.stock.placement;

import com.example.inventory.stock.DecisionBook;

/**
 * The batched mode's queues, for decisions: a decision joins the queue of the product it names and is taken with
 * whatever of its book queued beside it, in one transaction, after the orders of the same round.
 */
public interface DecisionQueue {

    /**
     * Queues {@code decision} behind {@code routingSku}'s orders and waits until its batch has ended.
     *
     * @return what the decision came to, once its transaction committed
     * @throws RuntimeException the decision's refusal, or why its batch failed (nothing changed then, or the
     *         database did not come back in time to tell)
     * @throws com.example.inventory.stock.ContentionException when the queue is full
     */
    <D, R> R decide(D decision, String routingSku, DecisionBook<D, R> book);
}
