package com.example.inventory.web.security;

import java.util.function.Predicate;

/**
 * The characters Spring Security's {@code StrictHttpFirewall} lets through in header names and values and in
 * parameter names — its defaults exactly — tested by a loop over the code points instead of its regular expressions
 * ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, and for header values the same with a tab allowed): those took about 5%
 * of the service's CPU samples under checkout load ({@code bench/profile checkout-batched}), on every request.
 */
final class FirewallCharacters {

    /** Assigned and not a control character: header names, parameter names. */
    static final Predicate<String> NAMES = name -> assignedAndNotControl(name, false);

    /** Assigned and not a control character but the tab: header values. */
    static final Predicate<String> HEADER_VALUES = value -> assignedAndNotControl(value, true);

    private FirewallCharacters() {
    }

    static boolean assignedAndNotControl(String text, boolean tabAllowed) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tabAllowed && codePoint == '\t')) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
