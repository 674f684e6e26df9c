package com.example.inventory.common;

/**
 * The contract's limits, in one place: what the request validation, the OpenAPI document, the stock rule and the
 * README are built from.
 *
 * <p>Patterns are anchored ({@code ^…$}) and use only constructs that mean the same in Java and in the ECMA-262
 * dialect of JSON Schema: Bean Validation matches a {@code @Pattern} against the whole value, JSON Schema anywhere
 * in it, and springdoc copies the pattern into the document as it is.
 */
public final class InventoryLimits {

    /** A SKU, and an order id: 1–64 characters, a letter or digit, then also {@code .}, {@code _} and {@code -}. */
    public static final String KEY_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    public static final String KEY_PATTERN_MESSAGE =
            "must be 1-64 characters: a letter or digit, then letters, digits, '.', '_' or '-'";

    /** What Java's {@link Character#isWhitespace(int)} (and so {@link String#strip()}) calls whitespace, spelled out. */
    private static final String WHITESPACE =
            "\\t-\\r\\u001C-\\u0020\\u1680\\u2000-\\u2006\\u2008-\\u200A\\u2028\\u2029\\u205F\\u3000";

    /** A product name has at least one character that is not whitespace (it is stored stripped). */
    public static final String NAME_PATTERN = "^[" + WHITESPACE + "]*[^" + WHITESPACE + "][\\s\\S]*$";

    public static final String NAME_PATTERN_MESSAGE = "must contain a character other than whitespace";

    /** The longest product name, in characters. */
    public static final int MAX_NAME_LENGTH = 200;

    /** The largest stock a product may hold. */
    public static final int MAX_STOCK = 1_000_000_000;

    /** The most lines an order may have. */
    public static final int MAX_LINES = 100;

    /** The most units one line of an order may ask for. */
    public static final int MAX_QUANTITY = 1_000_000;

    /**
     * The largest request body, in bytes (1 MiB): a larger one is answered 413 {@code payload-too-large}, from its
     * {@code Content-Length} before a byte is read, or as soon as a body without one grows past it.
     */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private InventoryLimits() {
    }
}
