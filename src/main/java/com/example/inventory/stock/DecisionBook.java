package com.example.inventory.stock;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where a feature takes its later decisions on orders it placed (a hold's confirmation, release or extension). The
 * batched mode queues a decision beside the orders of the product it names and takes everything of one book that
 * queued together in one transaction; the other modes take each decision in a transaction of its own. Either way the
 * book decides inside the caller's transaction ({@link InventoryService#decide}).
 *
 * @param <D> what is asked (a decision)
 * @param <R> what a decision comes to
 */
public interface DecisionBook<D, R> {

    /**
     * Takes every decision, in the order given, inside the caller's transaction: each one is answered with its result
     * or with the refusal its caller gets ({@link Decided}); a refused decision changed nothing. Two decisions on one
     * record are taken one after the other, so the second sees the first's outcome.
     *
     * @return what each decision came to, by its index in {@code decisions}
     * @throws DecideEachAlone when a decision can only be refused after the batch changed something for it: the
     *         transaction rolls back and each decision is taken again in a transaction of its own
     * @throws RuntimeException when a single decision is refused (the transaction rolls back), or for a failure of
     *         the whole transaction
     */
    List<Decided<R>> decide(List<D> decisions);

    /** What one decision came to: its result, or the refusal its caller is answered with. */
    record Decided<R>(@Nullable R result,
                      @Nullable RuntimeException refusal) {

        public static <R> Decided<R> done(R result) {
            return new Decided<>(result, null);
        }

        public static <R> Decided<R> refused(RuntimeException refusal) {
            return new Decided<>(null, refusal);
        }

        /** The result, or the refusal thrown. */
        public R orThrow() {
            if (refusal != null) {
                throw refusal;
            }
            if (result == null) {
                throw new IllegalStateException("A decision came to nothing");
            }
            return result;
        }
    }

    /**
     * A batch of decisions cannot be taken together (one of them must be refused after the batch changed something
     * for it): the batch's transaction rolls back, and each decision is taken again alone.
     */
    final class DecideEachAlone extends RuntimeException {

        public DecideEachAlone(String why) {
            super(why, null, false, false);
        }
    }
}
