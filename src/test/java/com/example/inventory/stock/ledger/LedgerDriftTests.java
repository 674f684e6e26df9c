package com.example.inventory.stock.ledger;

import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import com.example.inventory.ServiceInstance;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.example.inventory.HttpApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** A stock changed behind the ledger's back (by SQL) shows up in the drift gauge and endpoint, and goes away. */
@IntegrationTest
class LedgerDriftTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerDrift drift;

    @Autowired
    MeterRegistry registry;

    @Test
    void aStockTheLedgerDoesNotExplainIsReported() {
        HttpApi api = new HttpApi(port);
        String sku = unique("DRIFT");
        api.createProduct(sku, 10);
        api.reserve(null, unique("RES"), 600, sku, 2);
        drift.check();
        assertThat(listed(api, sku)).as("in balance at first").isNull();
        double before = registry.get("inventory.ledger.drift").gauge().value();

        jdbc.sql("UPDATE location_stock SET stock = stock + 3, reserved = reserved - 1 WHERE sku = ?").param(sku).update();
        drift.check();

        JsonNode drifted = listed(api, sku);
        assertThat(drifted).isNotNull();
        assertThat(drifted.get("stock").asLong()).isEqualTo(13);
        assertThat(drifted.get("ledgerStock").asLong()).isEqualTo(10);
        assertThat(drifted.get("reserved").asLong()).isEqualTo(1);
        assertThat(drifted.get("ledgerReserved").asLong()).isEqualTo(2);
        assertThat(registry.get("inventory.ledger.drift").gauge().value()).isEqualTo(before + 1);
        assertThat(api.get("/actuator/prometheus").body()).containsPattern("inventory_ledger_drift\\{[^}]*} [1-9]");
        assertThat(api.post("/actuator/ledgerdrift").status()).as("read-only").isIn(404, 405);

        jdbc.sql("UPDATE location_stock SET stock = stock - 3, reserved = reserved + 1 WHERE sku = ?").param(sku).update();
        drift.check();
        assertThat(listed(api, sku)).isNull();
        assertThat(registry.get("inventory.ledger.drift").gauge().value()).isEqualTo(before);
    }

    /** An instance that has just started has checked already: it never reports "in balance" unchecked. */
    @Test
    void aStartingInstanceChecksAtOnce() {
        HttpApi api = new HttpApi(port);
        String sku = unique("DRIFT");
        api.createProduct(sku, 10);
        jdbc.sql("UPDATE location_stock SET stock = stock + 3 WHERE sku = ?").param(sku).update();
        try (ServiceInstance started = ServiceInstance.start("inventory.ledger.drift-check-interval=1h")) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(listed(started.api(), sku)).as("listed by the check at start-up").isNotNull());
            assertThat(started.bean(MeterRegistry.class).get("inventory.ledger.drift").gauge().value())
                    .isGreaterThanOrEqualTo(1);
        } finally {
            jdbc.sql("UPDATE location_stock SET stock = stock - 3 WHERE sku = ?").param(sku).update();
        }
    }

    private static JsonNode listed(HttpApi api, String sku) {
        HttpApi.Response response = api.get("/actuator/ledgerdrift");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("checkedAt").isNull()).isFalse();
        for (JsonNode product : response.json().get("rows")) {
            if (product.get("sku").asString().equals(sku)) {
                return product;
            }
        }
        return null;
    }
}
