package com.example.inventory.events;

import com.example.inventory.HttpApi;
import com.example.inventory.HttpApi.Response;
import com.example.inventory.IntegrationTest;
import com.example.inventory.Race;
import com.example.inventory.TestClock;
import com.example.inventory.events.EventTap.Received;
import com.example.inventory.stock.PlacementMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.example.inventory.HttpApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event, under every strategy, as a consumer bound to the exchange receives it: exactly the crossings the
 * product's changes make, each once, with the ledger entry that made it; nothing for what rolled back; one
 * {@code stock.depleted} for a flash sale. Every message is checked against the AsyncAPI document by {@link EventTap}.
 */
@IntegrationTest
class StockEventsTests {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Duration SETTLE = Duration.ofMillis(700);

    private static EventTap tap;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HttpApi api;

    @BeforeAll
    static void bind() {
        tap = EventTap.open();
    }

    @AfterAll
    static void unbind() {
        try {
            assertThat(tap.violations()).as("every message as the AsyncAPI document says").isEmpty();
        } finally {
            tap.close();
        }
    }

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
    }

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void eachCrossingIsOneEventWithTheLedgerEntryThatMadeIt(PlacementMode mode) {
        String sku = product(10, 5);
        String strategy = mode.name().toLowerCase();
        assertThat(api.deduct(strategy, unique("ORD"), sku, 4).status()).isEqualTo(201);
        String low = unique("ORD");
        assertThat(api.deduct(strategy, low, sku, 2).status()).isEqualTo(201);
        String last = unique("ORD");
        assertThat(api.deduct(strategy, last, sku, 4).status()).isEqualTo(201);
        assertThat(api.deduct(strategy, unique("ORD"), sku, 1).status()).as("nothing left").isEqualTo(409);
        assertThat(api.post("/api/v1/products/" + sku + "/restock", "{\"quantity\":3}").status()).isEqualTo(200);
        String held = unique("RES");
        Response reserved = api.reserve(strategy, held, 600, sku, 3);
        assertThat(reserved.status()).isEqualTo(201);
        assertThat(api.decide(reserved.json().get("id").asString(), "release").status()).isEqualTo(200);
        String confirmed = unique("RES");
        Response toConfirm = api.reserve(strategy, confirmed, 600, sku, 1);
        assertThat(api.decide(toConfirm.json().get("id").asString(), "confirm").status()).isEqualTo(200);

        List<Received> events = inOrderMade(tap.await(event -> sku.equals(event.body().path("sku").asString(null)),
                6, WAIT, SETTLE));

        assertThat(events).extracting(Received::name).containsExactly("stock.low", "stock.depleted",
                "stock.restocked", "stock.replenished", "stock.depleted", "stock.replenished");
        assertThat(events.get(0).body().get("available").asInt()).isEqualTo(4);
        assertThat(events.get(0).body().get("threshold").asInt()).isEqualTo(5);
        assertThat(events.get(1).body().get("stock").asInt()).isZero();
        assertThat(events.get(1).body().get("reserved").asInt()).isZero();
        JsonNode restocked = events.get(2).body();
        assertThat(restocked.get("location").asString()).isEqualTo("DEFAULT");
        assertThat(restocked.get("quantity").asInt()).isEqualTo(3);
        assertThat(restocked.get("stock").asInt()).isEqualTo(3);
        assertThat(restocked.get("locationStock").asInt()).isEqualTo(3);
        assertThat(restocked.get("actor").asString()).isEqualTo("tests");
        assertThat(events.get(3).body().get("available").asInt()).isEqualTo(3);
        assertThat(events.get(4).body().get("stock").asInt()).isEqualTo(3);
        assertThat(events.get(4).body().get("reserved").asInt()).isEqualTo(3);
        assertThat(events.get(5).body().get("available").asInt()).isEqualTo(3);
        assertThat(events).extracting(Received::ledgerPosition)
                .containsExactly(entry(sku, "DEDUCT", low), entry(sku, "DEDUCT", last), entry(sku, "RESTOCK", null),
                        entry(sku, "RESTOCK", null), entry(sku, "RESERVE", held), entry(sku, "RELEASE", held));
        assertThat(events).extracting(Received::eventId).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void aFlashSaleOf64BuyersDepletesOnce(PlacementMode mode) throws Exception {
        String sku = product(10, 3);
        String strategy = mode.name().toLowerCase();
        Map<Integer, Integer> statuses = Race.count(64, 64,
                buyer -> api.deduct(strategy, unique("FLASH"), sku, 1).status());
        assertThat(statuses).containsEntry(201, 10).containsEntry(409, 54);

        List<Received> events = inOrderMade(tap.await(event -> sku.equals(event.body().path("sku").asString(null)),
                2, WAIT, SETTLE));

        assertThat(events).extracting(Received::name).containsExactly("stock.low", "stock.depleted");
        assertThat(events.get(1).ledgerPosition()).isEqualTo(lastEntry(sku));
    }

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void whatRollsBackPublishesNothing(PlacementMode mode) {
        String emptied = product(2, null);
        String short_ = product(1, null);
        String strategy = mode.name().toLowerCase();

        Response refused = api.deduct(strategy, unique("ORD"), emptied, 2, short_, 5);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(api.levelsOf(emptied)).containsExactly(2, 0, 2);
        assertThat(tap.await(event -> Set.of(emptied, short_).contains(event.body().path("sku").asString("")), 1,
                Duration.ofSeconds(2), Duration.ZERO)).isEmpty();
    }

    /**
     * A product kept at two locations is depleted when both are empty, not one; under the strategies that change a
     * row without locking the other (atomic, optimistic), two orders emptying both locations at once still make one
     * event.
     */
    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void aProductAtTwoLocationsIsDepletedWhenItsTotalIs(PlacementMode mode) throws Exception {
        String north = location("N");
        String south = location("S");
        String sku = unique("EVT");
        assertThat(api.post("/api/v1/products", "{\"sku\":\"" + sku + "\",\"name\":\"Two places\",\"locations\":[{"
                + "\"location\":\"" + north + "\",\"stock\":3},{\"location\":\"" + south + "\",\"stock\":3}]}")
                .status()).isEqualTo(201);
        String strategy = mode.name().toLowerCase();
        assertThat(pinned(strategy, sku, north, 3).status()).isEqualTo(201);
        assertThat(tap.await(event -> sku.equals(event.body().path("sku").asString(null)), 1,
                Duration.ofSeconds(2), Duration.ZERO)).as("one location emptied").isEmpty();
        assertThat(api.post("/api/v1/products/" + sku + "/restock", "{\"quantity\":3,\"location\":\"" + north + "\"}")
                .status()).isEqualTo(200);

        Map<Integer, Integer> statuses = Race.count(2, 2,
                index -> pinned(strategy, sku, index == 0 ? north : south, 3).status());

        assertThat(statuses).containsEntry(201, 2);
        List<Received> events = inOrderMade(tap.await(event -> sku.equals(event.body().path("sku").asString(null)),
                2, WAIT, SETTLE));
        assertThat(events).extracting(Received::name).containsExactly("stock.restocked", "stock.depleted");
        assertThat(events.get(1).ledgerPosition()).isEqualTo(lastEntry(sku));
    }

    @Test
    void aCancelledDeductionAndAnExpiredHoldAreAnnounced() {
        String sku = product(10, null);
        String deducted = unique("ORD");
        Response deduction = api.deduct(null, deducted, sku, 10);
        String deductionId = deduction.json().get("id").asString();
        assertThat(api.post("/api/v1/deductions/" + deductionId + "/cancel").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/deductions/" + deductionId + "/cancel").status()).as("once").isEqualTo(200);
        String held = unique("RES");
        String reservationId = api.reserve(null, held, 1, sku, 4).json().get("id").asString();
        TestClock.shared().advance(Duration.ofSeconds(2));

        List<Received> cancelled = tap.await(event -> deducted.equals(event.body().path("orderId").asString(null)),
                1, WAIT, SETTLE);
        List<Received> expired = tap.await(event -> held.equals(event.body().path("orderId").asString(null)), 1,
                WAIT, SETTLE);

        assertThat(cancelled).extracting(Received::name).containsExactly("deduction.cancelled");
        JsonNode body = cancelled.getFirst().body();
        assertThat(body.get("deductionId").asString()).isEqualTo(deductionId);
        assertThat(body.get("clientId").asString()).isEqualTo("tests");
        assertThat(body.get("items").get(0).get("sku").asString()).isEqualTo(sku);
        assertThat(body.get("items").get(0).get("allocations").get(0).get("quantity").asInt()).isEqualTo(10);
        assertThat(expired).extracting(Received::name).containsExactly("reservation.expired");
        assertThat(expired.getFirst().body().get("reservationId").asString()).isEqualTo(reservationId);
        assertThat(expired.getFirst().body().get("items").get(0).get("quantity").asInt()).isEqualTo(4);
        assertThat(inOrderMade(tap.ofSku(sku))).extracting(Received::name)
                .as("taken to 0 and given back: the deduction and its cancellation").containsExactly(
                        "stock.depleted", "stock.replenished");
    }

    @Test
    void creatingAProductAnnouncesNothingAndPublicationsComplete() {
        String sku = product(0, 5);
        assertThat(tap.await(event -> sku.equals(event.body().path("sku").asString(null)), 1,
                Duration.ofSeconds(2), Duration.ZERO)).isEmpty();
        api.post("/api/v1/products/" + sku + "/restock", "{\"quantity\":1}");
        List<Received> events = inOrderMade(tap.await(event -> sku.equals(event.body().path("sku").asString(null)),
                2, WAIT, SETTLE));
        assertThat(events).extracting(Received::name).containsExactly("stock.restocked", "stock.replenished");
        Set<String> ids = events.stream().map(Received::eventId).collect(Collectors.toSet());
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.sql("""
                SELECT count(*) FROM event_publication
                 WHERE completion_date IS NOT NULL AND serialized_event::jsonb ->> 'eventId' = ANY (?)""")
                .param(ids.toArray(String[]::new)).query(Long.class).single()).isEqualTo(2));
    }

    /**
     * Events are published on their own threads, so even two of one change may arrive in either order: they are
     * compared in the order they were made (ledger position, then the order one entry makes them in).
     */
    private static List<Received> inOrderMade(List<Received> events) {
        List<String> perEntry = List.of("stock.restocked", "stock.low", "stock.depleted", "stock.replenished");
        return events.stream().sorted(java.util.Comparator.comparingLong(Received::ledgerPosition)
                .thenComparing(event -> perEntry.indexOf(event.name()))).toList();
    }

    private Response pinned(String strategy, String sku, String location, int quantity) {
        return api.post("/api/v1/deductions?strategy=" + strategy, "{\"orderId\":\"" + unique("ORD")
                + "\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + ",\"location\":\"" + location
                + "\"}]}");
    }

    private String location(String prefix) {
        String code = unique(prefix).toUpperCase();
        assertThat(api.post("/api/v1/locations", "{\"code\":\"" + code + "\",\"name\":\"" + code
                + "\",\"priority\":1}").status()).isEqualTo(201);
        return code;
    }

    private String product(int stock, Integer threshold) {
        String sku = unique("EVT");
        String body = "{\"sku\":\"" + sku + "\",\"name\":\"Events\",\"stock\":" + stock
                + (threshold == null ? "" : ",\"lowStockThreshold\":" + threshold) + "}";
        assertThat(api.post("/api/v1/products", body).status()).isEqualTo(201);
        return sku;
    }

    /** The id of the product's one entry of {@code kind} for {@code reference} (any, when null: the only one). */
    private long entry(String sku, String kind, String reference) {
        return jdbc.sql("""
                SELECT m.id FROM stock_movement m JOIN product p ON p.id = m.product_id
                 WHERE p.sku = ? AND m.kind = ? AND (CAST(? AS varchar) IS NULL OR m.reference = ?)""")
                .params(sku, kind, reference, reference).query(Long.class).single();
    }

    private long lastEntry(String sku) {
        return jdbc.sql("SELECT max(m.id) FROM stock_movement m JOIN product p ON p.id = m.product_id WHERE p.sku = ?")
                .param(sku).query(Long.class).single();
    }
}
