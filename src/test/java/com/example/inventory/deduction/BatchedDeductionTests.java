package com.example.inventory.deduction;

import com.example.inventory.HeldRow;
import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import com.example.inventory.OneBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.example.inventory.HttpApi.Response;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.example.inventory.HttpApi.unique;
import static com.example.inventory.Ledgers.assertLedgerMatchesStock;
import static com.example.inventory.Ledgers.deductionsOf;
import static com.example.inventory.Ledgers.movements;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batched strategy places what queued while its previous batch committed in one transaction, each order all or
 * nothing in arrival order; {@link OneBatch} makes a batch of known content.
 */
@IntegrationTest
class BatchedDeductionTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry registry;

    HttpApi api;

    OneBatch batch;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
        batch = new OneBatch(dataSource, jdbc, registry);
    }

    @Test
    void appliesOrdersInArrivalOrderEachAllOrNothing() throws Exception {
        String sku = unique("BATCH");
        String other = unique("BATCH-B");
        api.createProduct(sku, 6);
        api.createProduct(other, 1);
        long batchesBefore = batchCount();
        String tooMany = unique("TOO-MANY");

        List<Response> answers = inOneBatch(sku, List.of(
                () -> api.deduct("batched", unique("FITS"), sku, 2),
                () -> api.deduct("batched", tooMany, sku, 4),
                () -> api.deduct("batched", unique("ALL-OR-NOTHING"), sku, 1, other, 2),
                () -> api.deduct("batched", unique("FITS"), sku, 3),
                () -> api.deduct("batched", unique("NONE-LEFT"), sku, 1)));

        assertThat(answers).extracting(Response::status).containsExactly(201, 409, 409, 201, 409);
        assertThat(answers.get(1).json().get("available").asInt()).isEqualTo(3);
        assertThat(answers.get(2).json().get("sku").asString()).isEqualTo(other);
        assertThat(answers.get(2).json().get("available").asInt()).isEqualTo(1);
        assertThat(answers.get(4).json().get("available").asInt()).isZero();
        assertThat(api.stockOf(sku)).isZero();
        assertThat(api.stockOf(other)).as("the refused multi-line order took nothing").isEqualTo(1);
        assertThat(movements(jdbc, sku, "DEDUCT")).isEqualTo(3);
        assertLedgerMatchesStock(jdbc, sku);
        assertLedgerMatchesStock(jdbc, other);
        assertThat(deductionsOf(jdbc, tooMany)).as("a refused order's id is freed").isZero();
        assertThat(api.deduct("batched", tooMany, other, 1).status()).isEqualTo(201);
        assertThat(batchCount() - batchesBefore).as("the blocked batch, the batch of five, the retry").isEqualTo(3);
        assertThat(registry.get("inventory.batch.size").summary().max()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void twoRequestsForOneNewOrderInOneBatchDeductOnce() throws Exception {
        String sku = unique("BATCH-DUP");
        api.createProduct(sku, 10);
        String order = unique("DUP");
        String conflicting = unique("DUP-OTHER");

        List<Response> answers = inOneBatch(sku, List.of(
                () -> api.deduct("batched", order, sku, 2),
                () -> api.deduct("batched", conflicting, sku, 1),
                () -> api.deduct("batched", order, sku, 2),
                () -> api.deduct("batched", conflicting, sku, 3)));

        assertThat(answers).extracting(Response::status).containsExactly(201, 201, 200, 409);
        assertThat(answers.get(2).header("Idempotent-Replayed")).contains("true");
        assertThat(answers.get(2).json().get("id")).isEqualTo(answers.get(0).json().get("id"));
        assertThat(answers.get(3).problemType()).isEqualTo("order-conflict");
        assertThat(deductionsOf(jdbc, order)).isEqualTo(1);
        assertThat(deductionsOf(jdbc, conflicting)).isEqualTo(1);
        assertThat(api.stockOf(sku)).isEqualTo(10 - 1 - 2 - 1);
        assertLedgerMatchesStock(jdbc, sku);
    }

    @Test
    void anUnknownSkuFailsOnlyItsOwnOrder() throws Exception {
        String sku = unique("BATCH-404");
        api.createProduct(sku, 10);
        String unknown = unique("UNKNOWN");

        List<Response> answers = inOneBatch(sku, List.of(
                () -> api.deduct("batched", unique("OK"), sku, 1),
                () -> api.deduct("batched", unknown, sku, 1, "NO-SUCH-SKU-B", 1),
                () -> api.deduct("batched", unique("OK"), sku, 2)));

        assertThat(answers).extracting(Response::status).containsExactly(201, 404, 201);
        assertThat(answers.get(1).problemType()).isEqualTo("product-not-found");
        assertThat(answers.get(1).json().get("sku").asString()).isEqualTo("NO-SUCH-SKU-B");
        assertThat(deductionsOf(jdbc, unknown)).isZero();
        assertThat(api.stockOf(sku)).isEqualTo(10 - 1 - 1 - 2);
        assertLedgerMatchesStock(jdbc, sku);
    }

    @Test
    void aBatchThatTimesOutWaitingForALockAnswersEveryOrderWithContentionAndChangesNothing() throws Exception {
        String sku = unique("BATCH-HELD");
        api.createProduct(sku, 10);
        List<String> orders = List.of(unique("LATE"), unique("LATE"), unique("LATE"));
        List<CompletableFuture<Response>> answers = new ArrayList<>();

        try (HeldRow held = HeldRow.lock(dataSource, sku)) {
            for (String order : orders) {
                answers.add(CompletableFuture.supplyAsync(() -> api.deduct("batched", order, sku, 1)));
            }
            for (CompletableFuture<Response> answer : answers) {
                Response response = answer.get(20, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.toString()).isEqualTo(503);
                assertThat(response.problemType()).isEqualTo("contention");
                assertThat(response.header("Retry-After")).contains("1");
            }
        }

        assertThat(api.stockOf(sku)).isEqualTo(10);
        assertThat(movements(jdbc, sku, "DEDUCT")).isZero();
        for (String order : orders) {
            assertThat(deductionsOf(jdbc, order)).isZero();
        }
        assertThat(api.deduct("batched", unique("AFTER"), sku, 1).status()).isEqualTo(201);
    }

    private List<Response> inOneBatch(String sku, List<Supplier<Response>> requests) throws Exception {
        return batch.of(sku, () -> api.deduct("batched", unique("FIRST"), sku, 1), requests);
    }

    private long batchCount() {
        return batch.batchCount();
    }
}
