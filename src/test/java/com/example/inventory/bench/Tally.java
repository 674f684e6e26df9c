package com.example.inventory.bench;

import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

/** What one client (or, merged, one phase) saw: latencies, status codes, attempts of the created deductions. */
final class Tally {

    /** The status recorded when no HTTP answer came back at all (connection error, timeout). */
    static final int NO_ANSWER = 0;

    private static final long HIGHEST_TRACKABLE_MICROS = 3_600_000_000L;

    final Histogram latencyMicros = new Histogram(HIGHEST_TRACKABLE_MICROS, 3);
    final Map<Integer, Long> statuses = new TreeMap<>();
    long attemptsOfCreated;
    long lastCreatedAtNanos;

    void record(int status, long micros, int attempts, long completedAtNanos) {
        recordLatency(micros, 1);
        recordStatus(status, 1);
        if (status == 201) {
            attemptsOfCreated += attempts;
            lastCreatedAtNanos = Math.max(lastCreatedAtNanos, completedAtNanos);
        }
    }

    void recordLatency(long micros, long count) {
        latencyMicros.recordValueWithCount(Math.min(Math.max(micros, 1), HIGHEST_TRACKABLE_MICROS), count);
    }

    void recordStatus(int status, long count) {
        if (count > 0) {
            statuses.merge(status, count, Long::sum);
        }
    }

    void add(Tally other) {
        latencyMicros.add(other.latencyMicros);
        other.statuses.forEach((status, count) -> statuses.merge(status, count, Long::sum));
        attemptsOfCreated += other.attemptsOfCreated;
        lastCreatedAtNanos = Math.max(lastCreatedAtNanos, other.lastCreatedAtNanos);
    }

    long count(int status) {
        return statuses.getOrDefault(status, 0L);
    }

    /** Every request sent, answered or not. */
    long requests() {
        return statuses.values().stream().mapToLong(Long::longValue).sum();
    }
}
