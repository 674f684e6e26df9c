package com.example.inventory.bench;

import java.util.random.RandomGenerator;

/**
 * The products of one scenario x strategy run and the orders sent to them. Orders name products by index; every
 * line takes one unit.
 *
 * @param skuPrefix every product's SKU is {@code skuPrefix-<index>}
 * @param initialStock the stock each product is created with
 * @param warmupOrders the orders of the warm-up phase
 * @param measuredOrders the orders of the measured phase
 * @param untilSoldOut whether the measured phase ends when the stock runs out rather than after a fixed time
 */
record Workload(String skuPrefix, int[] initialStock, Orders warmupOrders, Orders measuredOrders,
                boolean untilSoldOut) {

    /**
     * How the next order is made, as data rather than code because bench/load.lua makes the same orders inside wrk:
     * 1 to {@code maxLines} distinct products, drawn out of the first {@code hot} with probability {@code hotShare},
     * else out of all {@code products}; {@code first} is added to every index drawn.
     */
    record Orders(int first, int maxLines, int hot, double hotShare, int products) {

        /** Every order is one line on this product. */
        static Orders one(int product) {
            return new Orders(product, 1, 1, 0, 1);
        }

        /** 1 to 3 lines out of {@code products}, out of the first {@code hot} with probability {@code hotShare}. */
        static Orders upToThree(int products, int hot, double hotShare) {
            return new Orders(0, 3, hot, hotShare, products);
        }

        /** The product indexes of the next order's lines, each at most once. */
        int[] next(RandomGenerator random) {
            int count = 1 + random.nextInt(maxLines);
            int[] lines = distinct(random, count, random.nextDouble() < hotShare ? hot : products);
            for (int i = 0; i < lines.length; i++) {
                lines[i] += first;
            }
            return lines;
        }
    }

    String sku(int index) {
        return skuPrefix + "-" + index;
    }

    int products() {
        return initialStock.length;
    }

    /** {@code count} distinct indexes out of {@code [0, bound)}, at most {@code bound} of them. */
    static int[] distinct(RandomGenerator random, int count, int bound) {
        int[] picked = new int[Math.min(count, bound)];
        for (int i = 0; i < picked.length; i++) {
            int candidate;
            do {
                candidate = random.nextInt(bound);
            } while (contains(picked, i, candidate));
            picked[i] = candidate;
        }
        return picked;
    }

    private static boolean contains(int[] values, int length, int value) {
        for (int i = 0; i < length; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }
}
