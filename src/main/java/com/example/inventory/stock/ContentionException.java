package com.example.inventory.stock;

import org.jspecify.annotations.Nullable;

/** An order could not get its rows in time: lock timeout, or optimistic retries used up. Nothing was changed. */
public class ContentionException extends RuntimeException {

    private final int attempts;
    private final boolean queueFull;

    private ContentionException(String message, int attempts, @Nullable Throwable cause, boolean queueFull) {
        super(message, cause);
        this.attempts = attempts;
        this.queueFull = queueFull;
    }

    private ContentionException(String message, int attempts, @Nullable Throwable cause) {
        this(message, attempts, cause, false);
    }

    public static ContentionException retriesExhausted(int attempts, Throwable lastConflict) {
        return new ContentionException("Gave up after " + attempts + " conflicting attempt(s)", attempts, lastConflict);
    }

    public static ContentionException lockTimeout(Throwable cause) {
        return new ContentionException("Timed out waiting for a row lock", 1, cause);
    }

    public static ContentionException queueFull() {
        return new ContentionException("Too many orders are waiting for this product", 1, null, true);
    }

    public int attempts() {
        return attempts;
    }

    /** Refused by a full queue of the batched strategy, which logs those itself: one line per interval. */
    public boolean isQueueFull() {
        return queueFull;
    }
}
