package com.example.inventory.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
 */
@ConfigurationProperties("inventory.events")
public record EventSettings(@DefaultValue("rabbit") Transport transport, @DefaultValue("5s") Duration confirmTimeout,
                            @DefaultValue("5s") Duration resubmitEvery, @DefaultValue("100") int resubmitBatch,
                            @DefaultValue("7d") Duration retention, @DefaultValue("1h") Duration purgeEvery) {

    /** Where events go. */
    public enum Transport {
        RABBIT, LOG
    }
}
