package com.example.inventory.deduction;

import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import com.example.inventory.stock.PlacementMode;
import java.sql.Connection;
import java.sql.PreparedStatement;

import javax.sql.DataSource;

import com.example.inventory.HttpApi.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.example.inventory.HttpApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** A row held by another transaction makes a locking deduction give up after the lock timeout (the default, 2 s). */
@IntegrationTest
class LockTimeoutTests {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @ParameterizedTest
    @EnumSource(value = PlacementMode.class, names = {"PESSIMISTIC", "ATOMIC", "BATCHED"})
    void heldRowAnswersContentionWithinTheLockTimeout(PlacementMode strategy) throws Exception {
        HttpApi api = new HttpApi(port);
        String sku = unique("HELD");
        api.createProduct(sku, 10);

        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT 1 FROM location_stock WHERE sku = ? FOR UPDATE")) {
                lock.setString(1, sku);
                lock.executeQuery().close();
            }
            long started = System.nanoTime();
            Response response = api.deduct(strategy.value(), unique("HELD-ORD"), sku, 1);
            long waitedMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(response.status()).as(response.toString()).isEqualTo(503);
            assertThat(response.problemType()).isEqualTo("contention");
            assertThat(response.header("Retry-After")).contains("1");
            assertThat(waitedMillis).as("waited for the lock, then gave up").isBetween(1_800L, 10_000L);
            holder.rollback();
        }
        assertThat(api.stockOf(sku)).isEqualTo(10);
        assertThat(api.deduct(strategy.value(), unique("HELD-ORD"), sku, 1).status()).isEqualTo(201);
    }
}
