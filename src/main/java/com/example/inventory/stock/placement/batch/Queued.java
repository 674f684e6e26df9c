package com.example.inventory.stock.placement.batch;

/** Something waiting in a batched queue for its round: an order to place, or a decision to take. */
sealed interface Queued permits QueuedOrder, QueuedDecision {

    /** The SKU whose queue it joins, so that one product's orders and decisions meet. */
    String routingKey();

    /** What it counts against a batch's bound on lines. */
    int lineCount();

    /** Tells the waiting request that it was not taken, for a reason outside itself. */
    void answerFailed(RuntimeException failure);
}
