package com.example.inventory.product;

/** The client used an idempotency key before for another request: a 422 {@code idempotency-key-reused}. */
class IdempotencyKeyReusedException extends RuntimeException {

    private IdempotencyKeyReusedException(String message) {
        super(message);
    }

    static IdempotencyKeyReusedException of(IdempotencyKey key) {
        return new IdempotencyKeyReusedException("Idempotency key '" + key + "' was used for another request; "
                + "a new request needs a new key");
    }
}
