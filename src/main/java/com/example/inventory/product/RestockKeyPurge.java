package com.example.inventory.product;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Deletes restock idempotency keys older than {@code inventory.idempotency-keys.retention}, every
 * {@code inventory.idempotency-keys.purge-interval}, on every instance: one {@code DELETE} by age, which instances
 * may run at once (a row two of them delete is deleted once; the other skips it). A key in flight is not committed,
 * so no purge sees it.
 */
@Component
class RestockKeyPurge implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(RestockKeyPurge.class);

    private final RestockKeys keys;
    private final IdempotencyKeySettings settings;
    private final Clock clock;

    RestockKeyPurge(RestockKeys keys, IdempotencyKeySettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::purgeQuietly, settings.purgeInterval());
    }

    /** Deletes the keys first used more than the retention ago; how many. */
    int purge() {
        Instant cutoff = clock.instant().minus(settings.retention());
        int purged = keys.purgeCreatedBefore(cutoff);
        if (purged > 0) {
            log.info("Purged {} restock idempotency key(s) first used before {}", purged, cutoff);
        }
        return purged;
    }

    private void purgeQuietly() {
        try {
            purge();
        } catch (DataAccessException | TransactionException e) {
            // The database is busy or away; the next purge tries again.
            log.warn("Purging restock idempotency keys failed: {}", e.getMessage());
        }
    }
}
