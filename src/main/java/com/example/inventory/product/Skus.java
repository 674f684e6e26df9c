package com.example.inventory.product;

/** The contract's alphabet for SKUs (and order ids, which share it). */
public final class Skus {

    /** A SKU: 1–64 characters, letters and digits, then also {@code .}, {@code _} and {@code -}. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    public static final String PATTERN_MESSAGE =
            "must be 1-64 characters: a letter or digit, then letters, digits, '.', '_' or '-'";

    private Skus() {
    }
}
