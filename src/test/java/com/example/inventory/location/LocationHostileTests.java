package com.example.inventory.location;

import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import com.example.inventory.location.LocationApi.Row;
import com.example.inventory.location.LocationApi.Take;
import com.example.inventory.stock.PlacementMode;
import java.util.List;
import java.util.Map;

import com.example.inventory.HttpApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.example.inventory.HttpApi.unique;
import static com.example.inventory.location.LocationApi.allocationsOf;
import static com.example.inventory.location.LocationApi.at;
import static com.example.inventory.location.LocationApi.line;
import static com.example.inventory.location.LocationApi.pinned;
import static com.example.inventory.location.LocationApi.rowsOf;
import static com.example.inventory.location.LocationApi.unknownLocation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Stock per location against what a careless or hostile caller sends: unknown locations anywhere, lines pinned where
 * the product has no row, product bodies that break the {@code stock} / {@code locations} rules, codes outside the
 * alphabet; each refused with its exact problem and nothing changed. And a caller that never names a location sees
 * v1.1 exactly, plus the one {@code DEFAULT} row.
 */
@IntegrationTest
class LocationHostileTests {

    @LocalServerPort
    int port;

    LocationApi api;

    @BeforeEach
    void setUp() {
        api = new LocationApi(new HttpApi(port));
    }

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void aLinePinnedToAnUnknownLocationIsNotFoundAndChangesNothing(PlacementMode strategy) {
        String a = api.locations(501).getFirst();
        String sku = api.newProduct(at(a, 5));
        String other = api.newProduct(at(a, 5));
        String nowhere = unknownLocation();
        Map<String, Row> rows = api.rows(sku);
        int entries = api.movements(sku).size();

        String deduction = unique("ORD");
        assertNotFound(api.deduct(strategy.value(), deduction, pinned(sku, 1, nowhere)), nowhere);
        assertNotFound(api.deduct(strategy.value(), unique("ORD"), line(other, 1), pinned(sku, 1, nowhere)), nowhere);
        assertNotFound(api.deduct(strategy.value(), unique("ORD"), pinned(sku, 1, "default")), "default");
        String reservation = unique("RES");
        assertNotFound(api.reserve(strategy.value(), reservation, 600, pinned(sku, 1, nowhere)), nowhere);
        assertNotFound(api.reserve(strategy.value(), unique("RES"), 600, line(other, 1), pinned(sku, 1, nowhere)),
                nowhere);

        assertThat(api.rows(sku)).isEqualTo(rows);
        assertThat(api.rows(other)).containsExactly(entry(a, new Row(5, 0, 5)));
        assertThat(api.movements(sku)).hasSize(entries);
        assertThat(api.movements(other)).hasSize(1);
        assertThat(api.http().get("/api/v1/deductions?orderId=" + deduction).status()).isEqualTo(404);
        assertThat(api.http().get("/api/v1/reservations?orderId=" + reservation).status()).isEqualTo(404);
        assertThat(api.http().get("/api/v1/locations/" + nowhere).status()).as("not created either").isEqualTo(404);
    }

    @Test
    void aRestockToAnUnknownLocationIsNotFoundAndChangesNothing() {
        String a = api.locations(502).getFirst();
        String sku = api.newProduct(at(a, 5));
        JsonNode before = api.view(sku);
        String nowhere = unknownLocation();

        assertNotFound(api.restock(sku, nowhere, 3), nowhere);
        assertNotFound(api.restock(sku, "default", 3), "default");

        assertThat(api.view(sku)).isEqualTo(before);
        assertThat(api.movements(sku)).hasSize(1);
        assertThat(api.http().get("/api/v1/locations/" + nowhere).status()).isEqualTo(404);
    }

    @Test
    void aProductNamingAnUnknownLocationIsNotFoundAndNotCreated() {
        String a = api.locations(503).getFirst();
        String nowhere = unknownLocation();
        String sku = unique("LOC");

        assertNotFound(api.postProduct(sku, at(a, 5), at(nowhere, 1)), nowhere);
        assertNotFound(api.postProduct(sku, at(nowhere, 0)), nowhere);

        assertThat(api.http().get("/api/v1/products/" + sku).status()).isEqualTo(404);
        assertThat(api.postProduct(sku, at(a, 5)).status()).as("the SKU stays free").isEqualTo(201);
    }

    /**
     * A location that exists but where the product has no row holds none of it: a line pinned there is short of
     * everything it asks, {@code DEFAULT} included for a product created with {@code locations}; no row is created.
     */
    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void aLinePinnedWhereTheProductHasNoRowIsInsufficientStockWithNoneAvailable(PlacementMode strategy) {
        List<String> codes = api.locations(511, 512);
        String a = codes.get(0);
        String b = codes.get(1);
        String sku = api.newProduct(at(a, 5));

        assertShort(api.deduct(strategy.value(), unique("ORD"), pinned(sku, 1, b)), sku, 1);
        assertShort(api.deduct(strategy.value(), unique("ORD"), pinned(sku, 2, "DEFAULT")), sku, 2);
        assertShort(api.reserve(strategy.value(), unique("RES"), 600, pinned(sku, 1, b)), sku, 1);

        assertThat(api.rows(sku)).as("no row created").containsExactly(entry(a, new Row(5, 0, 5)));
        assertThat(api.movements(sku)).hasSize(1);
    }

    @Test
    void productBodiesThatBreakTheStockOrLocationsRulesAreValidationProblems() {
        List<String> codes = api.locations(521, 522);
        String a = codes.get(0);
        String b = codes.get(1);
        String sku = unique("LOC");
        String head = "{\"sku\":\"" + sku + "\",\"name\":\"x\"";

        for (String body : List.of(
                head + ",\"stock\":5,\"locations\":[{\"location\":\"" + a + "\",\"stock\":5}]}",
                head + ",\"stock\":0,\"locations\":[{\"location\":\"" + a + "\",\"stock\":0}]}",
                head + "}",
                head + ",\"locations\":null}",
                head + ",\"locations\":[]}",
                head + ",\"locations\":{}}",
                head + ",\"locations\":[null]}",
                head + ",\"locations\":[{\"location\":\"" + a + "\",\"stock\":1},{\"location\":\"" + a
                        + "\",\"stock\":2}]}",
                head + ",\"locations\":[{\"location\":\"" + a + "\",\"stock\":1},{\"location\":\"" + b
                        + "\",\"stock\":2},{\"location\":\"" + a + "\",\"stock\":0}]}",
                head + ",\"locations\":[{\"stock\":1}]}",
                head + ",\"locations\":[{\"location\":\"" + a + "\"}]}",
                head + ",\"locations\":[{\"location\":\"" + a + "\",\"stock\":-1}]}",
                head + ",\"locations\":[{\"location\":\"" + a + "\",\"stock\":1000000001}]}",
                head + ",\"locations\":[{\"location\":\"" + a + "\",\"stock\":1.5}]}",
                head + ",\"locations\":[{\"location\":\"" + a + "\",\"stock\":\"5\"}]}",
                head + ",\"locations\":[{\"location\":\"" + a + "\",\"stock\":600000000},{\"location\":\"" + b
                        + "\",\"stock\":600000000}]}",
                head + ",\"locations\":[{\"location\":\"\",\"stock\":1}]}",
                head + ",\"locations\":[{\"location\":\"has space\",\"stock\":1}]}",
                head + ",\"locations\":[{\"location\":\"-starts-with-dash\",\"stock\":1}]}",
                head + ",\"locations\":[{\"location\":\"" + "L".repeat(65) + "\",\"stock\":1}]}",
                head + ",\"locations\":[{\"location\":5,\"stock\":1}]}")) {
            assertValidation(api.http().post("/api/v1/products", body), body);
        }

        assertThat(api.http().get("/api/v1/products/" + sku).status()).as("nothing created").isEqualTo(404);
        assertThat(api.postProduct(sku, at(a, 1_000_000_000)).status()).as("the bound itself is fine").isEqualTo(201);
    }

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void locationCodesOutsideTheAlphabetInOrdersAndRestocksAreValidationProblems(PlacementMode strategy) {
        String a = api.locations(531).getFirst();
        String sku = api.newProduct(at(a, 5));
        JsonNode before = api.view(sku);
        String query = "?strategy=" + strategy.value();

        for (String location : List.of("\"\"", "\"has space\"", "\"-starts-with-dash\"",
                "\"" + "L".repeat(65) + "\"", "5", "{}", "[\"" + a + "\"]")) {
            String item = "{\"sku\":\"" + sku + "\",\"quantity\":1,\"location\":" + location + "}";
            String deduction = "{\"orderId\":\"" + unique("ORD") + "\",\"items\":[" + item + "]}";
            assertValidation(api.http().post("/api/v1/deductions" + query, deduction), deduction);
            String reservation = "{\"orderId\":\"" + unique("RES") + "\",\"items\":[" + item + "],\"ttlSeconds\":60}";
            assertValidation(api.http().post("/api/v1/reservations" + query, reservation), reservation);
            String restock = "{\"quantity\":1,\"location\":" + location + "}";
            assertValidation(api.http().post("/api/v1/products/" + sku + "/restock", restock), restock);
        }

        assertThat(api.view(sku)).isEqualTo(before);
        assertThat(api.movements(sku)).hasSize(1);
    }

    /**
     * A caller that names no location anywhere sees v1.1: its product has exactly one row, {@code DEFAULT} (a product
     * created with stock 0 too), and its lines show {@code "location": null} and all their units from {@code DEFAULT}.
     */
    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void aCallerThatNamesNoLocationSeesVersionOnePointOneWithOneDefaultRow(PlacementMode strategy) {
        HttpApi v11 = api.http();
        String sku = unique("V11");
        JsonNode created = v11.createProduct(sku, 5);
        assertThat(created.propertyNames()).containsExactlyInAnyOrder("sku", "name", "stock", "reserved", "available",
                "lowStockThreshold", "locations", "version", "updatedAt");
        assertThat(rowsOf(created)).containsExactly(entry("DEFAULT", new Row(5, 0, 5)));
        String empty = unique("V11-EMPTY");
        assertThat(rowsOf(v11.createProduct(empty, 0))).as("even of stock 0")
                .containsExactly(entry("DEFAULT", new Row(0, 0, 0)));

        Response deducted = v11.deduct(strategy.value(), unique("ORD"), sku, 2);
        assertThat(deducted.status()).as(deducted.toString()).isEqualTo(201);
        JsonNode item = deducted.json().get("items").get(0);
        assertThat(item.propertyNames()).containsExactlyInAnyOrder("sku", "quantity", "location", "allocations");
        assertThat(item.get("location").isNull()).isTrue();
        assertThat(allocationsOf(deducted.json())).containsExactly(List.of(new Take("DEFAULT", 2)));
        assertThat(item.get("allocations").get(0).propertyNames()).containsExactlyInAnyOrder("location", "quantity");

        Response reserved = v11.reserve(strategy.value(), unique("RES"), 600, sku, 1);
        assertThat(reserved.status()).as(reserved.toString()).isEqualTo(201);
        assertThat(reserved.json().get("items").get(0).get("location").isNull()).isTrue();
        assertThat(allocationsOf(reserved.json())).containsExactly(List.of(new Take("DEFAULT", 1)));

        Response refused = v11.deduct(strategy.value(), unique("ORD"), sku, 3);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemType()).isEqualTo("insufficient-stock");
        assertThat(refused.json().get("available").asInt()).isEqualTo(2);

        assertThat(v11.post("/api/v1/products/" + sku + "/restock", "{\"quantity\":4}").status()).isEqualTo(200);
        assertThat(api.rows(sku)).containsExactly(entry("DEFAULT", new Row(7, 1, 6)));
        assertThat(v11.levelsOf(sku)).containsExactly(7, 1, 6);
        assertThat(api.movements(sku)).extracting(entry -> entry.get("location").asString()).containsOnly("DEFAULT");
        assertThat(allocationsOf(api.deduct(strategy.value(), unique("ORD"), pinned(sku, 1, "DEFAULT")).json()))
                .as("DEFAULT may be named, as any location").containsExactly(List.of(new Take("DEFAULT", 1)));
        api.assertLedgerMatchesRows(sku);
        api.assertLedgerMatchesRows(empty);
    }

    private static void assertNotFound(Response response, String location) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.problemType()).isEqualTo("location-not-found");
        assertThat(response.json().get("location").asString()).isEqualTo(location);
    }

    private static void assertShort(Response response, String sku, int requested) {
        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.problemType()).isEqualTo("insufficient-stock");
        assertThat(response.json().get("sku").asString()).isEqualTo(sku);
        assertThat(response.json().get("requested").asInt()).isEqualTo(requested);
        assertThat(response.json().get("available").asInt()).isZero();
    }

    private static void assertValidation(Response response, String body) {
        assertThat(response.status()).as("%s → %s", body, response).isEqualTo(400);
        assertThat(response.contentType()).as(body).startsWith("application/problem+json");
        assertThat(response.problemType()).as(body).isEqualTo("validation");
    }
}
