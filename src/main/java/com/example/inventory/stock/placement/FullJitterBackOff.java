package com.example.inventory.stock.placement;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * Exponential backoff with full jitter: before retry n the delay is uniform in
 * {@code [0, min(maxDelay, initialDelay * multiplier^(n-1))]}. Full jitter spreads colliding transactions apart
 * far better than a fixed or ±jitter delay, which keeps them colliding in step. Stops after
 * {@code maxAttempts - 1} retries.
 */
record FullJitterBackOff(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay)
        implements BackOff {

    @Override
    public BackOffExecution start() {
        return new BackOffExecution() {
            private int retries;

            @Override
            public long nextBackOff() {
                if (retries >= maxAttempts - 1) {
                    return STOP;
                }
                double cap = Math.min(maxDelay.toMillis(), initialDelay.toMillis() * Math.pow(multiplier, retries));
                retries++;
                return ThreadLocalRandom.current().nextLong((long) cap + 1);
            }
        };
    }
}
