package com.example.inventory.stock.placement.batch;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Something waiting in a batched queue for its round: an order to place, or a decision to take. */
sealed interface Queued permits QueuedOrder, QueuedDecision {

    /** The SKU whose queue it joins, so that one product's orders and decisions meet. */
    String routingKey();

    /** What it counts against a batch's bound on lines. */
    int lineCount();

    /** Tells the waiting request that it was not taken, for a reason outside itself. */
    void answerFailed(RuntimeException failure);

    /**
     * Waits for {@code answer}, however long the batch takes: it may be committed by then, so giving up early would
     * tell the client something untrue. A refusal or failure is thrown as it was given.
     */
    static <T> T await(CompletableFuture<T> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }
}
