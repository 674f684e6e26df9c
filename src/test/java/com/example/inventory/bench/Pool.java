package com.example.inventory.bench;

import java.util.List;

/**
 * Measured phases of several runs of one kind, summed: the rounds of a side-by-side comparison ({@code --compare-auth},
 * {@code --baseline-jar}) pooled into one figure per side.
 */
record Pool(long completed, long requests, double seconds, long cpuNanos) {

    static Pool of(List<RunResult> runs) {
        long completed = 0;
        long requests = 0;
        double seconds = 0;
        long cpu = 0;
        for (RunResult run : runs) {
            Phase phase = run.phase();
            completed += phase.completed();
            requests += phase.requests();
            seconds += phase.seconds();
            cpu += run.measurement().serviceCpuNanos();
        }
        return new Pool(completed, requests, seconds, cpu);
    }

    double perSecond() {
        return seconds > 0 ? completed / seconds : Double.NaN;
    }

    double requestsPerSecond() {
        return seconds > 0 ? requests / seconds : Double.NaN;
    }

    double cpuMsPerRequest() {
        return requests > 0 ? cpuNanos / 1e6 / requests : Double.NaN;
    }
}
