package com.example.inventory.product;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} of a request: 1–255 visible ASCII characters (U+0021..U+007E), given at most once. Keys
 * are the client's own: two clients may use the same key for two requests.
 */
record IdempotencyKey(String value) {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 255;
    /** The rule, as the OpenAPI document states it. */
    static final String PATTERN = "^[\\x21-\\x7E]{1," + MAX_LENGTH + "}$";
    static final String RULE = "1 to " + MAX_LENGTH + " visible ASCII characters (! to ~), given at most once";

    private static final Pattern VALID = Pattern.compile(PATTERN);

    IdempotencyKey {
        if (!VALID.matcher(value).matches()) {
            throw InvalidIdempotencyKeyException.because("must be " + RULE.replace(", given at most once", ""));
        }
    }

    /**
     * The key the request's header lines give: none when there is no {@code Idempotency-Key} line.
     *
     * @throws InvalidIdempotencyKeyException when there are several lines, or the one breaks the rule
     */
    static Optional<IdempotencyKey> of(List<String> headerLines) {
        return switch (headerLines.size()) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(new IdempotencyKey(headerLines.getFirst()));
            default -> throw InvalidIdempotencyKeyException.because("is given more than once");
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
