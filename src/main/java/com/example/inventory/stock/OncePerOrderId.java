package com.example.inventory.stock;

import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;

/**
 * The rule every feature that places orders keeps (deductions, reservations): an order id is placed once. A request
 * that repeats it changes nothing; it is answered with the order stored under that id — a replay — when it asks for
 * the same items, in any line order, and refused as an {@link OrderConflictException} when it asks for other items.
 */
@Component
public class OncePerOrderId {

    private final InventoryService inventory;

    OncePerOrderId(InventoryService inventory) {
        this.inventory = inventory;
    }

    /**
     * Places {@code order} through {@code book} ({@link InventoryService#place}), unless its order id was placed
     * before: then the order stored under that id is the answer.
     *
     * @param stored the feature's order stored under an order id (there is one once the id is claimed)
     * @param placedAs how the conflict says the stored order was placed: "deducted", "reserved"
     * @throws OrderConflictException when the order id was placed before with other items
     * @throws ProductNotFoundException for the first line whose SKU is unknown
     * @throws InsufficientStockException for a line that asks for more than is available
     * @throws ContentionException when the rows could not be had in time
     */
    public <O extends StockOrder, S extends StockOrder> Result<S> place(O order, OrderClaims<O> book,
            PlacementMode mode, Function<String, Optional<S>> stored, String placedAs) {
        Placement placement = inventory.place(order, book, mode);
        if (placement.placed()) {
            return new Placed<>(placement);
        }
        S before = stored.apply(order.orderId()).orElseThrow(() -> new IllegalStateException(
                "Order " + order.orderId() + " was claimed but is not stored"));
        return new Replayed<>(replayOf(order, before, placedAs));
    }

    /**
     * The answer to {@code repeat}, whose order id was placed before as {@code stored}: that order, if the two ask
     * for the same items in whatever line order.
     *
     * @throws OrderConflictException when they ask for other items
     */
    public static <S extends StockOrder> S replayOf(StockOrder repeat, S stored, String placedAs) {
        if (!OrderLine.sameItems(stored.lines(), repeat.lines())) {
            throw OrderConflictException.otherItems(repeat.orderId(), placedAs);
        }
        return stored;
    }

    /** What {@link #place} came to. */
    public sealed interface Result<S> {
    }

    /** Placed now: its stock changed and its id is claimed, after {@code placement.attempts()} attempts. */
    public record Placed<S>(Placement placement) implements Result<S> {
    }

    /** Placed before with the same items: {@code stored} is the answer, and nothing changed. */
    public record Replayed<S>(S stored) implements Result<S> {
    }

    /** A feature's answer to a request that places an order: the order, placed now or replayed. */
    public record Answer<V>(V order, boolean replayed) {

        public static <V> Answer<V> placed(V order) {
            return new Answer<>(order, false);
        }

        public static <V> Answer<V> replayed(V order) {
            return new Answer<>(order, true);
        }
    }
}
