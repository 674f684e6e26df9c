package com.example.inventory.deduction;

/** The deduction could not get its rows in time: lock timeout, or optimistic retries used up. */
public class ContentionException extends RuntimeException {

    private final int attempts;

    private ContentionException(String message, int attempts, Throwable cause) {
        super(message, cause);
        this.attempts = attempts;
    }

    public static ContentionException retriesExhausted(int attempts, Throwable lastConflict) {
        return new ContentionException("Gave up after " + attempts + " conflicting attempt(s)", attempts, lastConflict);
    }

    public static ContentionException lockTimeout(Throwable cause) {
        return new ContentionException("Timed out waiting for a row lock", 1, cause);
    }

    public int attempts() {
        return attempts;
    }
}
