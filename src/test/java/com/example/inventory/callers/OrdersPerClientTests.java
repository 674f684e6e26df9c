package com.example.inventory.callers;

import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import com.example.inventory.Race;
import com.example.inventory.TestIssuer;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders belong to the client that placed them: order ids are unique per client, another client's order does not
 * exist for reads, cancellations and decisions, an operator may read and cancel any, and the ledger names each
 * entry's actor.
 */
@IntegrationTest
class OrdersPerClientTests {

    @LocalServerPort
    int port;

    HttpApi api;
    HttpApi admin;
    String a;
    String b;
    HttpApi shopA;
    HttpApi shopB;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
        admin = api.as("back-office", TestIssuer.READ, TestIssuer.ADMIN);
        a = HttpApi.unique("shop-a");
        b = HttpApi.unique("shop-b");
        shopA = api.as(a, TestIssuer.READ, TestIssuer.ORDER);
        shopB = api.as(b, TestIssuer.READ, TestIssuer.ORDER);
    }

    /** The oversell through the idempotency key: two channels, one order id, both ship — both must be charged. */
    @ParameterizedTest
    @ValueSource(strings = {"pessimistic", "optimistic", "atomic", "batched"})
    void twoClientsRacingTheSameOrderIdGetTwoOrders(String strategy) throws Exception {
        String sku = HttpApi.unique("PC");
        admin.createProduct(sku, 10);
        String orderId = HttpApi.unique("ORD");
        // Operators, so that each strategy can be named; the orders are still each client's own.
        List<HttpApi> operators = List.of(api.as(a, TestIssuer.READ, TestIssuer.ORDER, TestIssuer.ADMIN),
                api.as(b, TestIssuer.READ, TestIssuer.ORDER, TestIssuer.ADMIN));

        Map<Integer, Integer> statuses = Race.count(2, 2, i -> operators.get(i).deduct(strategy, orderId, sku, 3)
                .status());

        assertThat(statuses).containsExactly(Map.entry(201, 2));
        assertThat(admin.stockOf(sku)).isEqualTo(4);
        assertThat(shopA.get("/api/v1/deductions?orderId=" + orderId).json().get("clientId").asString()).isEqualTo(a);
        assertThat(shopB.get("/api/v1/deductions?orderId=" + orderId).json().get("clientId").asString()).isEqualTo(b);
        assertThat(shopA.get("/api/v1/deductions?orderId=" + orderId).json().get("id"))
                .isNotEqualTo(shopB.get("/api/v1/deductions?orderId=" + orderId).json().get("id"));
    }

    @Test
    void anotherClientsDeductionDoesNotExistForIt() {
        String sku = HttpApi.unique("PC");
        admin.createProduct(sku, 10);
        String orderId = HttpApi.unique("ORD");
        JsonNode placed = shopA.deduct(null, orderId, sku, 2).json();
        String id = placed.get("id").asString();

        assertNotFound(shopB.get("/api/v1/deductions/" + id), "deduction-not-found");
        assertNotFound(shopB.get("/api/v1/deductions?orderId=" + orderId), "deduction-not-found");
        assertNotFound(shopB.get("/api/v1/deductions?orderId=" + orderId + "&clientId=" + a),
                "deduction-not-found");
        assertNotFound(shopB.post("/api/v1/deductions/" + id + "/cancel"), "deduction-not-found");
        assertThat(admin.stockOf(sku)).isEqualTo(8);
        assertThat(shopA.get("/api/v1/deductions/" + id).status()).isEqualTo(200);
        assertThat(placed.get("clientId").asString()).isEqualTo(a);
    }

    @Test
    void anOperatorReadsAndCancelsAnyClientsDeductionAndIsItsActor() {
        String sku = HttpApi.unique("PC");
        admin.createProduct(sku, 10);
        String orderId = HttpApi.unique("ORD");
        String id = shopA.deduct(null, orderId, sku, 2).json().get("id").asString();

        assertNotFound(admin.get("/api/v1/deductions?orderId=" + orderId), "deduction-not-found");
        HttpApi.Response found = admin.get("/api/v1/deductions?orderId=" + orderId + "&clientId=" + a);
        HttpApi.Response cancelled = admin.post("/api/v1/deductions/" + id + "/cancel");

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("id").asString()).isEqualTo(id);
        assertThat(admin.get("/api/v1/deductions/" + id).status()).isEqualTo(200);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(admin.stockOf(sku)).isEqualTo(10);
        List<String> actors = actors(sku);
        assertThat(actors).containsExactly("back-office", a, "back-office");
    }

    @Test
    void anotherClientsReservationDoesNotExistForIt() {
        String sku = HttpApi.unique("PC");
        admin.createProduct(sku, 10);
        String orderId = HttpApi.unique("ORD");
        String id = shopA.reserve(null, orderId, 600, sku, 4).json().get("id").asString();

        assertNotFound(shopB.get("/api/v1/reservations/" + id), "reservation-not-found");
        assertNotFound(shopB.get("/api/v1/reservations?orderId=" + orderId), "reservation-not-found");
        for (String action : List.of("confirm", "release")) {
            assertNotFound(shopB.decide(id, action), "reservation-not-found");
        }
        assertNotFound(shopB.post("/api/v1/reservations/" + id + "/extend", "{\"ttlSeconds\":60}"),
                "reservation-not-found");
        HttpApi operatorB = api.as(b, TestIssuer.READ, TestIssuer.ORDER, TestIssuer.ADMIN);
        assertNotFound(operatorB.decide(id, "release"), "reservation-not-found");
        assertThat(admin.levelsOf(sku)).containsExactly(10, 4, 6);
        assertThat(admin.get("/api/v1/reservations?orderId=" + orderId + "&clientId=" + a).json()
                .get("status").asString()).isEqualTo("ACTIVE");

        assertThat(shopA.decide(id, "confirm").status()).isEqualTo(200);
        JsonNode confirmed = shopA.get("/api/v1/reservations/" + id).json();
        assertThat(confirmed.get("clientId").asString()).isEqualTo(a);
        JsonNode deduction = shopA.get("/api/v1/deductions/" + confirmed.get("deductionId").asString()).json();
        assertThat(deduction.get("clientId").asString()).isEqualTo(a);
        assertThat(actors(sku)).containsExactly("back-office", a, a);
    }

    @Test
    void twoClientsMayReserveTheSameOrderId() {
        String sku = HttpApi.unique("PC");
        admin.createProduct(sku, 10);
        String orderId = HttpApi.unique("ORD");

        assertThat(shopA.reserve(null, orderId, 600, sku, 1).status()).isEqualTo(201);
        assertThat(shopB.reserve(null, orderId, 600, sku, 1).status()).isEqualTo(201);
        assertThat(shopA.reserve(null, orderId, 600, sku, 1).status()).isEqualTo(200);
        assertThat(admin.levelsOf(sku)).containsExactly(10, 2, 8);
    }

    @Test
    void restocksAndCreationsNameTheirActor() {
        String sku = HttpApi.unique("PC");
        admin.createProduct(sku, 5);

        admin.post("/api/v1/products/" + sku + "/restock", "{\"quantity\":3}");

        assertThat(actors(sku)).containsExactly("back-office", "back-office");
    }

    /** Newest first, as the ledger reads. */
    private List<String> actors(String sku) {
        JsonNode content = admin.get("/api/v1/products/" + sku + "/movements").json().get("content");
        return content.valueStream().map(entry -> entry.get("actor").asString()).toList().reversed();
    }

    private static void assertNotFound(HttpApi.Response answer, String type) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
        assertThat(answer.problemType()).isEqualTo(type);
    }
}
