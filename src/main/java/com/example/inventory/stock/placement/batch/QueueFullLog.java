package com.example.inventory.stock.placement.batch;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of orders refused because their queue was full: a burst refuses thousands a second, and a WARN line each
 * would drown every other line. The first refusal is logged at once; after it, at most one line per interval says
 * how many were refused since the line before. Every refusal is counted in {@code inventory.batch.rejections} all
 * the same.
 */
final class QueueFullLog {

    static final Duration INTERVAL = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(BatchedPlacer.class);

    private final int capacity;
    private final LongSupplier nanoTime;
    private final Duration interval;
    private final long intervalNanos;
    private final AtomicLong unlogged = new AtomicLong();
    /** When the next line may be written, in {@link #nanoTime}. */
    private final AtomicLong nextLineAt;

    QueueFullLog(int capacity, Duration interval, LongSupplier nanoTime) {
        this.capacity = capacity;
        this.nanoTime = nanoTime;
        this.interval = interval;
        this.intervalNanos = interval.toNanos();
        this.nextLineAt = new AtomicLong(nanoTime.getAsLong());
    }

    QueueFullLog(int capacity) {
        this(capacity, INTERVAL, System::nanoTime);
    }

    /** One more order was refused; a line is written if one is due. */
    void refused() {
        unlogged.incrementAndGet();
        writeIfDue();
    }

    /**
     * Writes the refusals not logged yet, if a line is due. The drainers call it as they go, so the count of a burst
     * is written within an interval of it even when no refusal follows.
     */
    void writeIfDue() {
        if (unlogged.get() == 0) {
            return;
        }
        long now = nanoTime.getAsLong();
        long due = nextLineAt.get();
        if (now - due >= 0 && nextLineAt.compareAndSet(due, now + intervalNanos)) {
            write(unlogged.getAndSet(0));
        }
    }

    /** Writes whatever is not logged yet, due or not: when the placer stops. */
    void flush() {
        write(unlogged.getAndSet(0));
    }

    private void write(long refused) {
        if (refused > 0) {
            log.warn("Refused {} order(s) with 503 contention since the last such line: their batch queue was full "
                    + "({} orders). One line per {} s at most; inventory.batch.rejections counts every refusal",
                    refused, capacity, interval.toSeconds());
        }
    }
}
