package com.example.inventory.events;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code inventory.events.*} (docs/configuration.md#events).
 *
 * @param transport where events go: {@code rabbit} (the broker of {@code spring.rabbitmq.*}), or {@code log} (no
 *        broker: each event is logged and its publication completed, so that nothing piles up; for a local run)
 * @param confirmTimeout how long a publication waits for the broker's confirm before it counts as failed (and is
 *        resubmitted)
 * @param resubmitEvery how often failed publications are resubmitted (also once at start-up)
 * @param resubmitBatch at most this many failed publications per resubmission round (its claims are one
 *        transaction)
 * @param retention how long completed publications are kept before they are purged
 * @param purgeEvery how often completed publications older than the retention are purged
 * @param publishers the threads that publish events after commit (each uses a pool connection while it marks a
 *        publication); more events queue for them
 */
@ConfigurationProperties("inventory.events")
@Validated
public record EventSettings(@DefaultValue("rabbit") Transport transport, @DefaultValue("5s") Duration confirmTimeout,
                            @DefaultValue("5s") Duration resubmitEvery, @DefaultValue("100") @Min(1) @Max(10_000) int resubmitBatch,
                            @DefaultValue("7d") Duration retention, @DefaultValue("1h") Duration purgeEvery,
                            @DefaultValue("2") @Min(1) @Max(64) int publishers) {

    /** Where events go. */
    public enum Transport {
        RABBIT, LOG
    }
}
