package com.example.inventory.bench;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A kind of order traffic, run once per strategy on products of its own. */
enum Scenario {

    /** One product with ample stock; every order takes one unit of it, for a fixed time. */
    HOT_SKU("hot-sku", true),
    /** One product with a limited stock (the sale), single-unit orders until it is sold out. */
    FLASH_SALE("flash-sale", true),
    /** A catalogue of products; orders of 1 to 3 random distinct lines, for a fixed time. */
    WIDE_CATALOGUE("wide-catalogue", false),
    /**
     * Wide-catalogue's products and orders with stock per location: {@value #LOCATIONS_OF_LOCATIONS} locations
     * (priorities 1 to {@value #LOCATIONS_OF_LOCATIONS}), each product stocked at 2 to {@value #LOCATIONS_OF_LOCATIONS}
     * of them ({@link Workload#rowsOf}), {@value #PINNED_SHARE_OF_LOCATIONS} of the lines pinned to one of their
     * product's locations, the others allocated by the service.
     */
    LOCATIONS("locations", false),
    /** The catalogue again, but 80% of the orders only take from its first 10 products. */
    MIXED("mixed", false),
    /**
     * Checkouts on mixed's products, drawn as in mixed but of 1 or 2 lines: each reserves its lines, then 80% are
     * confirmed, 10% released and 10% left to expire (see {@link Traffic.Checkouts}). Not a deduction scenario.
     */
    CHECKOUT("checkout", false);

    static final int HOT_PRODUCTS_OF_MIXED = 10;
    static final double HOT_SHARE_OF_MIXED = 0.8;
    static final int LINES_OF_CHECKOUT = 2;
    /** Enough that no fixed-time run can sell a product out, whatever the throughput. */
    static final int AMPLE_STOCK = 100_000_000;
    static final int LOCATIONS_OF_LOCATIONS = 5;
    static final double PINNED_SHARE_OF_LOCATIONS = 0.3;
    /**
     * The locations scenario's locations, preferred first: the benchmark creates them with priorities 1 to 5 (DEFAULT,
     * 0, is preferred to all of them, but no product of the scenario has stock there). Fixed codes, as every
     * benchmark database is fresh; a code found there already with its priority is used as it is.
     */
    static final List<String> LOCATION_CODES = IntStream.rangeClosed(1, LOCATIONS_OF_LOCATIONS)
            .mapToObj(priority -> "BENCH-L" + priority).toList();

    private final String id;
    private final boolean oneHotRow;

    Scenario(String id, boolean oneHotRow) {
        this.id = id;
        this.oneHotRow = oneHotRow;
    }

    String id() {
        return id;
    }

    /** Whether every order of the measured phase hits the same single row. */
    boolean oneHotRow() {
        return oneHotRow;
    }

    /**
     * The products this scenario needs (index order) and the orders it sends. SKUs are {@code prefix-<index>}.
     */
    Workload workload(String prefix, Options options) {
        return switch (this) {
            case HOT_SKU -> new Workload(prefix, new int[] {AMPLE_STOCK}, Workload.Orders.one(0),
                    Workload.Orders.one(0), false);
            // Product 0 only soaks up the warm-up, so the sale itself starts with its full stock.
            case FLASH_SALE -> new Workload(prefix, new int[] {AMPLE_STOCK, options.flashSaleStock()},
                    Workload.Orders.one(0), Workload.Orders.one(1), true);
            case WIDE_CATALOGUE -> {
                Workload.Orders orders = Workload.Orders.upToThree(options.catalogueSize(),
                        options.catalogueSize(), 0);
                yield new Workload(prefix, filled(options.catalogueSize()), orders, orders, false);
            }
            // wide-catalogue's products (each at 2 to 5 locations, ample stock at each) and draw, lines pinned or not
            case LOCATIONS -> {
                Workload.Orders orders = Workload.Orders.upToThree(options.catalogueSize(),
                        options.catalogueSize(), 0).pinned(PINNED_SHARE_OF_LOCATIONS);
                yield new Workload(prefix, filled(options.catalogueSize()), orders, orders, false, LOCATION_CODES);
            }
            case MIXED -> {
                int size = options.catalogueSize();
                Workload.Orders orders = Workload.Orders.upToThree(size, Math.min(HOT_PRODUCTS_OF_MIXED, size),
                        HOT_SHARE_OF_MIXED);
                yield new Workload(prefix, filled(size), orders, orders, false);
            }
            // mixed's rows and draw, so that a checkout row reads next to mixed's: what a hold and its decision
            // cost over a deduction of the same lines, under the same contention
            case CHECKOUT -> {
                int size = options.catalogueSize();
                Workload.Orders orders = new Workload.Orders(0, LINES_OF_CHECKOUT,
                        Math.min(HOT_PRODUCTS_OF_MIXED, size), HOT_SHARE_OF_MIXED, size);
                yield new Workload(prefix, filled(size), orders, orders, false);
            }
        };
    }

    /** Whether it sends checkouts ({@link Traffic.Checkouts}) rather than deductions. */
    boolean checkout() {
        return this == CHECKOUT;
    }

    /** The scenarios that send deductions: those the deduction targets are about. */
    static List<Scenario> deductions() {
        return Arrays.stream(values()).filter(scenario -> !scenario.checkout()).toList();
    }

    private static int[] filled(int size) {
        int[] stock = new int[size];
        Arrays.fill(stock, AMPLE_STOCK);
        return stock;
    }

    static Scenario of(String id) {
        return Arrays.stream(values()).filter(scenario -> scenario.id.equalsIgnoreCase(id.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown scenario '" + id + "', known: " + ids()));
    }

    static String ids() {
        return Arrays.stream(values()).map(Scenario::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
