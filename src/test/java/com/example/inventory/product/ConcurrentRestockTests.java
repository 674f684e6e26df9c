package com.example.inventory.product;

import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.example.inventory.HttpApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ConcurrentRestockTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void concurrentRestocksNeverLoseAnUpdate() throws Exception {
        HttpApi api = new HttpApi(port);
        String sku = unique("RESTOCK-RACE");
        api.createProduct(sku, 10);
        int threads = 50;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();

        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 1; i <= threads; i++) {
                int quantity = i;
                statuses.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/v1/products/" + sku + "/restock", "{\"quantity\":" + quantity + "}").status();
                }));
            }
            start.countDown();
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        }

        int expected = 10 + threads * (threads + 1) / 2;
        assertThat(api.stockOf(sku)).isEqualTo(expected);
        Integer restocks = jdbc.sql("""
                SELECT count(*) FROM stock_movement m JOIN product p ON p.id = m.product_id
                WHERE p.sku = ? AND m.kind = 'RESTOCK'""").param(sku).query(Integer.class).single();
        assertThat(restocks).isEqualTo(threads);
        Integer ledgerSum = jdbc.sql("""
                SELECT sum(CASE WHEN m.kind IN ('INITIAL', 'RESTOCK') THEN m.quantity ELSE -m.quantity END)
                FROM stock_movement m JOIN product p ON p.id = m.product_id WHERE p.sku = ?""")
                .param(sku).query(Integer.class).single();
        assertThat(ledgerSum).isEqualTo(expected);
        List<Integer> stockAfterNewestFirst = jdbc.sql("""
                SELECT m.stock_after FROM stock_movement m JOIN product p ON p.id = m.product_id
                WHERE p.sku = ? ORDER BY m.id DESC""").param(sku).query(Integer.class).list();
        assertThat(stockAfterNewestFirst.getFirst()).isEqualTo(expected);
        assertThat(stockAfterNewestFirst).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    }
}
