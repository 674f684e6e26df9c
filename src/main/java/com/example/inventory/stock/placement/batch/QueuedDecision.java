package com.example.inventory.stock.placement.batch;

import com.example.inventory.stock.DecisionBook;
import com.example.inventory.stock.DecisionBook.Decided;
import java.util.concurrent.CompletableFuture;

/**
 * A decision waiting in a batched queue, and the request thread waiting for it; answered once its batch's
 * transaction has ended.
 */
final class QueuedDecision<D, R> implements Queued {

    private final D decision;
    private final String routingKey;
    private final DecisionBook<D, R> book;
    private final CompletableFuture<R> answer = new CompletableFuture<>();

    QueuedDecision(D decision, String routingKey, DecisionBook<D, R> book) {
        this.decision = decision;
        this.routingKey = routingKey;
        this.book = book;
    }

    D decision() {
        return decision;
    }

    DecisionBook<D, R> book() {
        return book;
    }

    @Override
    public String routingKey() {
        return routingKey;
    }

    /** A decision moves the units of rows its order holds: it weighs as one line in a batch. */
    @Override
    public int lineCount() {
        return 1;
    }

    /** Tells the waiting request what its decision came to, once the batch's transaction has committed. */
    void answer(Decided<R> decided) {
        if (decided.refusal() != null) {
            answer.completeExceptionally(decided.refusal());
        } else if (decided.result() != null) {
            answer.complete(decided.result());
        } else {
            answer.completeExceptionally(new IllegalStateException("The batch decided nothing for " + decision));
        }
    }

    @Override
    public void answerFailed(RuntimeException failure) {
        answer.completeExceptionally(failure);
    }

    /** Waits for the answer ({@link Queued#await}). */
    R awaitAnswer() {
        return Queued.await(answer);
    }
}
