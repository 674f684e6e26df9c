package com.example.inventory.reservation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Expires overdue reservations, on every instance: in batches of {@code inventory.reservation.sweep-batch}, until
 * none is left, every {@code inventory.reservation.sweep-interval} (both read from {@link ReservationSettings}).
 */
@Component
class ReservationSweeper implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ReservationSweeper.class);

    private final ReservationService reservations;
    private final ReservationMetrics metrics;
    private final ReservationSettings settings;

    ReservationSweeper(ReservationService reservations, ReservationMetrics metrics, ReservationSettings settings) {
        this.reservations = reservations;
        this.metrics = metrics;
        this.settings = settings;
    }

    /** Sweeps at once, then a sweep interval after each sweep ends. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sweep, settings.sweepInterval());
    }

    void sweep() {
        long started = System.nanoTime();
        try {
            while (reservations.expireOverdue(settings.sweepBatch()) == settings.sweepBatch()) {
                // a full batch: there may be more
            }
            long[] holds = reservations.activeHolds();
            metrics.swept(System.nanoTime() - started, holds[0], holds[1]);
        } catch (DataAccessException | TransactionException e) {
            // The database is busy or away; the next sweep tries again.
            log.warn("Sweeping overdue reservations failed: {}", e.getMessage());
        }
    }
}
