package com.example.inventory.product;

/**
 * Another request of the same client with the same idempotency key is being processed (its transaction has not
 * ended): a 409 {@code idempotency-key-in-use}. Retrying later gets that request's answer.
 */
class IdempotencyKeyInUseException extends RuntimeException {

    private IdempotencyKeyInUseException(String message) {
        super(message);
    }

    static IdempotencyKeyInUseException of(IdempotencyKey key) {
        return new IdempotencyKeyInUseException("A request with idempotency key '" + key
                + "' is still being processed; retry it later for its answer");
    }
}
