package com.example.inventory.deduction;

import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import com.example.inventory.ServiceInstance;
import com.example.inventory.stock.PlacementMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.example.inventory.HttpApi.unique;
import static com.example.inventory.Ledgers.assertLedgerMatchesStock;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service on one database, hammering the same products at once with different strategies:
 * the batched strategy's batches and the other strategies' transactions all lock rows in ascending id order, so no
 * deadlock, no timeout, no lost update.
 */
@IntegrationTest
class TwoInstancesTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void batchedAndOtherStrategiesOnTwoInstancesShareHotProductsSafely() throws Exception {
        String a = unique("TWO-A");
        String b = unique("TWO-B");
        String c = unique("TWO-C");
        HttpApi first = new HttpApi(port);
        for (String sku : List.of(a, b, c)) {
            first.createProduct(sku, 1_000_000);
        }

        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Map<String, Integer> taken = new ConcurrentHashMap<>();
        try (ServiceInstance second = ServiceInstance.start()) {
            List<HttpApi> instances = List.of(first, second.api());
            List<PlacementMode> strategies = List.of(PlacementMode.BATCHED, PlacementMode.PESSIMISTIC, PlacementMode.ATOMIC);
            int threads = 24;
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                for (int t = 0; t < threads; t++) {
                    HttpApi api = instances.get(t % 2);
                    PlacementMode strategy = t % 4 < 2 ? PlacementMode.BATCHED : strategies.get(1 + (t / 4) % 2);
                    int thread = t;
                    done.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < 25; i++) {
                            Object[] lines = switch ((thread + i) % 3) {
                                case 0 -> new Object[] {a, 1, b, 2};
                                case 1 -> new Object[] {b, 2, a, 1, c, 3};
                                default -> new Object[] {c, 3};
                            };
                            int status = api.deduct(strategy.value(), unique("TWO"), lines).status();
                            statuses.merge(status, 1, Integer::sum);
                            if (status == 201) {
                                for (int l = 0; l < lines.length; l += 2) {
                                    taken.merge((String) lines[l], (Integer) lines[l + 1], Integer::sum);
                                }
                            }
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> future : done) {
                    future.get();
                }
            }
        }

        assertThat(statuses).as("no deadlock, no timeout, no error").containsOnlyKeys(201);
        assertThat(statuses.get(201)).isEqualTo(24 * 25);
        for (String sku : List.of(a, b, c)) {
            assertThat(first.stockOf(sku)).as(sku).isEqualTo(1_000_000 - taken.getOrDefault(sku, 0));
            assertLedgerMatchesStock(jdbc, sku);
        }
    }
}
