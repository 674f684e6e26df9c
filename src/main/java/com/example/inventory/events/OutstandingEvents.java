package com.example.inventory.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the outbox holds: the gauges {@code inventory.events.outstanding} (publications not completed) and
 * {@code inventory.events.oldest.age} (seconds since the oldest of them was recorded; 0 when none), read at most once
 * a second; and the health component {@code events}: {@code UP} when the broker answers, {@code DEGRADED} when it
 * does not (orders are still taken: the readiness group does not include it, and DEGRADED answers 200).
 */
@Component("events")
class OutstandingEvents implements HealthIndicator {

    /** The status of a service that works, without a part that is not needed to take orders. */
    static final Status DEGRADED = new Status("DEGRADED", "The broker does not answer: events are kept, not sent");

    private static final Duration FRESH = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private final EventSettings settings;
    private final ObjectProvider<RabbitTemplate> rabbit;
    private final Clock clock;
    private final AtomicReference<Outstanding> last = new AtomicReference<>();

    OutstandingEvents(JdbcClient jdbc, EventSettings settings, ObjectProvider<RabbitTemplate> rabbit, Clock clock,
                      MeterRegistry registry) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.rabbit = rabbit;
        this.clock = clock;
        Gauge.builder("inventory.events.outstanding", this, events -> events.outstanding().count())
                .description("Event publications recorded and not yet completed (confirmed by the broker)")
                .register(registry);
        Gauge.builder("inventory.events.oldest.age", this, events -> events.outstanding().oldestAgeSeconds())
                .description("Age of the oldest event publication not yet completed (0 when none)")
                .baseUnit("seconds")
                .register(registry);
    }

    /** The outstanding publications, counted at most once a second. */
    Outstanding outstanding() {
        Instant now = clock.instant();
        Outstanding known = last.get();
        if (known != null && known.countedAt().plus(FRESH).isAfter(now)) {
            return known;
        }
        Outstanding counted = jdbc.sql("""
                SELECT count(*) AS outstanding, min(publication_date) AS oldest
                  FROM event_publication WHERE completion_date IS NULL""")
                .query((row, number) -> {
                    OffsetDateTime oldest = row.getObject("oldest", OffsetDateTime.class);
                    return new Outstanding(now, row.getLong("outstanding"),
                            oldest == null ? null : oldest.toInstant());
                }).single();
        last.set(counted);
        return counted;
    }

    @Override
    public Health health() {
        Outstanding outstanding = outstanding();
        Health.Builder health = switch (settings.transport()) {
            case LOG -> Health.up().withDetail("transport", "log");
            case RABBIT -> brokerAnswers() ? Health.up() : Health.status(DEGRADED);
        };
        return health.withDetail("outstanding", outstanding.count())
                .withDetail("oldestAgeSeconds", outstanding.oldestAgeSeconds()).build();
    }

    /** Whether events can be sent now: the broker answers (always, for the log transport). */
    boolean brokerAnswers() {
        if (settings.transport() == EventSettings.Transport.LOG) {
            return true;
        }
        try {
            RabbitTemplate template = rabbit.getObject();
            return Boolean.TRUE.equals(template.execute(channel -> channel.isOpen()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Publications not completed when counted, and when the oldest of them was recorded. */
    record Outstanding(Instant countedAt, long count, @Nullable Instant oldest) {

        double oldestAgeSeconds() {
            return oldest == null ? 0 : Math.max(0, Duration.between(oldest, countedAt).toMillis() / 1000.0);
        }
    }
}
