package com.example.inventory.stock;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

/** How the stock core keeps concurrent orders from overselling: see the README's strategy table. */
public enum PlacementMode {

    /** Lock every product row of the order ({@code SELECT … FOR UPDATE}, in id order), then change it. */
    PESSIMISTIC,
    /** Read without locks; a concurrent change is caught by the version check and the whole transaction retried. */
    OPTIMISTIC,
    /** One conditional {@code UPDATE … WHERE stock - reserved >= quantity} per line. */
    ATOMIC,
    /**
     * Orders queue in the service; whatever has queued while the previous batch committed is placed in one
     * transaction: one lock of all its rows, each order applied in arrival order, one commit.
     */
    BATCHED;

    /**
     * What {@code ?strategy=} accepts, as a JSON Schema (ECMA-262) pattern: a mode's name in any ASCII case, or
     * nothing (the default). A constant, so that the controllers' OpenAPI annotations can name it;
     * {@code PlacementModeTests} proves it accepts exactly what {@link #of} does.
     */
    public static final String QUERY_PATTERN = "^(|[Pp][Ee][Ss][Ss][Ii][Mm][Ii][Ss][Tt][Ii][Cc]"
            + "|[Oo][Pp][Tt][Ii][Mm][Ii][Ss][Tt][Ii][Cc]|[Aa][Tt][Oo][Mm][Ii][Cc]|[Bb][Aa][Tt][Cc][Hh][Ee][Dd])$";

    /** The {@code strategy} query parameter as the OpenAPI document describes it, for every operation that has it. */
    public static final String QUERY_DESCRIPTION = "How the order is placed: `pessimistic`, `optimistic`, `atomic` or "
            + "`batched`, in any ASCII case (no look-alike letters, no spaces). Absent or empty: the configured "
            + "default. Anything else is a 400 `validation` naming `strategy`.";

    /** The name in the API and in configuration: lower case. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value();
    }

    /**
     * The strategy of a name, in any ASCII case ({@code ATOMIC}, {@code Atomic}), exactly as written: no padding,
     * and no letter that only Unicode case folding makes one of these ({@code ı}, {@code ſ}, {@code İ}, which
     * {@link String#equalsIgnoreCase} accepts).
     *
     * @throws IllegalArgumentException naming the known strategies
     */
    public static PlacementMode of(String name) {
        return Arrays.stream(values()).filter(strategy -> isAsciiCaseOf(strategy.value(), name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of " + names()));
    }

    private static boolean isAsciiCaseOf(String lowerCase, String name) {
        if (name.length() != lowerCase.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != lowerCase.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    public static String names() {
        return Arrays.stream(values()).map(PlacementMode::value).collect(Collectors.joining(", "));
    }
}
