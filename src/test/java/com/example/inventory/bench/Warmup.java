package com.example.inventory.bench;

import java.util.List;

/**
 * The warm-up before a measured phase: short slices of the same load until two in a row agree within
 * {@value #STEADY_SPREAD} (relative) both on requests per second and on the service's CPU per request, or the cap is
 * reached. A cold code path runs interpreted and several times slower; a measured phase that starts before the JIT
 * is done measures the JIT, in its throughput and, while the compiler threads still work, in its CPU per request.
 *
 * @param slices the slices, in order
 * @param serviceCpuMillis the service's CPU per request of each slice, in ms
 * @param seconds wall time of all slices, client start-up included
 * @param steady whether the last two slices agreed
 */
record Warmup(List<Phase> slices, List<Double> serviceCpuMillis, double seconds, boolean steady) {

    static final double STEADY_SPREAD = 0.10;

    static final Warmup NONE = new Warmup(List.of(), List.of(), 0, false);

    /** Whether the last two slices agree on requests per second and on the service's CPU per request. */
    static boolean steady(List<Phase> slices, List<Double> serviceCpuMillis) {
        int n = slices.size();
        return n >= 2 && agree(slices.get(n - 2).requestsPerSecond(), slices.get(n - 1).requestsPerSecond())
                && agree(serviceCpuMillis.get(n - 2), serviceCpuMillis.get(n - 1));
    }

    private static boolean agree(double a, double b) {
        return Math.max(a, b) > 0 && Math.abs(a - b) / Math.max(a, b) < STEADY_SPREAD;
    }

    long created() {
        return slices.stream().mapToLong(Phase::created).sum();
    }

    /** The checkouts of all slices (empty when they were not checkouts). */
    CheckoutTally checkouts() {
        CheckoutTally all = new CheckoutTally();
        slices.stream().filter(slice -> slice.checkouts() != null).forEach(slice -> all.add(slice.checkouts()));
        return all;
    }

    /** Units the slices' 201s took (for checkouts: their confirmations), per product. */
    long[] units(int products) {
        long[] units = new long[products];
        for (Phase slice : slices) {
            for (int i = 0; i < slice.units().length; i++) {
                units[i] += slice.units()[i];
            }
        }
        return units;
    }

    /** Requests per second of each slice, e.g. {@code 812|1210|1302}: how the service warmed up. */
    String rates() {
        return slices.stream().map(slice -> String.format(java.util.Locale.ROOT, "%.0f", slice.requestsPerSecond()))
                .collect(java.util.stream.Collectors.joining("|"));
    }

    /** The service's CPU ms per request of each slice, e.g. {@code 1.92|0.88|0.85}. */
    String cpuPerRequest() {
        return serviceCpuMillis.stream().map(ms -> String.format(java.util.Locale.ROOT, "%.2f", ms))
                .collect(java.util.stream.Collectors.joining("|"));
    }

    /** e.g. {@code 6.1} or {@code 20.3 (cap)} when throughput never settled. */
    String describe() {
        return slices.isEmpty() ? "–" : String.format(java.util.Locale.ROOT, "%.1f%s", seconds,
                steady ? "" : " (cap)");
    }
}
