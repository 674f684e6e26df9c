package com.example.inventory.stock;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;

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

    /** @param cause a failure that {@link #isLockTimeout} recognises */
    public static ContentionException lockTimeout(Throwable cause) {
        return new ContentionException("Timed out waiting for a row lock", 1, cause);
    }

    /**
     * Whether {@code failure} is a lock wait that ran into the lock timeout (SQLSTATE 55P03, as Spring translates
     * it), or, should one ever happen, a deadlock: nothing was changed, and a retry may well succeed.
     */
    public static boolean isLockTimeout(Throwable failure) {
        return failure instanceof PessimisticLockingFailureException || failure instanceof QueryTimeoutException;
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
