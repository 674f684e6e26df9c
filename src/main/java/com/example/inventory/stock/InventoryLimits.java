package com.example.inventory.stock;

/**
 * The contract's limits, in one place: what the request validation, the OpenAPI document and the stock rule are
 * built from.
 */
public final class InventoryLimits {

    /** A SKU, and an order id: 1–64 characters, a letter or digit, then also {@code .}, {@code _} and {@code -}. */
    public static final String KEY_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    public static final String KEY_PATTERN_MESSAGE =
            "must be 1-64 characters: a letter or digit, then letters, digits, '.', '_' or '-'";

    /** The largest stock a product may hold. */
    public static final int MAX_STOCK = 1_000_000_000;

    /** The most lines an order may have. */
    public static final int MAX_LINES = 100;

    /** The most units one line of an order may ask for. */
    public static final int MAX_QUANTITY = 1_000_000;

    private InventoryLimits() {
    }
}
