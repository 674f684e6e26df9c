package com.example.inventory.bench;

import com.example.inventory.stock.PlacementMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the whole benchmark with a tiny load after {@code package}, so that the harness cannot rot: the packaged
 * service is started, every scenario runs for every strategy (hot-sku also at 1 and a few more clients), each after
 * a warm-up, the invariants are checked (for checkout, after its 1-second holds are swept; for locations, per stock
 * row), the ceilings measured and the report written. It installs nothing: wrk
 * when it is there (bench/run installs it), else the Java client, and the report says which.
 */
class BenchmarkSmokeIT {

    private static final Path OUT = Path.of("target", "bench-smoke");
    private static final int CLIENTS = 4;
    private static final int MANY_CLIENTS = 8;

    @Test
    @Timeout(180)
    void runsEveryScenarioForEveryStrategyAndWritesTheReport() throws Exception {
        int exit = Benchmark.run("--duration", "0.3", "--warmup", "0.3", "--warmup-slice", "0.15",
                "--service-warmup", "0.3", "--service-warmup-rounds", "1", "--clients", Integer.toString(CLIENTS),
                "--many-clients", Integer.toString(MANY_CLIENTS), "--ceiling-clients", "1,4",
                "--flash-sale-stock", "40", "--catalogue-size", "50", "--checkout-ttl", "1",
                "--out", OUT.toString());

        assertThat(exit).as("exit status (report: %s)", OUT.resolve("report.md")).isEqualTo(Benchmark.EXIT_OK);
        for (String file : List.of("report.md", "report.csv", "throughput.png", "latency.png", "service.log")) {
            assertThat(OUT.resolve(file)).as(file).isNotEmptyFile();
        }
        List<String> rows = Files.readAllLines(OUT.resolve("report.csv"));
        List<String> header = List.of(rows.getFirst().split(","));
        assertThat(header).contains("client", "pct_of_ceiling", "pct_of_read_ceiling", "warmup_s",
                "service_cpu_ms_per_request", "client_cpu_ms_per_request", "batch_mean", "batch_max",
                "checkouts_per_s", "service_cpu_ms_per_checkout", "stored_reservations", "stored_expired", "sweep_s",
                "invariants");
        for (Scenario scenario : Scenario.values()) {
            for (PlacementMode strategy : PlacementMode.values()) {
                assertRow(rows, scenario, strategy, CLIENTS);
            }
        }
        for (PlacementMode strategy : PlacementMode.values()) {
            assertRow(rows, Scenario.HOT_SKU, strategy, 1);
            assertRow(rows, Scenario.HOT_SKU, strategy, MANY_CLIENTS);
        }
        assertThat(rows).hasSize(1 + (Scenario.values().length + 2) * PlacementMode.values().length);
        String client = WrkClient.find(java.net.URI.create("http://127.0.0.1")).isPresent() ? "wrk" : "java";
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            assertThat(cells[header.indexOf("client")]).as("client of %s", row).isEqualTo(client);
            assertThat(Double.parseDouble(cells[header.indexOf("service_cpu_ms_per_request")]))
                    .as("service CPU of %s", row).isPositive();
            assertThat(Double.parseDouble(cells[header.indexOf("client_cpu_ms_per_request")]))
                    .as("client CPU of %s", row).isPositive();
            assertThat(cells[header.indexOf("pct_of_read_ceiling")]).as("%% of (e) of %s", row).isNotEmpty();
        }
        int created = header.indexOf("status_201");
        assertThat(rows.stream().filter(row -> row.startsWith(Scenario.FLASH_SALE.id() + ",")))
                .hasSize(PlacementMode.values().length)
                .allMatch(row -> row.split(",")[created].equals("40"), "every flash sale sold exactly its stock of 40");

        // The checkout check ran: it found the run's reservations stored and decided, held to what the clients saw
        // (the row says ok), and the holds left to expire swept.
        List<String[]> checkouts = rows.stream().filter(row -> row.startsWith(Scenario.CHECKOUT.id() + ","))
                .map(row -> row.split(",", -1)).toList();
        assertThat(checkouts).hasSize(PlacementMode.values().length);
        long expired = 0;
        for (String[] cells : checkouts) {
            assertThat(Double.parseDouble(cells[header.indexOf("checkouts_per_s")])).as("checkouts/s").isPositive();
            assertThat(Long.parseLong(cells[header.indexOf("stored_reservations")])).as("stored reservations")
                    .isPositive();
            assertThat(Double.parseDouble(cells[header.indexOf("sweep_s")])).as("sweep wait").isNotNegative();
            expired += Long.parseLong(cells[header.indexOf("stored_expired")]);
        }
        assertThat(expired).as("holds left to expire and swept, over every strategy").isPositive();

        String report = Files.readString(OUT.resolve("report.md"));
        assertThat(report).contains("Overall: **PASSED**", "## Results", "| client |", "% of (e)",
                "service CPU ms/req", "client CPU ms/req", "warm-up s", "batch mean", "### Where the CPU went",
                "### Locations", "### Checkouts", "## Ceilings", "### (e) Read ceiling", "### Raw SQL ceiling",
                "(a\\*)", "## Targets", "## Machine");
        for (int clients : List.of(CLIENTS, 1, MANY_CLIENTS)) {
            assertThat(report).as("read ceiling at %d clients", clients).containsPattern(
                    "\\n\\| " + clients + " \\| " + client + " \\| [0-9,]+ \\|");
        }
        assertThat(pngHeader(OUT.resolve("throughput.png"))).isTrue();
    }

    private static void assertRow(List<String> rows, Scenario scenario, PlacementMode strategy, int clients) {
        assertThat(rows).as("report.csv row of %s / %s at %d clients", scenario.id(), strategy.value(), clients)
                .anyMatch(row -> row.startsWith(scenario.id() + "," + strategy.value() + "," + clients + ",")
                        && row.endsWith(",ok"));
    }

    private static boolean pngHeader(Path file) throws IOException {
        byte[] header = Arrays.copyOf(Files.readAllBytes(file), 4);
        return header[1] == 'P' && header[2] == 'N' && header[3] == 'G';
    }
}
