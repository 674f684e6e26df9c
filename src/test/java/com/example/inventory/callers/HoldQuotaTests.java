package com.example.inventory.callers;

import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import com.example.inventory.Race;
import com.example.inventory.TestIssuer;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The units one client holds in ACTIVE reservations are capped (100,000 by default): exactly, under concurrency,
 * for every strategy; holding exactly the limit is allowed; a hold that ends frees its units.
 */
@IntegrationTest
class HoldQuotaTests {

    private static final int LIMIT = 100_000;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"pessimistic", "optimistic", "atomic", "batched"})
    void thirtyTwoRacingReservationsCannotTogetherPassTheCap(String strategy) throws Exception {
        String client = HttpApi.unique("greedy");
        HttpApi api = new HttpApi(port).as(client, TestIssuer.READ, TestIssuer.ORDER, TestIssuer.ADMIN);
        // One product per reservation: only the client's quota is contended, not a product's row.
        List<String> skus = java.util.stream.IntStream.range(0, 32).mapToObj(i -> HttpApi.unique("QUOTA")).toList();
        skus.forEach(sku -> api.createProduct(sku, 10_000));

        List<HttpApi.Response> answers = Race.run(32, 32, i -> api.reserve(strategy, HttpApi.unique("H" + i), 600,
                skus.get(i), 5_000));

        Map<Integer, Long> statuses = answers.stream().collect(java.util.stream.Collectors.groupingBy(
                HttpApi.Response::status, java.util.stream.Collectors.counting()));
        assertThat(statuses).as(answers.toString()).containsOnly(Map.entry(201, 20L), Map.entry(409, 12L));
        answers.stream().filter(answer -> answer.status() == 409).forEach(answer -> {
            assertThat(answer.problemType()).isEqualTo("hold-quota-exceeded");
            assertThat(answer.json().get("limit").asLong()).isEqualTo(LIMIT);
            assertThat(answer.json().get("held").asLong()).isEqualTo(LIMIT);
        });
        assertThat(skus.stream().mapToInt(sku -> api.levelsOf(sku)[1]).sum()).isEqualTo(LIMIT);
        assertThat(heldBy(client)).isEqualTo(LIMIT).isEqualTo(activeUnitsOf(client));
    }

    @Test
    void holdingExactlyTheLimitIsAllowedAndAnEndedHoldFreesItsUnits() {
        String client = HttpApi.unique("buyer");
        HttpApi api = new HttpApi(port).as(client, TestIssuer.READ, TestIssuer.ORDER);
        String sku = HttpApi.unique("QUOTA");
        new HttpApi(port).createProduct(sku, 1_000_000);

        HttpApi.Response tooMany = api.reserve(null, HttpApi.unique("H"), 600, sku, LIMIT + 1);
        JsonNode first = api.reserve(null, HttpApi.unique("H"), 600, sku, LIMIT - 1).json();
        HttpApi.Response last = api.reserve(null, HttpApi.unique("H"), 600, sku, 1);
        HttpApi.Response over = api.reserve(null, HttpApi.unique("H"), 600, sku, 1);

        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.json().get("held").asLong()).isZero();
        assertThat(last.status()).isEqualTo(201);
        assertThat(over.status()).isEqualTo(409);
        assertThat(over.json().get("held").asLong()).isEqualTo(LIMIT);
        assertThat(api.decide(first.get("id").asString(), "release").status()).isEqualTo(200);
        assertThat(heldBy(client)).isEqualTo(1);
        assertThat(api.reserve(null, HttpApi.unique("H"), 600, sku, 1).status()).isEqualTo(201);
        assertThat(heldBy(client)).isEqualTo(2).isEqualTo(activeUnitsOf(client));
        // Another client has a quota of its own.
        assertThat(new HttpApi(port).as(HttpApi.unique("other"), TestIssuer.ORDER)
                .reserve(null, HttpApi.unique("H"), 600, sku, LIMIT).status()).isEqualTo(201);
    }

    private long heldBy(String client) {
        return jdbc.sql("SELECT held FROM client_hold WHERE client_id = ?").param(client).query(Long.class).single();
    }

    private long activeUnitsOf(String client) {
        return jdbc.sql("""
                SELECT coalesce(sum(line.quantity), 0) FROM reservation r
                  JOIN reservation_line line ON line.reservation_id = r.id
                 WHERE r.client_id = ? AND r.status = 'ACTIVE'""").param(client).query(Long.class).single();
    }
}
