package com.example.inventory.deduction;

import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.example.inventory.HttpApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Each custom meter moves when its event happens, and shows up at /actuator/prometheus. */
@IntegrationTest
class DeductionMetricsTests {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry registry;

    @Autowired
    DataSource dataSource;

    HttpApi api;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
    }

    @Test
    void everyOutcomeIsCounted() {
        String sku = unique("METER");
        api.createProduct(sku, 5);
        String order = unique("METER-ORD");

        assertCounted("atomic", "completed", () -> assertThat(api.deduct("atomic", order, sku, 1).status()).isEqualTo(201));
        assertCounted("atomic", "replayed", () -> assertThat(api.deduct("atomic", order, sku, 1).status()).isEqualTo(200));
        assertCounted("atomic", "order_conflict", () -> assertThat(api.deduct("atomic", order, sku, 2).status()).isEqualTo(409));
        assertCounted("atomic", "insufficient_stock",
                () -> assertThat(api.deduct("atomic", unique("METER-ORD"), sku, 99).status()).isEqualTo(409));
        assertCounted("atomic", "not_found",
                () -> assertThat(api.deduct("atomic", unique("METER-ORD"), "NO-SUCH-SKU-M", 1).status()).isEqualTo(404));
        assertCounted("atomic", "invalid",
                () -> assertThat(api.deduct("atomic", unique("METER-ORD"), sku, 0).status()).isEqualTo(400));
        assertCounted("unknown", "invalid",
                () -> assertThat(api.deduct("magic", unique("METER-ORD"), sku, 1).status()).isEqualTo(400));
    }

    @Test
    void durationAndAttemptsAreRecorded() {
        String sku = unique("METER");
        api.createProduct(sku, 5);
        double timed = timerCount("pessimistic");
        long attempts = attemptsCount("pessimistic");

        assertThat(api.deduct("pessimistic", unique("METER-ORD"), sku, 1).status()).isEqualTo(201);

        assertThat(timerCount("pessimistic")).isEqualTo(timed + 1);
        assertThat(attemptsCount("pessimistic")).isEqualTo(attempts + 1);
    }

    @Test
    void optimisticConflictsAndExhaustedRetriesAreCounted() {
        ForcedConflicts conflicts = new ForcedConflicts();
        String sku = unique("METER");
        api.createProduct(sku, 5);
        conflicts.force(sku, 1_000);
        double conflictsBefore = counter("inventory.deduction.optimistic.conflicts", "optimistic");

        assertCounted("optimistic", "contention",
                () -> assertThat(api.deduct("optimistic", unique("METER-ORD"), sku, 1).status()).isEqualTo(503));

        assertThat(counter("inventory.deduction.optimistic.conflicts", "optimistic")).isEqualTo(conflictsBefore + 10);
        conflicts.stop(sku);
    }

    @Test
    void lockTimeoutsAreCounted() throws Exception {
        String sku = unique("METER");
        api.createProduct(sku, 5);
        double before = counter("inventory.deduction.lock.timeouts", "pessimistic");

        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT 1 FROM location_stock WHERE sku = ? FOR UPDATE")) {
                lock.setString(1, sku);
                lock.executeQuery().close();
            }
            assertCounted("pessimistic", "contention",
                    () -> assertThat(api.deduct("pessimistic", unique("METER-ORD"), sku, 1).status()).isEqualTo(503));
            holder.rollback();
        }

        assertThat(counter("inventory.deduction.lock.timeouts", "pessimistic")).isEqualTo(before + 1);
    }

    @Test
    void batchedDeductionsRecordTheirBatches() {
        String sku = unique("METER");
        api.createProduct(sku, 5);
        long batches = registry.get("inventory.batch.size").summary().count();
        long timed = registry.get("inventory.batch.duration").timer().count();

        assertCounted("batched", "completed",
                () -> assertThat(api.deduct("batched", unique("METER-ORD"), sku, 1).status()).isEqualTo(201));

        assertThat(registry.get("inventory.batch.size").summary().count()).isEqualTo(batches + 1);
        assertThat(registry.get("inventory.batch.duration").timer().count()).isEqualTo(timed + 1);
        assertThat(attemptsCount("batched")).isPositive();
        assertThat(api.get("/actuator/prometheus").body())
                .containsPattern("inventory_batch_size_orders_count\\{[^}]*} [1-9]")
                .containsPattern("inventory_batch_duration_seconds_count\\{[^}]*} [1-9]")
                .containsPattern("inventory_batch_queue_depth_orders\\{[^}]*} 0.0")
                .containsPattern("inventory_batch_rejections_total\\{[^}]*strategy=\"batched\"[^}]*} ");
    }

    @Test
    void prometheusShowsTheCustomMetersAfterOneDeduction() {
        String sku = unique("METER");
        api.createProduct(sku, 5);
        assertThat(api.deduct("atomic", unique("METER-ORD"), sku, 1).status()).isEqualTo(201);

        HttpApi.Response scrape = api.get("/actuator/prometheus");

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body())
                .containsPattern("inventory_deductions_total\\{[^}]*outcome=\"completed\"[^}]*strategy=\"atomic\"[^}]*} [1-9]")
                .containsPattern("inventory_deduction_duration_seconds_count\\{[^}]*strategy=\"atomic\"[^}]*} [1-9]")
                .contains("inventory_deduction_duration_seconds_bucket")
                .containsPattern("inventory_deduction_attempts_count\\{[^}]*strategy=\"atomic\"[^}]*} [1-9]")
                .contains("hikaricp_connections_active")
                .contains("http_server_requests_seconds_count")
                .contains("jvm_memory_used_bytes");
    }

    private void assertCounted(String strategy, String outcome, Runnable event) {
        double before = deductions(strategy, outcome);
        event.run();
        assertThat(deductions(strategy, outcome)).as("%s/%s", strategy, outcome).isEqualTo(before + 1);
    }

    private double deductions(String strategy, String outcome) {
        var counter = Search.in(registry).name("inventory.deductions").tag("strategy", strategy).tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double counter(String name, String strategy) {
        var counter = Search.in(registry).name(name).tag("strategy", strategy).counter();
        return counter == null ? 0 : counter.count();
    }

    private double timerCount(String strategy) {
        var timer = Search.in(registry).name("inventory.deduction.duration").tag("strategy", strategy).timer();
        return timer == null ? 0 : timer.count();
    }

    private long attemptsCount(String strategy) {
        var summary = Search.in(registry).name("inventory.deduction.attempts").tag("strategy", strategy).summary();
        return summary == null ? 0 : summary.count();
    }
}
