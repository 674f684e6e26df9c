package com.example.inventory.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.example.inventory.stock.Strategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the whole benchmark with a tiny load after {@code package}, so that the harness cannot rot: the packaged
 * service is started, every scenario runs for every strategy, the invariants are checked and the report written.
 */
class BenchmarkSmokeIT {

    private static final Path OUT = Path.of("target", "bench-smoke");

    @Test
    @Timeout(180)
    void runsEveryScenarioForEveryStrategyAndWritesTheReport() throws Exception {
        int exit = Benchmark.run("--duration", "1", "--warmup", "0", "--service-warmup", "1", "--clients", "4", "--flash-sale-stock", "40",
                "--catalogue-size", "50", "--out", OUT.toString());

        assertThat(exit).as("exit status (report: %s)", OUT.resolve("report.md")).isEqualTo(Benchmark.EXIT_OK);
        for (String file : List.of("report.md", "report.csv", "throughput.png", "latency.png", "service.log")) {
            assertThat(OUT.resolve(file)).as(file).isNotEmptyFile();
        }
        List<String> rows = Files.readAllLines(OUT.resolve("report.csv"));
        for (Scenario scenario : Scenario.values()) {
            for (Strategy strategy : Strategy.values()) {
                assertThat(rows).as("report.csv row of %s / %s", scenario.id(), strategy.value())
                        .anyMatch(row -> row.startsWith(scenario.id() + "," + strategy.value() + ",")
                                && row.endsWith(",ok"));
            }
        }
        assertThat(rows).hasSize(1 + Scenario.values().length * Strategy.values().length);
        String report = Files.readString(OUT.resolve("report.md"));
        assertThat(report).contains("Overall: **PASSED**", "## Raw SQL ceiling", "## Targets", "## Machine");
        int created = List.of(rows.getFirst().split(",")).indexOf("status_201");
        assertThat(rows.stream().filter(row -> row.startsWith(Scenario.FLASH_SALE.id() + ",")))
                .hasSize(Strategy.values().length)
                .allMatch(row -> row.split(",")[created].equals("40"), "every flash sale sold exactly its stock of 40");
        assertThat(pngHeader(OUT.resolve("throughput.png"))).isTrue();
    }

    private static boolean pngHeader(Path file) throws IOException {
        byte[] header = Arrays.copyOf(Files.readAllBytes(file), 4);
        return header[1] == 'P' && header[2] == 'N' && header[3] == 'G';
    }
}
