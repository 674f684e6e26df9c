package com.example.inventory.stock.placement.batch;

import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.OrderClaims;
import com.example.inventory.stock.OrderLine;
import com.example.inventory.stock.Placement;
import com.example.inventory.stock.StockOrder;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * An order waiting in a batched strategy's queue, and the request thread waiting for it. Its outcome is decided in
 * the batch's transaction but told to the waiting thread only once that transaction has ended.
 */
final class QueuedOrder<O extends StockOrder> implements Allocation.Request, Queued {

    private final O order;
    private final OrderClaims<O> book;
    private final CompletableFuture<Placement> answer = new CompletableFuture<>();
    private @Nullable Placement placement;
    private @Nullable RuntimeException refusal;

    QueuedOrder(O order, OrderClaims<O> book) {
        this.order = order;
        this.book = book;
    }

    O order() {
        return order;
    }

    OrderClaims<O> book() {
        return book;
    }

    @Override
    public String orderId() {
        return order.orderId();
    }

    @Override
    public String clientId() {
        return order.clientId();
    }

    @Override
    public MovementKind movement() {
        return book.movement();
    }

    @Override
    public List<OrderLine> lines() {
        return order.lines();
    }

    /** Where the batched strategy routes the order: its first line's SKU, so one product's orders meet. */
    @Override
    public String routingKey() {
        return order.lines().getFirst().sku();
    }

    @Override
    public int lineCount() {
        return order.lines().size();
    }

    /** Whether this and {@code other} would place the same order id of the same client in the same book. */
    boolean sameIdAs(QueuedOrder<?> other) {
        return book == other.book && order.orderId().equals(other.order.orderId())
                && order.clientId().equals(other.order.clientId());
    }

    /** Whether the batch refused this order (its book's rule, or its stock). */
    boolean isRefused() {
        return refusal != null;
    }

    /** Whether the batch decided to place this order (its claim is part of the batch's transaction). */
    boolean isPlaced() {
        return placement != null && placement.placed();
    }

    void decide(Placement placement) {
        this.placement = placement;
        this.refusal = null;
    }

    void refuse(RuntimeException refusal) {
        this.placement = null;
        this.refusal = refusal;
    }

    /** Tells the waiting request what its batch decided, once the batch's transaction has committed. */
    void answerDecided() {
        if (refusal != null) {
            answer.completeExceptionally(refusal);
        } else if (placement != null) {
            answer.complete(placement);
        } else {
            answer.completeExceptionally(new IllegalStateException("The batch decided nothing for " + order.orderId()));
        }
    }

    /** Tells the waiting request that its order was not placed, for a reason outside the order itself. */
    @Override
    public void answerFailed(RuntimeException failure) {
        answer.completeExceptionally(failure);
    }

    /** Waits for the answer ({@link Queued#await}). */
    Placement awaitAnswer() {
        return Queued.await(answer);
    }
}
