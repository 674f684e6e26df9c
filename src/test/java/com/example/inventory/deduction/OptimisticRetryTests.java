package com.example.inventory.deduction;

import com.example.inventory.HttpApi;
import com.example.inventory.HttpApi.Response;
import com.example.inventory.IntegrationTest;
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
 * and the next attempt runs in a fresh transaction. Conflicts are forced inside PostgreSQL by a trigger that
 * silently skips the first n updates of a product, which is exactly what a lost {@code version} race looks like
 * to Hibernate (0 rows updated). A sequence counts the skips because, unlike a table, it is not rolled back.
 */
@IntegrationTest
class OptimisticRetryTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HttpApi api;

    @BeforeEach
    void installConflictTrigger() {
        api = new HttpApi(port);
        jdbc.sql("""
                CREATE TABLE IF NOT EXISTS test_forced_conflict (
                    sku varchar(64) PRIMARY KEY, counter regclass NOT NULL, conflicts integer NOT NULL)""").update();
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION test_force_conflict() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    forced test_forced_conflict%ROWTYPE;
                BEGIN
                    SELECT * INTO forced FROM test_forced_conflict WHERE sku = NEW.sku;
                    IF FOUND AND nextval(forced.counter) <= forced.conflicts THEN
                        RETURN NULL;
                    END IF;
                    RETURN NEW;
                END $$""").update();
        jdbc.sql("DROP TRIGGER IF EXISTS test_force_conflict ON product").update();
        jdbc.sql("""
                CREATE TRIGGER test_force_conflict BEFORE UPDATE ON product
                FOR EACH ROW EXECUTE FUNCTION test_force_conflict()""").update();
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
        assertThat(jdbc.sql("SELECT last_value FROM test_conflicts_" + sku.replace('-', '_'))
                .query(Long.class).single()).as("every configured attempt ran").isEqualTo(10);
        assertThat(deductionsOf(jdbc, order)).isZero();
        assertThat(movements(jdbc, sku, "DEDUCT")).isZero();
        jdbc.sql("DELETE FROM test_forced_conflict WHERE sku = ?").param(sku).update();
        assertThat(api.stockOf(sku)).isEqualTo(10);
    }

    private String productWithForcedConflicts(int stock, int conflicts) {
        String sku = unique("OPT");
        api.createProduct(sku, stock);
        String counter = "test_conflicts_" + sku.replace('-', '_');
        jdbc.sql("CREATE SEQUENCE " + counter).update();
        jdbc.sql("INSERT INTO test_forced_conflict (sku, counter, conflicts) VALUES (?, ?::regclass, ?)")
                .params(sku, counter, conflicts).update();
        return sku;
    }
}
