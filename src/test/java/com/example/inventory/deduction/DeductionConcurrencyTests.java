package com.example.inventory.deduction;

import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import com.example.inventory.Race;
import com.example.inventory.stock.PlacementMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.example.inventory.HttpApi.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.example.inventory.HttpApi.unique;
import static com.example.inventory.Ledgers.assertLedgerMatchesStock;
import static com.example.inventory.Ledgers.deductionsOf;
import static com.example.inventory.Ledgers.movements;
import static org.assertj.core.api.Assertions.assertThat;

/** Real threads, released together by a latch, against the real service and PostgreSQL; exact outcomes. */
@IntegrationTest
class DeductionConcurrencyTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void flashSaleNeverOversells(PlacementMode strategy) throws Exception {
        HttpApi api = new HttpApi(port);
        String sku = unique("FLASH");
        api.createProduct(sku, 100);

        Map<Integer, Integer> statuses = race(400, 400, i ->
                api.deduct(strategy.value(), unique("FLASH-ORD"), sku, 1).status());

        assertThat(statuses).containsOnlyKeys(201, 409);
        assertThat(statuses.get(201)).isEqualTo(100);
        assertThat(statuses.get(409)).isEqualTo(300);
        assertThat(api.stockOf(sku)).isZero();
        assertThat(movements(jdbc, sku, "DEDUCT")).isEqualTo(100);
        assertLedgerMatchesStock(jdbc, sku);
    }

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void hotItemUnderLoadLosesNoUpdate(PlacementMode strategy) throws Exception {
        HttpApi api = new HttpApi(port);
        String sku = unique("HOT");
        int initial = 1_000_000;
        api.createProduct(sku, initial);

        Map<Integer, Integer> statuses = raceCounting(32, 32, thread -> {
            Map<Integer, Integer> mine = new ConcurrentHashMap<>();
            for (int i = 0; i < 100; i++) {
                mine.merge(api.deduct(strategy.value(), unique("HOT-ORD"), sku, 1).status(), 1, Integer::sum);
            }
            return mine;
        });

        int successes = statuses.getOrDefault(201, 0);
        assertThat(statuses.keySet()).isSubsetOf(201, 503);
        assertThat(successes + statuses.getOrDefault(503, 0)).isEqualTo(3_200);
        assertThat(api.stockOf(sku)).isEqualTo(initial - successes);
        assertThat(movements(jdbc, sku, "DEDUCT")).isEqualTo(successes);
        assertLedgerMatchesStock(jdbc, sku);
    }

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void ordersTouchingProductsInOppositeOrderNeverDeadlock(PlacementMode strategy) throws Exception {
        HttpApi api = new HttpApi(port);
        String a = unique("PAIR-A");
        String b = unique("PAIR-B");
        api.createProduct(a, 10_000);
        api.createProduct(b, 10_000);

        Map<Integer, Integer> statuses = raceCounting(40, 40, thread -> {
            Map<Integer, Integer> mine = new ConcurrentHashMap<>();
            for (int i = 0; i < 10; i++) {
                Response response = thread % 2 == 0
                        ? api.deduct(strategy.value(), unique("AB"), a, 1, b, 2)
                        : api.deduct(strategy.value(), unique("BA"), b, 2, a, 1);
                mine.merge(response.status(), 1, Integer::sum);
            }
            return mine;
        });

        int successes = statuses.getOrDefault(201, 0);
        if (strategy == PlacementMode.OPTIMISTIC) {
            assertThat(statuses.keySet()).isSubsetOf(201, 503);
        } else {
            assertThat(statuses).as("no deadlock, no timeout").containsOnlyKeys(201);
        }
        assertThat(successes + statuses.getOrDefault(503, 0)).isEqualTo(400);
        assertThat(api.stockOf(a)).isEqualTo(10_000 - successes);
        assertThat(api.stockOf(b)).isEqualTo(10_000 - 2 * successes);
        assertLedgerMatchesStock(jdbc, a);
        assertLedgerMatchesStock(jdbc, b);
    }

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void sameOrderSentTwentyTimesAtOnceDeductsOnce(PlacementMode strategy) throws Exception {
        HttpApi api = new HttpApi(port);
        String sku = unique("IDEM");
        api.createProduct(sku, 50);
        String order = unique("IDEM-ORD");
        List<Response> responses = new ArrayList<>();

        race(20, 20, i -> {
            Response response = api.deduct(strategy.value(), order, sku, 3);
            synchronized (responses) {
                responses.add(response);
            }
            return response.status();
        });

        assertThat(responses).extracting(Response::status).filteredOn(s -> s == 201).hasSize(1);
        List<Response> replays = responses.stream().filter(r -> r.status() == 200).toList();
        assertThat(replays).hasSize(19);
        assertThat(replays).allSatisfy(r -> assertThat(r.header("Idempotent-Replayed")).contains("true"));
        String id = responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().json().get("id")
                .asString();
        assertThat(replays).allSatisfy(r -> assertThat(r.json().get("id").asString()).isEqualTo(id));
        assertThat(deductionsOf(jdbc, order)).isEqualTo(1);
        assertThat(api.stockOf(sku)).isEqualTo(47);
        assertThat(movements(jdbc, sku, "DEDUCT")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void concurrentCancelsGiveStockBackOnce(PlacementMode strategy) throws Exception {
        HttpApi api = new HttpApi(port);
        String a = unique("CANCEL-A");
        String b = unique("CANCEL-B");
        api.createProduct(a, 10);
        api.createProduct(b, 10);
        String id = api.deduct(strategy.value(), unique("CANCEL-ORD"), a, 4, b, 6).json().get("id").asString();

        Map<Integer, Integer> statuses = race(20, 20, i -> api.post("/api/v1/deductions/" + id + "/cancel").status());

        assertThat(statuses).containsExactly(Map.entry(200, 20));
        assertThat(api.stockOf(a)).isEqualTo(10);
        assertThat(api.stockOf(b)).isEqualTo(10);
        assertThat(movements(jdbc, a, "CANCEL")).isEqualTo(1);
        assertThat(movements(jdbc, b, "CANCEL")).isEqualTo(1);
        assertLedgerMatchesStock(jdbc, a);
        assertLedgerMatchesStock(jdbc, b);
    }

    /** Runs {@code tasks} tasks on {@code threads} threads, all released by one latch; counts their statuses. */
    private static Map<Integer, Integer> race(int threads, int tasks, Race.Task<Integer> task) throws Exception {
        return Race.count(threads, tasks, task);
    }

    /** Like {@link #race}, for tasks that count several statuses each. */
    private static Map<Integer, Integer> raceCounting(int threads, int tasks, Race.Task<Map<Integer, Integer>> task)
            throws Exception {
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Race.run(threads, tasks, task).forEach(counts -> counts.forEach((status, count) ->
                statuses.merge(status, count, Integer::sum)));
        return statuses;
    }
}
