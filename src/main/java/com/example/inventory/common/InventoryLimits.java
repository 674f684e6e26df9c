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

    /**
     * The code points of the Basic Multilingual Plane that show nothing by themselves, as a character class: every
     * one that is White_Space, a space separator (Zs), a control (Cc) or a format character (Cf), or a
     * Default_Ignorable_Code_Point of Unicode (among them U+00A0, U+200B, U+FEFF, U+180E, the Hangul fillers and the
     * variation selectors). {@code InventoryLimitsTests} holds it to the JDK's own classification.
     */
    private static final String INVISIBLE_BMP = "\\u0000-\\u0020\\u007F-\\u00A0\\u00AD\\u034F\\u0600-\\u0605\\u061C"
            + "\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u115F\\u1160\\u1680\\u17B4\\u17B5\\u180B-\\u180F\\u2000-\\u200F"
            + "\\u2028-\\u202F\\u205F-\\u206F\\u3000\\u3164\\uFE00-\\uFE0F\\uFEFF\\uFFA0\\uFFF0-\\uFFFB";

    /** The same, beyond the Basic Multilingual Plane, in Java's syntax (ECMA-262 without the u flag has none). */
    private static final String INVISIBLE_SUPPLEMENTARY = "\\x{110BD}\\x{110CD}\\x{13430}-\\x{1343F}"
            + "\\x{1BCA0}-\\x{1BCA3}\\x{1D173}-\\x{1D17A}\\x{E0000}-\\x{E0FFF}";

    private static final java.util.regex.Pattern VISIBLE =
            java.util.regex.Pattern.compile("[^" + INVISIBLE_BMP + INVISIBLE_SUPPLEMENTARY + "]");

    /**
     * A product name has at least one visible character ({@link #hasVisibleCharacter}), as far as a pattern can say
     * it in both dialects: exactly, for the Basic Multilingual Plane; any code point beyond it passes the pattern
     * (in ECMA-262 without the u flag, as two code units that are not in the class).
     */
    public static final String NAME_PATTERN = "^[" + INVISIBLE_BMP + "]*[^" + INVISIBLE_BMP + "][\\s\\S]*$";

    public static final String NAME_RULE_MESSAGE = "must contain a visible character, not only whitespace, spaces, "
            + "control or format characters";

    /** The rule of a product name in words, for the schema, where the pattern cannot say all of it. */
    public static final String NAME_RULE = "At least one visible character: a code point that is not "
            + "White_Space, a space separator (Zs), a control (Cc) or format character (Cf), or a "
            + "Default_Ignorable_Code_Point (so not U+00A0, U+200B, U+FEFF, U+180E, U+3164 alone). The pattern says "
            + "it for the Basic Multilingual Plane; beyond it, the service also refuses the format and ignorable "
            + "code points (U+110BD, U+110CD, U+13430-U+1343F, U+1BCA0-U+1BCA3, U+1D173-U+1D17A, U+E0000-U+E0FFF). "
            + "Stored stripped of leading and trailing whitespace.";

    /** The longest name of a product or a location, in characters. */
    public static final int MAX_NAME_LENGTH = 200;

    /** The largest priority of a location (the least preferred); 0 is the most preferred. */
    public static final int MAX_LOCATION_PRIORITY = 1_000;

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

    /** Whether {@code text} has a code point that shows something by itself: see {@link #NAME_PATTERN}. */
    public static boolean hasVisibleCharacter(String text) {
        return VISIBLE.matcher(text).find();
    }
}
