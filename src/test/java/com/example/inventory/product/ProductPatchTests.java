package com.example.inventory.product;

import com.example.inventory.HttpApi;
import com.example.inventory.HttpApi.Response;
import com.example.inventory.IntegrationTest;
import com.example.inventory.Race;
import com.example.inventory.TestIssuer;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.example.inventory.HttpApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code PATCH /api/v1/products/{sku}}: a JSON Merge Patch (RFC 7396) of a product's name and low-stock threshold,
 * over real HTTP.
 */
@IntegrationTest
class ProductPatchTests {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HttpApi api;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
    }

    @Test
    void everyProductHasALowStockThresholdNullByDefault() {
        String sku = unique("THRESHOLD");

        JsonNode created = api.createProduct(sku, 5);

        assertThat(created.has("lowStockThreshold")).isTrue();
        assertThat(created.get("lowStockThreshold").isNull()).isTrue();
        assertThat(api.get("/api/v1/products/" + sku).json().get("lowStockThreshold").isNull()).isTrue();
    }

    @Test
    void creationMayGiveALowStockThreshold() {
        String sku = unique("THRESHOLD");

        Response created = api.post("/api/v1/products", "{\"sku\":\"" + sku + "\",\"name\":\"Phone\",\"stock\":5,"
                + "\"lowStockThreshold\":3}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("lowStockThreshold").asInt()).isEqualTo(3);
        assertThat(api.get("/api/v1/products/" + sku).json().get("lowStockThreshold").asInt()).isEqualTo(3);
        for (String threshold : List.of("-1", "1000000001", "1.5", "\"3\"")) {
            Response refused = api.post("/api/v1/products", "{\"sku\":\"" + unique("THRESHOLD") + "\",\"name\":\"x\","
                    + "\"stock\":5,\"lowStockThreshold\":" + threshold + "}");
            assertThat(refused.status()).as(threshold).isEqualTo(400);
            assertThat(fields(refused)).as(threshold).containsExactly("lowStockThreshold");
        }
    }

    @Test
    void patchChangesNameAndThresholdAndMovesNoStock() {
        String sku = unique("PATCH");
        JsonNode before = api.createProduct(sku, 5);

        Response patched = patch(sku, "{\"name\":\"  Smart phone \",\"lowStockThreshold\":2}", MERGE_PATCH);

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.contentType()).startsWith("application/json");
        JsonNode product = patched.json();
        assertThat(product.get("name").asString()).as("stored stripped").isEqualTo("Smart phone");
        assertThat(product.get("lowStockThreshold").asInt()).isEqualTo(2);
        assertThat(product.get("stock").asInt()).isEqualTo(5);
        assertThat(product.get("version").asLong()).isGreaterThan(before.get("version").asLong());
        assertThat(product.get("updatedAt").asString()).isNotEqualTo(before.get("updatedAt").asString());
        assertThat(api.get("/api/v1/products/" + sku).json()).isEqualTo(product);
        assertThat(api.get("/api/v1/products/" + sku + "/movements").json().get("content")).as("no ledger entry")
                .hasSize(1);
    }

    @Test
    void anAbsentMemberStaysAndNullClearsTheThreshold() {
        String sku = unique("PATCH");
        api.createProduct(sku, 5);
        patch(sku, "{\"lowStockThreshold\":4}", MERGE_PATCH);

        JsonNode renamed = patch(sku, "{\"name\":\"Renamed\"}", MERGE_PATCH).json();
        assertThat(renamed.get("lowStockThreshold").asInt()).as("absent: unchanged").isEqualTo(4);

        JsonNode cleared = patch(sku, "{\"lowStockThreshold\":null}", MERGE_PATCH).json();
        assertThat(cleared.get("lowStockThreshold").isNull()).isTrue();
        assertThat(cleared.get("name").asString()).as("absent: unchanged").isEqualTo("Renamed");
        assertThat(cleared.get("version").asLong()).isGreaterThan(renamed.get("version").asLong());
    }

    @Test
    void aPatchThatChangesNothingLeavesTheVersion() {
        String sku = unique("PATCH");
        JsonNode before = api.createProduct(sku, 5);

        for (String body : List.of("{}", "{\"name\":\"Test " + sku + "\"}", "{\"lowStockThreshold\":null}",
                "{\"unknown\":1,\"other\":{\"deep\":[\"\\u0000\"]}}")) {
            Response answer = patch(sku, body, MERGE_PATCH);
            assertThat(answer.status()).as(body + ": " + answer).isEqualTo(200);
            assertThat(answer.json()).as(body).isEqualTo(before);
        }
    }

    @Test
    void applicationJsonIsReadAsAMergePatchTooAndOtherTypesAreUnsupported() {
        String sku = unique("PATCH");
        api.createProduct(sku, 5);

        Response json = patch(sku, "{\"lowStockThreshold\":7}", "application/json");
        assertThat(json.status()).as(json.toString()).isEqualTo(200);
        assertThat(json.json().get("lowStockThreshold").asInt()).isEqualTo(7);

        for (String type : List.of("application/json-patch+json", "text/plain", "application/x-www-form-urlencoded")) {
            Response refused = patch(sku, "{\"lowStockThreshold\":8}", type);
            assertThat(refused.status()).as(type + ": " + refused).isEqualTo(415);
            assertThat(refused.problemType()).isEqualTo("unsupported-media-type");
            assertThat(refused.header("Accept-Patch")).as(type).hasValueSatisfying(accepted -> assertThat(accepted)
                    .contains(MERGE_PATCH).contains("application/json"));
        }
        assertThat(api.get("/api/v1/products/" + sku).json().get("lowStockThreshold").asInt()).isEqualTo(7);
    }

    @Test
    void invalidPatchesAreValidationProblemsNamingTheMemberAndChangeNothing() {
        String sku = unique("PATCH");
        JsonNode before = api.createProduct(sku, 5);
        Map<String, String> refused = Map.ofEntries(
                Map.entry("{\"name\":null}", "name"),
                Map.entry("{\"name\":\"\"}", "name"),
                Map.entry("{\"name\":\" \\u00a0\\u200b \"}", "name"),
                Map.entry("{\"name\":\"" + "x".repeat(201) + "\"}", "name"),
                Map.entry("{\"name\":5}", "name"),
                Map.entry("{\"name\":\"a\\u0000b\"}", "name"),
                Map.entry("{\"lowStockThreshold\":-1}", "lowStockThreshold"),
                Map.entry("{\"lowStockThreshold\":1000000001}", "lowStockThreshold"),
                Map.entry("{\"lowStockThreshold\":1.5}", "lowStockThreshold"),
                Map.entry("{\"lowStockThreshold\":\"3\"}", "lowStockThreshold"),
                Map.entry("{\"lowStockThreshold\":\"\"}", "lowStockThreshold"),
                Map.entry("{\"lowStockThreshold\":3,\"lowStockThreshold\":4}", "lowStockThreshold"),
                Map.entry("{\"stock\":100}", "stock"),
                Map.entry("{\"reserved\":0}", "reserved"),
                Map.entry("{\"sku\":\"" + sku + "\"}", "sku"),
                Map.entry("{\"version\":0,\"name\":\"Fine\"}", "version"));

        refused.forEach((body, member) -> {
            Response answer = patch(sku, body, MERGE_PATCH);
            assertThat(answer.status()).as(body + ": " + answer).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.problemType()).as(body).isEqualTo("validation");
            assertThat(fields(answer)).as(body).isNotEmpty().containsOnly(member);
        });
        Response both = patch(sku, "{\"stock\":1,\"available\":1,\"updatedAt\":\"x\"}", MERGE_PATCH);
        assertThat(fields(both)).containsExactly("available", "stock", "updatedAt");
        assertThat(api.get("/api/v1/products/" + sku).json()).isEqualTo(before);
    }

    @Test
    void aPatchThatIsNotAJsonObjectIsAValidationProblem() {
        String sku = unique("PATCH");
        JsonNode before = api.createProduct(sku, 5);

        for (String body : List.of("[]", "null", "\"text\"", "5", "", "{\"name\":", "[{\"name\":\"x\"}]")) {
            Response answer = patch(sku, body, MERGE_PATCH);
            assertThat(answer.status()).as(body + ": " + answer).isEqualTo(400);
            assertThat(answer.problemType()).as(body).isEqualTo("validation");
        }
        assertThat(api.get("/api/v1/products/" + sku).json()).isEqualTo(before);
    }

    @Test
    void anUnknownProductIsNotFound() {
        for (String body : List.of("{}", "{\"name\":\"x\"}")) {
            Response answer = patch("NO-SUCH-SKU-PATCH", body, MERGE_PATCH);

            assertThat(answer.status()).as(body).isEqualTo(404);
            assertThat(answer.problemType()).isEqualTo("product-not-found");
            assertThat(answer.json().get("sku").asString()).isEqualTo("NO-SUCH-SKU-PATCH");
        }
    }

    @Test
    void patchingNeedsTheAdminScope() {
        String sku = unique("PATCH");
        JsonNode before = api.createProduct(sku, 5);

        Response answer = send(api.as("x", TestIssuer.READ, TestIssuer.ORDER), sku, "{\"name\":\"Mine\"}",
                MERGE_PATCH);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.problemType()).isEqualTo("forbidden");
        assertThat(answer.json().get("requiredScope").asString()).isEqualTo(TestIssuer.ADMIN);
        assertThat(send(api.anonymous(), sku, "{\"name\":\"Mine\"}", MERGE_PATCH).status()).isEqualTo(401);
        assertThat(send(api.as("admin", TestIssuer.ADMIN), sku, "{\"name\":\"Mine\"}", MERGE_PATCH).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/products/" + sku).json().get("version").asLong())
                .isEqualTo(before.get("version").asLong() + 1);
    }

    @Test
    void theDatabaseRefusesAThresholdOutOfRange() {
        String sku = unique("PATCH");
        api.createProduct(sku, 5);

        for (int threshold : List.of(-1, 1_000_000_001)) {
            assertThatThrownBy(() -> jdbc.sql("UPDATE product SET low_stock_threshold = ? WHERE sku = ?")
                    .params(threshold, sku).update()).hasMessageContaining("product_low_stock_threshold_within_limit");
        }
    }

    /**
     * Patches racing restocks of one product: the patch takes the row lock as a restock does, so neither overwrites
     * the other — every restock is counted, and the name and threshold are those of one of the patches.
     */
    @Test
    void patchesRacingRestocksLoseNoUpdate() throws Exception {
        String sku = unique("PATCH-RACE");
        api.createProduct(sku, 10);
        int restocks = 24;
        int patches = 8;

        List<Integer> statuses = Race.run(16, restocks + patches, index -> index < restocks
                ? api.post("/api/v1/products/" + sku + "/restock", "{\"quantity\":" + (index + 1) + "}").status()
                : patch(sku, "{\"name\":\"Name " + index + "\",\"lowStockThreshold\":" + index + "}", MERGE_PATCH)
                        .status());

        assertThat(statuses).containsOnly(200);
        JsonNode product = api.get("/api/v1/products/" + sku).json();
        assertThat(product.get("stock").asInt()).isEqualTo(10 + restocks * (restocks + 1) / 2);
        int threshold = product.get("lowStockThreshold").asInt();
        assertThat(threshold).isBetween(restocks, restocks + patches - 1);
        assertThat(product.get("name").asString()).as("name and threshold from the same patch")
                .isEqualTo("Name " + threshold);
        assertThat(product.get("version").asLong()).as("every change counted once")
                .isEqualTo(restocks + patches);
        assertThat(api.get("/api/v1/products/" + sku + "/movements?size=100").json().get("content"))
                .hasSize(1 + restocks);
    }

    private Response patch(String sku, String body, String contentType) {
        return send(api, sku, body, contentType);
    }

    private static Response send(HttpApi caller, String sku, String body, String contentType) {
        return caller.send(HttpRequest.newBuilder(caller.uri("/api/v1/products/" + sku))
                .header("Content-Type", contentType).method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    private static List<String> fields(Response problem) {
        List<String> fields = new ArrayList<>();
        problem.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }
}
