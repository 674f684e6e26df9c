package com.example.inventory.bench;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The products of one scenario x strategy run and the orders sent to them. Orders name products by index; every
 * line takes one unit.
 *
 * @param skuPrefix every product's SKU is {@code skuPrefix-<index>}
 * @param initialStock the stock of each of a product's stock rows: its one row (at {@code DEFAULT}) when there are
 *                     no {@code locations}, else each of its rows at its {@linkplain #rowsOf locations}
 * @param warmupOrders the orders of the warm-up phase
 * @param measuredOrders the orders of the measured phase
 * @param untilSoldOut whether the measured phase ends when the stock runs out rather than after a fixed time
 * @param locations the codes of the locations the products are stocked at, preferred first (none: every product
 *                  at {@code DEFAULT} only, created as a v1.1 client would); bench/load.lua gets them in this order
 */
record Workload(String skuPrefix, int[] initialStock, Orders warmupOrders, Orders measuredOrders,
                boolean untilSoldOut, List<String> locations) {

    Workload {
        locations = List.copyOf(locations);
        if (locations.size() == 1) {
            throw new IllegalArgumentException("stocked at named locations: at least 2 of them");
        }
    }

    /** Every product at {@code DEFAULT} only. */
    Workload(String skuPrefix, int[] initialStock, Orders warmupOrders, Orders measuredOrders,
             boolean untilSoldOut) {
        this(skuPrefix, initialStock, warmupOrders, measuredOrders, untilSoldOut, List.of());
    }

    /**
     * How the next order is made, as data rather than code because bench/load.lua makes the same orders inside wrk:
     * 1 to {@code maxLines} distinct products, drawn out of the first {@code hot} with probability {@code hotShare},
     * else out of all {@code products}; {@code first} is added to every index drawn. Each line is pinned with
     * probability {@code pinnedShare} to one of its product's locations, drawn evenly ({@link #pin}); the others
     * name no location.
     */
    record Orders(int first, int maxLines, int hot, double hotShare, int products, double pinnedShare) {

        Orders(int first, int maxLines, int hot, double hotShare, int products) {
            this(first, maxLines, hot, hotShare, products, 0);
        }

        /** Every order is one line on this product. */
        static Orders one(int product) {
            return new Orders(product, 1, 1, 0, 1);
        }

        /** 1 to 3 lines out of {@code products}, out of the first {@code hot} with probability {@code hotShare}. */
        static Orders upToThree(int products, int hot, double hotShare) {
            return new Orders(0, 3, hot, hotShare, products);
        }

        /** These orders, each line pinned to one of its product's locations with probability {@code share}. */
        Orders pinned(double share) {
            return new Orders(first, maxLines, hot, hotShare, products, share);
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

    /**
     * The locations (indexes into {@link #locations}) product {@code product} is stocked at, as bench/load.lua
     * computes them: with n locations, {@code 2 + product mod (n − 1)} of them, consecutive from
     * {@code (product div (n − 1)) mod n} and wrapping round, so that every n·(n − 1) products in a row cover every
     * count from 2 to n with every first location once. Its preferred location is the lowest index among them.
     * Empty when the products are at {@code DEFAULT} only.
     */
    int[] rowsOf(int product) {
        int n = locations.size();
        if (n == 0) {
            return new int[0];
        }
        int[] rows = new int[2 + product % (n - 1)];
        int first = product / (n - 1) % n;
        for (int k = 0; k < rows.length; k++) {
            rows[k] = (first + k) % n;
        }
        return rows;
    }

    /** The product's stock over all its rows, as created. */
    long initialTotal(int product) {
        return (long) initialStock[product] * rowCount(product);
    }

    /** How many stock rows the product is created with: 1 ({@code DEFAULT}), or one per location it is at. */
    int rowCount(int product) {
        return Math.max(1, rowsOf(product).length);
    }

    /**
     * The location a line on {@code product} is pinned to, drawn as bench/load.lua draws it: with probability
     * {@code pinnedShare} one of the product's locations, evenly; else (and always without locations) none.
     */
    String pin(RandomGenerator random, double pinnedShare, int product) {
        if (pinnedShare <= 0 || locations.isEmpty() || random.nextDouble() >= pinnedShare) {
            return null;
        }
        int[] rows = rowsOf(product);
        return locations.get(rows[random.nextInt(rows.length)]);
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
