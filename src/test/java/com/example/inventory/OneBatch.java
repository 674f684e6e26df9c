package com.example.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.example.inventory.HttpApi.Response;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch of known content for the batched strategy: the test holds a product's row so that the batch in progress
 * (a first request) waits on it, queues its requests one at a time (watching the queue depth), then lets go: they all
 * form the next round, in the order they queued.
 */
public final class OneBatch {

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final MeterRegistry registry;

    public OneBatch(DataSource dataSource, JdbcClient jdbc, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.registry = registry;
    }

    /**
     * Sends {@code first} (a request of {@code sku} that must be answered 201) and holds the product's row so that its
     * batch waits; queues {@code requests} one at a time, in order, then lets the row go.
     *
     * @return the answers of the queued requests, in the order sent
     */
    public List<Response> of(String sku, Supplier<Response> first, List<Supplier<Response>> requests)
            throws Exception {
        List<CompletableFuture<Response>> answers = new ArrayList<>();
        CompletableFuture<Response> blocked;
        try (HeldRow held = HeldRow.lock(dataSource, sku)) {
            double depthBefore = queueDepth();
            blocked = CompletableFuture.supplyAsync(first);
            awaitLockWaiters(1);
            for (Supplier<Response> request : requests) {
                answers.add(CompletableFuture.supplyAsync(request));
                double depth = depthBefore + answers.size();
                await("queue depth " + depth, () -> queueDepth() == depth);
            }
        }
        Response firstAnswer = blocked.get(20, TimeUnit.SECONDS);
        assertThat(firstAnswer.status()).as(firstAnswer.toString()).isEqualTo(201);
        List<Response> responses = new ArrayList<>();
        for (CompletableFuture<Response> answer : answers) {
            responses.add(answer.get(20, TimeUnit.SECONDS));
        }
        return responses;
    }

    /** Transactions the batched strategy has run so far (orders' and decisions' alike). */
    public long batchCount() {
        var summary = Search.in(registry).name("inventory.batch.size").summary();
        return summary == null ? 0 : summary.count();
    }

    /** Until {@code count} backends of this database wait for a lock: the first batch is stuck on the held row. */
    private void awaitLockWaiters(int count) throws InterruptedException {
        await(count + " lock waiter(s)", () -> jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock'""").query(Integer.class).single()
                == count);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("%s in time", what).isLessThan(deadline);
            Thread.sleep(2);
        }
    }

    private double queueDepth() {
        return registry.get("inventory.batch.queue.depth").gauge().value();
    }
}
