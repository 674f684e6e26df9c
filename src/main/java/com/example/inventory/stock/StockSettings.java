package com.example.inventory.stock;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code inventory.deduction.*}: which strategy places an order when its request names none, and how long to wait
 * for locks and retry conflicts before answering 503 {@code contention}. The prefix is the one operators have
 * configured since the first release; the settings apply to every order the stock core places.
 *
 * @param strategy the default strategy
 * @param lockTimeout the longest wait for any lock: a row lock (of an order, a restock, a cancellation), a
 *        reservation's row, a unique key that a concurrent claim or creation holds
 * @param retry how the optimistic strategy retries a conflicting transaction
 * @param batch how the batched strategy queues and batches orders
 * @param commitCheckTimeout how long, after a write's connection failed, the service keeps trying to find out on a
 *        fresh connection whether the write committed, before it gives up and answers 503 all the same
 */
@Validated
@ConfigurationProperties("inventory.deduction")
public record StockSettings(
        @DefaultValue("batched") @NotNull PlacementMode strategy,
        @DefaultValue("2s") @NotNull Duration lockTimeout,
        @DefaultValue @NotNull @Valid Retry retry,
        @DefaultValue @NotNull @Valid Batch batch,
        @DefaultValue("15s") @NotNull Duration commitCheckTimeout) {

    /** The lock timeout as PostgreSQL's {@code lock_timeout} setting takes it (0 would mean "wait forever"). */
    public String lockTimeoutSetting() {
        return Math.max(1, lockTimeout.toMillis()) + "ms";
    }

    /**
     * Exponential backoff with full jitter: before retry n the delay is a random value in
     * {@code [0, min(maxDelay, initialDelay * multiplier^(n-1))]}.
     *
     * @param maxAttempts attempts in all, the first included
     * @param initialDelay the cap of the first delay
     * @param multiplier growth of the cap per retry
     * @param maxDelay the largest cap
     * @param timeout the longest time spent on one order's attempts and delays
     */
    public record Retry(
            @DefaultValue("10") @Min(1) @Max(1000) int maxAttempts,
            @DefaultValue("5ms") @NotNull Duration initialDelay,
            @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
            @DefaultValue("200ms") @NotNull Duration maxDelay,
            @DefaultValue("3s") @NotNull Duration timeout) {
    }

    /**
     * The batched strategy's queues: one per drainer, each drained by one thread that places everything queued
     * (up to {@code maxSize} orders and {@code maxLines} lines) in one transaction as soon as its previous batch
     * has committed. No timer: a lone order is placed at once, a burst shares one commit.
     *
     * @param drainers queues and their threads; each holds one pool connection while a batch runs, so keep it below
     *        the pool size
     * @param maxSize the most orders in one batch
     * @param maxLines the most order lines in one batch (bounds the rows one batch locks)
     * @param queueCapacity orders one queue holds; an order finding its queue full is refused at once (503)
     */
    public record Batch(
            @DefaultValue("2") @Min(1) @Max(64) int drainers,
            @DefaultValue("500") @Min(1) @Max(10_000) int maxSize,
            @DefaultValue("2000") @Min(100) @Max(20_000) int maxLines,
            @DefaultValue("2000") @Min(1) @Max(1_000_000) int queueCapacity) {
    }
}
