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

import org.springframework.jdbc.core.simple.JdbcClient;

import static com.example.inventory.HttpApi.unique;
import static com.example.inventory.Ledgers.assertLedgerMatchesStock;
import static com.example.inventory.Ledgers.deductionsOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batched strategy's queues at their edges: a full queue refuses at once, and a stopping service answers every
 * order it has accepted. Each test runs an instance of its own, with one small queue.
 */
class BatchedLifecycleTests {

    @Test
    void aFullQueueRefusesAtOnceWithContentionAndChangesNothing() throws Exception {
        try (ServiceInstance service = ServiceInstance.start("inventory.deduction.batch.drainers=1",
                "inventory.deduction.batch.queue-capacity=2")) {
            HttpApi api = service.api();
            JdbcClient jdbc = JdbcClient.create(service.bean(DataSource.class));
            MeterRegistry registry = service.bean(MeterRegistry.class);
            String sku = unique("QUEUE-FULL");
            api.createProduct(sku, 10);
            List<CompletableFuture<Response>> accepted = new ArrayList<>();
            Response refused;
            String refusedOrder = unique("REFUSED");
            double rejectionsBefore = rejections(registry);

            try (HeldRow held = HeldRow.lock(service.bean(DataSource.class), sku)) {
                accepted.add(CompletableFuture.supplyAsync(() -> api.deduct("batched", unique("IN"), sku, 1)));
                await("the first batch waits for the row", () -> lockWaiters(jdbc) == 1);
                for (int i = 1; i <= 2; i++) {
                    accepted.add(CompletableFuture.supplyAsync(() -> api.deduct("batched", unique("IN"), sku, 1)));
                    int depth = i;
                    await("queue depth " + depth, () -> queueDepth(registry) == depth);
                }
                long started = System.nanoTime();
                refused = api.deduct("batched", refusedOrder, sku, 1);
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).as("refused at once")
                        .isLessThan(1_000);
            }

            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.problemType()).isEqualTo("contention");
            assertThat(refused.header("Retry-After")).contains("1");
            assertThat(rejections(registry) - rejectionsBefore).isEqualTo(1);
            for (CompletableFuture<Response> answer : accepted) {
                assertThat(answer.get(20, TimeUnit.SECONDS).status()).isEqualTo(201);
            }
            assertThat(deductionsOf(jdbc, refusedOrder)).isZero();
            assertThat(api.stockOf(sku)).isEqualTo(7);
            assertLedgerMatchesStock(jdbc, sku);
        }
    }

    @Test
    void aStoppingServiceAnswersEveryQueuedOrderBeforeItCloses() throws Exception {
        ServiceInstance service = ServiceInstance.start("inventory.deduction.batch.drainers=1");
        HttpApi api = service.api();
        DataSource dataSource = service.bean(DataSource.class);
        MeterRegistry registry = service.bean(MeterRegistry.class);
        JdbcClient observer = com.example.inventory.TestDatabase.shared().jdbc();
        String sku = unique("SHUTDOWN");
        api.createProduct(sku, 100);
        List<String> orders = new ArrayList<>();
        List<CompletableFuture<Response>> answers = new ArrayList<>();
        CompletableFuture<Void> stopped;

        try (HeldRow held = HeldRow.lock(dataSource, sku)) {
            String first = unique("SHUT");
            orders.add(first);
            answers.add(CompletableFuture.supplyAsync(() -> api.deduct("batched", first, sku, 1)));
            await("the first batch waits for the row", () -> lockWaiters(observer) == 1);
            for (int i = 1; i <= 20; i++) {
                String order = unique("SHUT");
                orders.add(order);
                answers.add(CompletableFuture.supplyAsync(() -> api.deduct("batched", order, sku, 1)));
            }
            await("20 orders queued", () -> queueDepth(registry) == 20);
            stopped = CompletableFuture.runAsync(service::close);
            await("the web server stops taking requests", () -> refusesNewRequests(api, sku));
        }

        for (CompletableFuture<Response> answer : answers) {
            Response response = answer.get(30, TimeUnit.SECONDS);
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
        }
        stopped.get(30, TimeUnit.SECONDS);
        assertThat(service.isRunning()).isFalse();
        for (String order : orders) {
            assertThat(deductionsOf(observer, order)).as(order).isEqualTo(1);
        }
        assertThat(observer.sql("SELECT sum(stock) FROM location_stock WHERE sku = ?").param(sku).query(Integer.class).single())
                .isEqualTo(100 - 21);
        assertLedgerMatchesStock(observer, sku);
    }

    private static boolean refusesNewRequests(HttpApi api, String sku) {
        try {
            return api.get("/api/v1/products/" + sku).status() == 503;
        } catch (IllegalStateException connectionRefused) {
            return true;
        }
    }

    private static int lockWaiters(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock'""").query(Integer.class).single();
    }

    private static double queueDepth(MeterRegistry registry) {
        return registry.get("inventory.batch.queue.depth").gauge().value();
    }

    private static double rejections(MeterRegistry registry) {
        return registry.get("inventory.batch.rejections").counter().count();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("%s in time", what).isLessThan(deadline);
            Thread.sleep(2);
        }
    }
}
