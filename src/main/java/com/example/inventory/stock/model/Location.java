package com.example.inventory.stock.model;

import com.example.inventory.common.InventoryLimits;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * A place stock is kept (a warehouse, a store), named by its {@code code}. Lower {@code priority} is preferred; among
 * equal priorities, the lower code (compared as the database's {@code COLLATE "C"} does: by character). The
 * constructor keeps the rules the table's constraints keep too.
 */
public record Location(String code, String name, int priority) {

    /** The location every call that names none works on; the migration creates it. */
    public static final String DEFAULT = "DEFAULT";

    /** Preferred first: by priority, then by code. */
    public static final Comparator<Location> PREFERRED_FIRST = Comparator.comparingInt(Location::priority)
            .thenComparing(Location::code);

    private static final Pattern CODE = Pattern.compile(InventoryLimits.KEY_PATTERN);

    public Location {
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("A location code " + InventoryLimits.KEY_PATTERN_MESSAGE + ": " + code);
        }
        int length = name.codePointCount(0, name.length());
        if (length < 1 || length > InventoryLimits.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("A location name has 1-" + InventoryLimits.MAX_NAME_LENGTH
                    + " characters, not " + length);
        }
        if (priority < 0 || priority > InventoryLimits.MAX_LOCATION_PRIORITY) {
            throw new IllegalArgumentException("A location priority is 0.." + InventoryLimits.MAX_LOCATION_PRIORITY
                    + ", not " + priority);
        }
    }
}
