package com.example.inventory.events;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of publications the broker did not take: with the broker down, every event fails, and a line (let alone a
 * stack trace) each would drown the log. The first failure is logged at once, with its reason; after it, at most one
 * line per interval says how many failed since. Each stays outstanding all the same (the gauges count them) and is
 * resubmitted.
 */
final class FailedPublicationLog {

    static final Duration INTERVAL = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(RabbitTransport.class);

    private final LongSupplier nanoTime;
    private final long intervalNanos;
    private final AtomicLong unlogged = new AtomicLong();
    private final AtomicLong nextLineAt;

    FailedPublicationLog(Duration interval, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.intervalNanos = interval.toNanos();
        this.nextLineAt = new AtomicLong(nanoTime.getAsLong());
    }

    FailedPublicationLog() {
        this(INTERVAL, System::nanoTime);
    }

    /** One more publication failed, for {@code reason}; a line is written if one is due. */
    void failed(String reason) {
        long failures = unlogged.incrementAndGet();
        long now = nanoTime.getAsLong();
        long due = nextLineAt.get();
        if (now - due >= 0 && nextLineAt.compareAndSet(due, now + intervalNanos)) {
            failures = unlogged.getAndSet(0);
            log.warn("{} event publication(s) not taken by the broker ({}): kept, and resubmitted until it takes them",
                    failures, reason);
        }
    }
}
