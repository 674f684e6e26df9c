package com.example.inventory.reservation;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The reservation meters: {@code inventory.reservations} (counter; tag {@code outcome}), the gauges
 * {@code inventory.reservations.active} and {@code inventory.reservations.held} (units held; both refreshed by every
 * sweep), and {@code inventory.reservation.sweep.duration} (timer).
 */
@Component
class ReservationMetrics {

    /** The {@code outcome} tag of {@code inventory.reservations}. */
    enum Outcome {
        RESERVED, REPLAYED, INSUFFICIENT_STOCK, ORDER_CONFLICT, NOT_FOUND, CONTENTION,
        CONFIRMED, RELEASED, EXPIRED, EXTENDED, REFUSED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);
    private final AtomicLong active = new AtomicLong();
    private final AtomicLong held = new AtomicLong();
    private final Timer sweeps;

    ReservationMetrics(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, Counter.builder("inventory.reservations")
                    .description("Reservation requests and decisions by outcome (expired: holds the sweeper ended)")
                    .tag("outcome", outcome.tag())
                    .register(registry));
        }
        Gauge.builder("inventory.reservations.active", active, AtomicLong::get)
                .description("Active reservations, as of the last sweep").register(registry);
        Gauge.builder("inventory.reservations.held", held, AtomicLong::get)
                .description("Units held by active reservations, as of the last sweep").baseUnit("units")
                .register(registry);
        sweeps = Timer.builder("inventory.reservation.sweep.duration")
                .description("Time one sweep for overdue reservations took").register(registry);
    }

    void count(Outcome outcome) {
        outcomes.get(outcome).increment();
    }

    void expired(int count) {
        outcomes.get(Outcome.EXPIRED).increment(count);
    }

    void swept(long nanos, long activeReservations, long heldUnits) {
        sweeps.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        active.set(activeReservations);
        held.set(heldUnits);
    }
}
