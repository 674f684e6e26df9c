package com.example.inventory.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bench/run --help} prints the flags from its own copy, without building: that copy must be the benchmark's. */
class BenchRunHelpTests {

    @Test
    void benchRunHelpPrintsTheBenchmarksUsage() throws Exception {
        Process process = new ProcessBuilder("bash", "bench/run", "--help").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(output).as("bench/run's usage() must be a copy of Options.USAGE").isEqualTo(Options.USAGE);
    }
}
