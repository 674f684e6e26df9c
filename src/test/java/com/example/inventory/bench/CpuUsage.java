package com.example.inventory.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Where the machine's CPU went during a measured phase: the service JVM, the load generator, and everything else
 * — on a dedicated machine that is PostgreSQL (and this JVM, idle while wrk loads). Shares are of all cores
 * together, from /proc (Linux only; unknown elsewhere).
 */
final class CpuUsage {

    private CpuUsage() {
    }

    record Snapshot(long wallNanos, long serviceCpuNanos, long machineTicks, long machineIdleTicks) {
    }

    /** Shares of the machine's total CPU time over a stretch, each 0..1. */
    record Split(double service, double loadGenerator, double other, double idle) {

        static final Split UNKNOWN = new Split(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    static Snapshot take(long servicePid) {
        return take(List.of(servicePid));
    }

    /** As {@link #take(long)}, the service's CPU summed over several processes: the instances of one service. */
    static Snapshot take(List<Long> servicePids) {
        long[] machine = machineTicks();
        long service = 0;
        for (long pid : servicePids) {
            service += cpuNanos(ProcessHandle.of(pid).orElse(null));
        }
        return new Snapshot(System.nanoTime(), service, machine[0], machine[1]);
    }

    /** The service's CPU time between the snapshots. */
    static long serviceNanos(Snapshot before, Snapshot after) {
        return after.serviceCpuNanos() - before.serviceCpuNanos();
    }

    /** @param clientCpuNanos what the load generator reported it spent between the snapshots */
    static Split between(Snapshot before, Snapshot after, long clientCpuNanos) {
        long ticks = after.machineTicks() - before.machineTicks();
        long wall = after.wallNanos() - before.wallNanos();
        if (ticks <= 0 || wall <= 0) {
            return Split.UNKNOWN;
        }
        double capacity = (double) wall * Runtime.getRuntime().availableProcessors();
        double service = serviceNanos(before, after) / capacity;
        double loadGenerator = clientCpuNanos / capacity;
        double idle = (double) (after.machineIdleTicks() - before.machineIdleTicks()) / ticks;
        return new Split(service, loadGenerator, Math.max(0, 1 - idle - service - loadGenerator), idle);
    }

    private static long cpuNanos(ProcessHandle process) {
        return process == null ? 0 : process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** {total, idle + iowait} jiffies of all cores, from the first line of /proc/stat. */
    private static long[] machineTicks() {
        try {
            long[] fields = Arrays.stream(Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+"))
                    .skip(1).mapToLong(Long::parseLong).toArray();
            // user nice system idle iowait irq softirq steal; guest time is already inside user and nice
            long total = Arrays.stream(fields).limit(8).sum();
            return new long[] {total, fields[3] + fields[4]};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
