package com.example.inventory.deduction;

import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import com.example.inventory.HttpApi.Response;
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
 * The retry wraps the transaction: a version conflict rolls back the whole attempt (its deduction row included)
 * and the next attempt runs in a fresh transaction. Conflicts are forced inside PostgreSQL ({@link ForcedConflicts}).
 */
@IntegrationTest
class OptimisticRetryTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HttpApi api;
    ForcedConflicts conflicts;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
        conflicts = new ForcedConflicts();
    }

    @Test
    void conflictOnFirstAttemptSucceedsOnSecondInAFreshTransaction() {
        String sku = productWithForcedConflicts(10, 1);
        String order = unique("RETRY");

        Response response = api.deduct("optimistic", order, sku, 3);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("attempts").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/deductions?orderId=" + order).json().get("attempts").asInt()).isEqualTo(2);
        assertThat(deductionsOf(jdbc, order)).isEqualTo(1);
        assertThat(api.stockOf(sku)).isEqualTo(7);
        assertThat(movements(jdbc, sku, "DEDUCT")).isEqualTo(1);
        assertLedgerMatchesStock(jdbc, sku);
    }

    @Test
    void conflictsOnEveryAttemptEndInContentionAndChangeNothing() {
        String sku = productWithForcedConflicts(10, 1_000);
        String order = unique("RETRY");

        Response response = api.deduct("optimistic", order, sku, 3);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.problemType()).isEqualTo("contention");
        assertThat(response.header("Retry-After")).contains("1");
        assertThat(conflicts.attemptedUpdates(sku)).as("every configured attempt ran").isEqualTo(10);
        assertThat(deductionsOf(jdbc, order)).isZero();
        assertThat(movements(jdbc, sku, "DEDUCT")).isZero();
        conflicts.stop(sku);
        assertThat(api.stockOf(sku)).isEqualTo(10);
    }

    private String productWithForcedConflicts(int stock, int count) {
        String sku = unique("OPT");
        api.createProduct(sku, stock);
        conflicts.force(sku, count);
        return sku;
    }
}
