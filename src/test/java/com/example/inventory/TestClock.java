package com.example.inventory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock of every service instance a test JVM starts: real time plus an offset that tests move forward, so a
 * test of expiry advances time instead of sleeping. It never moves back; every instance sees the same time.
 */
public final class TestClock extends Clock {

    private static final TestClock SHARED = new TestClock();

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    private TestClock() {
    }

    public static TestClock shared() {
        return SHARED;
    }

    /** Moves time forward for every instance. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time never moves back: " + duration);
        }
        offset.accumulateAndGet(duration, Duration::plus);
    }

    /** Moves time forward to {@code instant}, if it is later than now. */
    public void advanceTo(Instant instant) {
        Duration ahead = Duration.between(instant(), instant);
        if (!ahead.isNegative()) {
            advance(ahead);
        }
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock is UTC");
    }
}
