package com.example.inventory.bench;

/**
 * The measured phase of a run and what it cost.
 *
 * @param serviceCpuNanos the service JVM's CPU time over the phase (its ProcessHandle, so /proc on Linux)
 * @param cpu the machine's CPU over the phase, split between service, load generator and the rest
 */
record Measurement(Phase phase, long serviceCpuNanos, CpuUsage.Split cpu) {

    /** The service's CPU per request answered or not, in ms; NaN without requests. */
    double serviceMsPerRequest() {
        return perEach(serviceCpuNanos, phase.requests());
    }

    /** The load generator's CPU per request, in ms: what the client takes from the shared cores. */
    double clientMsPerRequest() {
        return perEach(phase.clientCpuNanos(), phase.requests());
    }

    /**
     * The service's CPU per completed deduction (201) or checkout, in ms: refused and retried work included (for
     * checkouts, and the sweeper's expiries during the phase).
     */
    double serviceMsPerCompleted() {
        return perEach(serviceCpuNanos, phase.completed());
    }

    /** The load generator's CPU per completed deduction or checkout, in ms. */
    double clientMsPerCompleted() {
        return perEach(phase.clientCpuNanos(), phase.completed());
    }

    private static double perEach(long nanos, long count) {
        return count > 0 ? nanos / 1e6 / count : Double.NaN;
    }
}
