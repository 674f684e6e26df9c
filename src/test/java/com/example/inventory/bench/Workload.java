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

    /** Makes the next order: the product indexes of its lines, each at most once. */
    @FunctionalInterface
    interface Orders {
        int[] next(RandomGenerator random);
    }

    String sku(int index) {
        return skuPrefix + "-" + index;
    }

    int products() {
        return initialStock.length;
    }

    /** {@code count} distinct indexes out of {@code [0, bound)}; bound is at least count. */
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
