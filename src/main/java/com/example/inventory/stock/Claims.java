package com.example.inventory.stock;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What an {@link OrderClaims#claim} came to: the orders it claimed, and those the book refused outright by a rule of
 * its own (a client's hold quota), each with the refusal its caller is answered with. Any other order's id was
 * claimed before.
 *
 * @param <O> the book's orders
 */
public record Claims<O>(List<O> claimed, Map<O, RuntimeException> refused) {

    public Claims {
        claimed = List.copyOf(claimed);
        refused = new IdentityHashMap<>(refused);
    }

    /** Every order given was claimed or found claimed before; none was refused. */
    public static <O> Claims<O> of(List<O> claimed) {
        return new Claims<>(claimed, Map.of());
    }

    /** Why the book refused {@code order}, or null if it did not. */
    public @Nullable RuntimeException refusalOf(O order) {
        return refused.get(order);
    }
}
