package com.example.inventory.product;

import com.example.inventory.HeldRow;
import com.example.inventory.HttpApi.Response;
import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import com.example.inventory.Race;
import com.example.inventory.RawHttp;
import com.example.inventory.TestIssuer;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.example.inventory.HttpApi.unique;
import static com.example.inventory.Ledgers.assertLedgerMatchesStock;
import static com.example.inventory.Ledgers.movements;
import static org.assertj.core.api.Assertions.assertThat;

/** Restocks with an {@code Idempotency-Key}: once per key of a client, over real HTTP against real PostgreSQL. */
@IntegrationTest
class IdempotentRestockTests {

    private static final String REPLAYED = "Idempotent-Replayed";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    RestockKeyPurge purge;

    HttpApi api;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
    }

    @Test
    void theSameKeyAndRequestAgainReplaysTheStoredAnswerAndRestocksOnce() {
        String sku = unique("IDEM");
        api.createProduct(sku, 10);
        String key = unique("key");

        Response first = restock(api, sku, key, "{\"quantity\":5}");
        Response again = restock(api, sku, key, "{ \"quantity\" : 5 }");

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.header(REPLAYED)).isEmpty();
        assertThat(first.json().get("stock").asInt()).isEqualTo(15);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.header(REPLAYED)).contains("true");
        assertThat(again.json()).as("the stored answer, version and time included").isEqualTo(first.json());
        assertThat(api.stockOf(sku)).isEqualTo(15);
        assertThat(movements(jdbc, sku, "RESTOCK")).isEqualTo(1);
        assertLedgerMatchesStock(jdbc, sku);
    }

    @Test
    void theSameKeyWithAnotherRequestIsUnprocessableAndChangesNothing() {
        String sku = unique("IDEM");
        String other = unique("IDEM");
        api.createProduct(sku, 10);
        api.createProduct(other, 10);
        String key = unique("key");
        assertThat(restock(api, sku, key, "{\"quantity\":5}").status()).isEqualTo(200);

        for (Response reused : List.of(restock(api, sku, key, "{\"quantity\":6}"),
                restock(api, other, key, "{\"quantity\":5}"))) {
            assertThat(reused.status()).as(reused.toString()).isEqualTo(422);
            assertThat(reused.problemType()).isEqualTo("idempotency-key-reused");
            assertThat(reused.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.stockOf(sku)).isEqualTo(15);
        assertThat(api.stockOf(other)).isEqualTo(10);
        assertThat(movements(jdbc, sku, "RESTOCK")).isEqualTo(1);
    }

    @Test
    void keysAreEachClientsOwn() {
        String sku = unique("IDEM");
        api.createProduct(sku, 10);
        String key = unique("key");

        Response a = restock(api.as("client-a", TestIssuer.ADMIN, TestIssuer.READ), sku, key, "{\"quantity\":5}");
        Response b = restock(api.as("client-b", TestIssuer.ADMIN, TestIssuer.READ), sku, key, "{\"quantity\":5}");

        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        assertThat(b.status()).as(b.toString()).isEqualTo(200);
        assertThat(b.header(REPLAYED)).isEmpty();
        assertThat(api.stockOf(sku)).isEqualTo(20);
        assertThat(movements(jdbc, sku, "RESTOCK")).isEqualTo(2);
    }

    @Test
    void aRestockThatFailsKeepsNoKey() {
        String sku = unique("IDEM");
        api.createProduct(sku, 999_999_999);
        String key = unique("key");

        Response refused = restock(api, sku, key, "{\"quantity\":5}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.problemType()).isEqualTo("stock-limit-exceeded");
        Response unknown = restock(api, unique("NOPE"), key, "{\"quantity\":1}");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);

        Response fits = restock(api, sku, key, "{\"quantity\":1}");
        assertThat(fits.status()).as(fits.toString()).isEqualTo(200);
        assertThat(fits.header(REPLAYED)).isEmpty();
        assertThat(api.stockOf(sku)).isEqualTo(1_000_000_000);
    }

    @Test
    void aKeyInFlightIsInUseAtOnceWithoutWaiting() throws Exception {
        String sku = unique("IDEM");
        api.createProduct(sku, 10);
        IdempotencyKey key = new IdempotencyKey(unique("key"));

        try (HeldRow inFlight = HeldRow.lock(dataSource, "SELECT pg_advisory_xact_lock(?)",
                RestockKeys.lockId(TestIssuer.TESTS, key))) {
            long started = System.nanoTime();
            Response busy = restock(api, sku, key.value(), "{\"quantity\":5}");
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(busy.status()).as(busy.toString()).isEqualTo(409);
            assertThat(busy.problemType()).isEqualTo("idempotency-key-in-use");
            assertThat(millis).as("answered without waiting for the lock timeout (2 s)").isLessThan(1_500);
        }

        Response after = restock(api, sku, key.value(), "{\"quantity\":5}");
        assertThat(after.status()).as(after.toString()).isEqualTo(200);
        assertThat(after.header(REPLAYED)).isEmpty();
        assertThat(api.stockOf(sku)).isEqualTo(15);
    }

    @Test
    void concurrentRequestsWithOneKeyRestockExactlyOnce() throws Exception {
        String sku = unique("IDEM");
        api.createProduct(sku, 10);
        String key = unique("key");
        int threads = 16;

        List<Response> answers = Race.run(threads, threads, i -> restock(api, sku, key, "{\"quantity\":7}"));

        Map<String, Long> outcomes = answers.stream().collect(java.util.stream.Collectors.groupingBy(
                IdempotentRestockTests::outcome, java.util.stream.Collectors.counting()));
        assertThat(outcomes.keySet()).as(outcomes.toString()).isSubsetOf("restocked", "replayed", "in-use");
        assertThat(outcomes.get("restocked")).as(outcomes.toString()).isEqualTo(1L);
        answers.stream().filter(answer -> answer.status() == 200).forEach(answer ->
                assertThat(answer.json().get("stock").asInt()).isEqualTo(17));
        assertThat(api.stockOf(sku)).isEqualTo(17);
        assertThat(movements(jdbc, sku, "RESTOCK")).isEqualTo(1);
        assertLedgerMatchesStock(jdbc, sku);
    }

    @Test
    void aKeyThatBreaksItsRuleIsAValidationProblemNamingTheHeader() {
        String sku = unique("IDEM");
        api.createProduct(sku, 10);
        RawHttp raw = new RawHttp(port);
        String path = "/api/v1/products/" + sku + "/restock";
        List<String[]> headers = List.of(
                new String[] {"Idempotency-Key: "},
                new String[] {"Idempotency-Key: " + "k".repeat(256)},
                new String[] {"Idempotency-Key: a b"},
                new String[] {"Idempotency-Key: caf\u00e9"},
                new String[] {"Idempotency-Key: one", "Idempotency-Key: two"},
                new String[] {"Idempotency-Key: same", "Idempotency-Key: same"});

        for (String[] lines : headers) {
            String[] all = new String[lines.length + 1];
            all[0] = RawHttp.AUTHORIZATION;
            System.arraycopy(lines, 0, all, 1, lines.length);
            RawHttp.Response refused = raw.send("POST", path, "{\"quantity\":5}", all);

            assertThat(refused.status()).as(String.join(" | ", lines) + " → " + refused).isEqualTo(400);
            assertThat(refused.problemType()).isEqualTo("validation");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        }
        assertThat(restock(api, sku, "k".repeat(255), "{\"quantity\":1}").status()).isEqualTo(200);
        assertThat(restock(api, sku, "!~" + "x".repeat(10), "{\"quantity\":1}").status()).isEqualTo(200);
        assertThat(api.stockOf(sku)).isEqualTo(12);
    }

    @Test
    void thePurgeDeletesKeysOlderThanTheRetentionOnly() {
        String sku = unique("IDEM");
        api.createProduct(sku, 10);
        String old = unique("old");
        String fresh = unique("fresh");
        restock(api, sku, old, "{\"quantity\":1}");
        restock(api, sku, fresh, "{\"quantity\":1}");
        jdbc.sql("""
                UPDATE restock_idempotency_key SET created_at = created_at - interval '24 hours 1 second'
                WHERE client_id = ? AND idempotency_key = ?""").param(TestIssuer.TESTS).param(old).update();

        assertThat(purge.purge()).isGreaterThanOrEqualTo(1);

        assertThat(keys(old)).isZero();
        assertThat(keys(fresh)).isEqualTo(1);
        assertThat(restock(api, sku, fresh, "{\"quantity\":1}").header(REPLAYED)).contains("true");
        Response afterPurge = restock(api, sku, old, "{\"quantity\":1}");
        assertThat(afterPurge.header(REPLAYED)).as("a purged key is new again").isEmpty();
        assertThat(api.stockOf(sku)).isEqualTo(13);
    }

    private int keys(String key) {
        return jdbc.sql("SELECT count(*) FROM restock_idempotency_key WHERE client_id = ? AND idempotency_key = ?")
                .param(TestIssuer.TESTS).param(key).query(Integer.class).single();
    }

    private static String outcome(Response answer) {
        if (answer.status() == 200) {
            return answer.header(REPLAYED).isPresent() ? "replayed" : "restocked";
        }
        if (answer.status() == 409 && answer.problemType().equals("idempotency-key-in-use")) {
            return "in-use";
        }
        return answer.toString();
    }

    private static Response restock(HttpApi api, String sku, String key, String body) {
        return api.send(HttpRequest.newBuilder(api.uri("/api/v1/products/" + sku + "/restock"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
