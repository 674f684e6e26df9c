package com.example.inventory.deduction;

import com.example.inventory.HeldRow;
import com.example.inventory.HttpApi;
import com.example.inventory.ServiceInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import com.example.inventory.HttpApi.Response;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.example.inventory.HttpApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst of orders that find their queue full: each is refused at once (503 {@code contention}) and counted, and
 * the log has one line at the first refusal and one more with the count of the rest, not one line each.
 */
@ExtendWith(OutputCaptureExtension.class)
class QueueFullLoggingTests {

    @Test
    void aBurstOfRefusalsIsCountedAndLoggedInTwoLinesNotOneEach(CapturedOutput output) throws Exception {
        int logged;
        List<Response> refused = new ArrayList<>();
        double rejectionsBefore;
        try (ServiceInstance service = ServiceInstance.start("inventory.deduction.batch.drainers=1",
                "inventory.deduction.batch.queue-capacity=1", "inventory.deduction.lock-timeout=30s")) {
            HttpApi api = service.api();
            DataSource dataSource = service.bean(DataSource.class);
            MeterRegistry registry = service.bean(MeterRegistry.class);
            JdbcClient jdbc = JdbcClient.create(dataSource);
            String sku = unique("BURST");
            api.createProduct(sku, 10);
            rejectionsBefore = registry.get("inventory.batch.rejections").counter().count();
            List<CompletableFuture<Response>> accepted = new ArrayList<>();
            logged = output.getAll().length();

            try (HeldRow held = HeldRow.lock(dataSource, sku)) {
                accepted.add(CompletableFuture.supplyAsync(() -> api.deduct("batched", unique("IN"), sku, 1)));
                await("the first batch waits for the row", () -> jdbc.sql("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE datname = current_database() AND wait_event_type = 'Lock'""")
                        .query(Integer.class).single() == 1);
                accepted.add(CompletableFuture.supplyAsync(() -> api.deduct("batched", unique("IN"), sku, 1)));
                await("one order queued", () -> registry.get("inventory.batch.queue.depth").gauge().value() == 1);
                for (int i = 0; i < 30; i++) {
                    refused.add(api.deduct("batched", unique("OUT"), sku, 1));
                }
            }
            for (CompletableFuture<Response> answer : accepted) {
                assertThat(answer.get(20, TimeUnit.SECONDS).status()).isEqualTo(201);
            }
            assertThat(api.stockOf(sku)).isEqualTo(8);
            assertThat(registry.get("inventory.batch.rejections").counter().count() - rejectionsBefore)
                    .isEqualTo(30);
        }

        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
            assertThat(answer.problemType()).isEqualTo("contention");
            assertThat(answer.header("Retry-After")).contains("1");
        });
        // The first refusal at once; the other 29, within 10 s of it, when the instance stops (or the interval ends).
        List<String> lines = output.getAll().substring(logged).lines().filter(line -> line.contains(" WARN ")).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("Refused 1 order(s) with 503 contention", "batch queue was full (1 orders)");
        assertThat(lines.get(1)).contains("Refused 29 order(s) with 503 contention");
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("%s in time", what).isLessThan(deadline);
            Thread.sleep(2);
        }
    }
}
