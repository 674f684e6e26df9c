package com.example.inventory.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How long a JVM's JIT compilers have worked since it started, read with {@code jcmd <pid> PerfCounter.print}
 * ({@code java.ci.totalTime} in ticks of {@code sun.os.hrt.frequency}). While C2 still compiles, its threads take
 * CPU from the requests and count in the service's CPU per request; the warm-up goes on until they are quiet.
 */
final class JitTime {

    private JitTime() {
    }

    /** The JIT's time so far, or empty when jcmd cannot tell (no jcmd beside this JDK, no attach). */
    static Optional<Duration> of(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return Optional.empty();
        }
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "PerfCounter.print")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                return Optional.empty();
            }
            Optional<Long> ticks = counter(output, "java.ci.totalTime");
            Optional<Long> frequency = counter(output, "sun.os.hrt.frequency");
            return ticks.flatMap(t -> frequency.filter(f -> f > 0)
                    .map(f -> Duration.ofNanos((long) (t * (1e9 / f)))));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<Long> counter(String output, String name) {
        for (String line : output.split("\n")) {
            if (line.startsWith(name + "=")) {
                try {
                    return Optional.of(Long.parseLong(line.substring(name.length() + 1).strip()));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
