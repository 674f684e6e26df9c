package com.example.inventory.web.input;

import org.jspecify.annotations.Nullable;

/**
 * The one rule for every string a client sends, in a JSON body or a parameter: it must be storable as sent.
 * PostgreSQL refuses a NUL character in text, and UTF-8 cannot encode a lone UTF-16 surrogate (the driver would
 * silently store {@code ?} instead), so either is refused at the edge as a 400, never by the database.
 */
final class TextRule {

    static final String NUL = "must not contain NUL characters";
    static final String UNPAIRED_SURROGATE = "must not contain unpaired UTF-16 surrogates";

    private TextRule() {
    }

    /** Why {@code value} is refused, or {@code null} when it is fine. */
    static @Nullable String violation(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                return NUL;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return UNPAIRED_SURROGATE;
            }
        }
        return null;
    }
}
