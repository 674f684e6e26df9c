package com.example.inventory.product;

/** An {@code Idempotency-Key} header that breaks its rule: a 400 {@code validation} naming the header. */
class InvalidIdempotencyKeyException extends RuntimeException {

    private final String reason;

    private InvalidIdempotencyKeyException(String reason) {
        super("Header '" + IdempotencyKey.HEADER + "' " + reason);
        this.reason = reason;
    }

    static InvalidIdempotencyKeyException because(String reason) {
        return new InvalidIdempotencyKeyException(reason);
    }

    String reason() {
        return reason;
    }
}
