package com.example.inventory.product;

import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import com.example.inventory.Race;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.example.inventory.HttpApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.example.inventory.HttpApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ProductApiTests {

    @LocalServerPort
    int port;

    HttpApi api;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
    }

    @Test
    void createsProductWithLocationAndInitialMovement() {
        String sku = unique("PHONE");
        Response created = api.post("/api/v1/products", "{\"sku\":\"" + sku + "\",\"name\":\"Phone\",\"stock\":12}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).contains("/api/v1/products/" + sku);
        JsonNode product = created.json();
        assertThat(product.get("sku").asString()).isEqualTo(sku);
        assertThat(product.get("name").asString()).isEqualTo("Phone");
        assertThat(product.get("stock").asInt()).isEqualTo(12);
        assertThat(product.get("reserved").asInt()).isZero();
        assertThat(product.get("available").asInt()).isEqualTo(12);
        assertThat(product.has("version")).isTrue();
        assertThat(product.get("updatedAt").asString()).isNotBlank();

        JsonNode movements = api.get("/api/v1/products/" + sku + "/movements").json();
        assertThat(movements.get("content")).hasSize(1);
        JsonNode initial = movements.get("content").get(0);
        assertThat(initial.get("kind").asString()).isEqualTo("INITIAL");
        assertThat(initial.get("quantity").asInt()).isEqualTo(12);
        assertThat(initial.get("stockAfter").asInt()).isEqualTo(12);
        assertThat(initial.get("sku").asString()).isEqualTo(sku);
        assertThat(initial.get("reference").isNull()).isTrue();
        assertThat(initial.has("id")).isTrue();
        assertThat(initial.has("createdAt")).isTrue();
    }

    @Test
    void productWithoutStockHasNoInitialMovement() {
        String sku = unique("EMPTY");
        api.createProduct(sku, 0);

        assertThat(api.get("/api/v1/products/" + sku + "/movements").json().get("content")).isEmpty();
    }

    @Test
    void getsProductBySku() {
        String sku = unique("GET");
        api.createProduct(sku, 3);

        Response response = api.get("/api/v1/products/" + sku);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("stock").asInt()).isEqualTo(3);
    }

    @Test
    void unknownProductIsProductNotFound() {
        Response response = api.get("/api/v1/products/NO-SUCH-SKU-1");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.problemType()).isEqualTo("product-not-found");
        assertThat(response.json().get("sku").asString()).isEqualTo("NO-SUCH-SKU-1");
        assertThat(response.json().get("title").asString()).isNotBlank();
        assertThat(response.json().get("detail").asString()).contains("NO-SUCH-SKU-1");
        assertThat(response.json().get("status").asInt()).isEqualTo(404);
    }

    @Test
    void duplicateSkuIsConflict() {
        String sku = unique("DUP");
        api.createProduct(sku, 1);

        Response response = api.post("/api/v1/products", "{\"sku\":\"" + sku + "\",\"name\":\"Again\",\"stock\":5}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.problemType()).isEqualTo("duplicate-sku");
        assertThat(response.json().get("sku").asString()).isEqualTo(sku);
        assertThat(api.stockOf(sku)).isEqualTo(1);
    }

    /**
     * Creations racing for one SKU: one product, one INITIAL entry, and the losers told 409 by the insert's answer
     * rather than by a failed statement, which the driver's layers would log as an error.
     */
    @Test
    void racingCreationsOfOneSkuMakeOneProductAndLogNoError(CapturedOutput output) throws Exception {
        String sku = unique("RACE");
        String body = "{\"sku\":\"" + sku + "\",\"name\":\"Racer\",\"stock\":7}";

        Map<Integer, Integer> statuses = Race.count(16, 16, index -> api.post("/api/v1/products", body).status());

        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1, 409, 15));
        assertThat(api.stockOf(sku)).isEqualTo(7);
        assertThat(api.get("/api/v1/products/" + sku + "/movements").json().get("content")).hasSize(1);
        assertThat(output.getAll()).doesNotContain("duplicate key value").doesNotContain("product_sku_key");
    }

    @Test
    void invalidProductsAreRejectedWithTheFieldsThatFailed() {
        assertValidation("{\"name\":\"No sku\",\"stock\":1}", "sku");
        assertValidation("{\"sku\":\"-starts-with-dash\",\"name\":\"x\",\"stock\":1}", "sku");
        assertValidation("{\"sku\":\"has space\",\"name\":\"x\",\"stock\":1}", "sku");
        assertValidation("{\"sku\":\"" + "A".repeat(65) + "\",\"name\":\"x\",\"stock\":1}", "sku");
        assertValidation("{\"sku\":\"OK-1\",\"name\":\"  \",\"stock\":1}", "name");
        assertValidation("{\"sku\":\"OK-1\",\"name\":\"x\",\"stock\":-1}", "stock");
        assertValidation("{\"sku\":\"OK-1\",\"name\":\"x\",\"stock\":1000000001}", "stock");
        assertValidation("{\"sku\":\"OK-1\",\"name\":\"x\"}", "stock");
        assertValidation("{\"sku\":\"OK-1\",\"name\":\"x\",\"stock\":1.5}", "stock");
        assertValidation("{\"sku\":\"OK-1\",\"name\":\"x\",\"stock\":\"5\"}", "stock");
        assertValidation("{\"sku\":\"OK-1\",\"name\":\"x\",\"stock\":99999999999999}", "stock");
        assertValidation("{\"sku\":123,\"name\":\"x\",\"stock\":1}", "sku");
        assertThat(api.get("/api/v1/products/OK-1").status()).isEqualTo(404);
    }

    @Test
    void malformedJsonIsValidationProblem() {
        for (String body : List.of("{\"sku\":", "not json", "", "[]", "null", "\"text\"")) {
            Response response = api.post("/api/v1/products", body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.problemType()).as(body).isEqualTo("validation");
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void listsProductsSortedBySkuInPages() {
        String prefix = unique("LIST");
        List<String> skus = new ArrayList<>();
        for (String suffix : List.of("C", "A", "B")) {
            skus.add(prefix + "-" + suffix);
            api.createProduct(prefix + "-" + suffix, 1);
        }

        Response response = api.get("/api/v1/products?page=0&size=100");

        assertThat(response.status()).isEqualTo(200);
        JsonNode page = response.json();
        List<String> listed = new ArrayList<>();
        page.get("content").forEach(product -> listed.add(product.get("sku").asString()));
        assertThat(listed).isSorted();
        assertThat(listed).containsSubsequence(prefix + "-A", prefix + "-B", prefix + "-C");
        assertThat(page.get("page").get("number").asInt()).isZero();
        assertThat(page.get("page").get("size").asInt()).isEqualTo(100);
        assertThat(page.get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(page.get("page").get("totalPages").asInt()).isGreaterThanOrEqualTo(1);

        JsonNode defaults = api.get("/api/v1/products").json();
        assertThat(defaults.get("page").get("size").asInt()).isEqualTo(20);
        JsonNode second = api.get("/api/v1/products?page=1&size=1").json();
        assertThat(second.get("content")).hasSize(1);
        assertThat(second.get("page").get("number").asInt()).isEqualTo(1);
    }

    @Test
    void invalidPagingIsValidationProblem() {
        for (String query : List.of("page=-1", "size=0", "size=101", "page=abc", "size=1.5", "page=99999999999",
                "page=2147483647&size=100", "page=21474836&size=100")) {
            Response response = api.get("/api/v1/products?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.problemType()).as(query).isEqualTo("validation");
            assertThat(response.json().get("errors")).as(query).isNotEmpty();
        }
        assertThat(api.get("/api/v1/products/ANY/movements?size=0").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/products/ANY/movements?page=2147483647").status()).isEqualTo(400);
        JsonNode last = api.get("/api/v1/products?page=21474835&size=100").json();
        assertThat(last.get("content")).as("the last page that fits is empty, not an error").isEmpty();
    }

    @Test
    void restockRaisesStockAndRecordsMovement() {
        String sku = unique("RESTOCK");
        long version = api.createProduct(sku, 5).get("version").asLong();

        Response response = api.post("/api/v1/products/" + sku + "/restock", "{\"quantity\":7}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("stock").asInt()).isEqualTo(12);
        assertThat(response.json().get("available").asInt()).isEqualTo(12);
        assertThat(response.json().get("version").asLong()).isGreaterThan(version);
        JsonNode newest = api.get("/api/v1/products/" + sku + "/movements").json().get("content").get(0);
        assertThat(newest.get("kind").asString()).isEqualTo("RESTOCK");
        assertThat(newest.get("quantity").asInt()).isEqualTo(7);
        assertThat(newest.get("stockAfter").asInt()).isEqualTo(12);
    }

    @Test
    void invalidRestocksChangeNothing() {
        String sku = unique("BADRESTOCK");
        api.createProduct(sku, 5);

        for (String body : List.of("{\"quantity\":0}", "{\"quantity\":-3}", "{}", "{\"quantity\":1.5}",
                "{\"quantity\":1000000001}", "{\"quantity\":", "{\"quantity\":\"2\"}")) {
            Response response = api.post("/api/v1/products/" + sku + "/restock", body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.problemType()).as(body).isEqualTo("validation");
        }
        assertThat(api.stockOf(sku)).isEqualTo(5);
        assertThat(api.get("/api/v1/products/" + sku + "/movements").json().get("content")).hasSize(1);
    }

    /** The request is valid; the product's state refuses it, as it refuses a cancellation with no room left. */
    @Test
    void restockBeyondTheStockLimitIsAConflictAndChangesNothing() {
        String sku = unique("FULLSTOCK");
        long version = api.createProduct(sku, 5).get("version").asLong();

        Response overLimit = api.post("/api/v1/products/" + sku + "/restock", "{\"quantity\":999999996}");

        assertThat(overLimit.status()).as(overLimit.toString()).isEqualTo(409);
        assertThat(overLimit.contentType()).startsWith("application/problem+json");
        assertThat(overLimit.problemType()).isEqualTo("stock-limit-exceeded");
        assertThat(overLimit.json().get("sku").asString()).isEqualTo(sku);
        JsonNode product = api.get("/api/v1/products/" + sku).json();
        assertThat(product.get("stock").asInt()).isEqualTo(5);
        assertThat(product.get("version").asLong()).isEqualTo(version);
        assertThat(api.get("/api/v1/products/" + sku + "/movements").json().get("content")).hasSize(1);

        Response toTheLimit = api.post("/api/v1/products/" + sku + "/restock", "{\"quantity\":999999995}");
        assertThat(toTheLimit.status()).as(toTheLimit.toString()).isEqualTo(200);
        assertThat(toTheLimit.json().get("stock").asInt()).isEqualTo(1_000_000_000);
    }

    @Test
    void restockOfUnknownProductIsNotFound() {
        Response response = api.post("/api/v1/products/NO-SUCH-SKU-2/restock", "{\"quantity\":1}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.problemType()).isEqualTo("product-not-found");
    }

    @Test
    void movementsAreNewestFirstAndPaged() {
        String sku = unique("MOVES");
        api.createProduct(sku, 1);
        for (int quantity = 1; quantity <= 3; quantity++) {
            api.post("/api/v1/products/" + sku + "/restock", "{\"quantity\":" + quantity + "}");
        }

        JsonNode page = api.get("/api/v1/products/" + sku + "/movements?page=0&size=2").json();

        assertThat(page.get("content")).hasSize(2);
        assertThat(page.get("content").get(0).get("quantity").asInt()).isEqualTo(3);
        assertThat(page.get("content").get(0).get("stockAfter").asInt()).isEqualTo(7);
        assertThat(page.get("content").get(1).get("quantity").asInt()).isEqualTo(2);
        assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(4);
        assertThat(page.get("page").get("totalPages").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/products/" + sku + "/movements").json().get("page").get("size").asInt())
                .isEqualTo(50);
    }

    @Test
    void movementsReadOnByKeysetWithoutCounting() {
        String sku = unique("KEYSET");
        String other = unique("KEYSET-OTHER");
        api.createProduct(sku, 1);
        api.createProduct(other, 1);
        for (int quantity = 1; quantity <= 4; quantity++) {
            api.post("/api/v1/products/" + sku + "/restock", "{\"quantity\":" + quantity + "}");
            api.post("/api/v1/products/" + other + "/restock", "{\"quantity\":" + quantity + "}");
        }
        String movements = "/api/v1/products/" + sku + "/movements";
        List<Long> all = ids(api.get(movements).json());
        assertThat(all).hasSize(5).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        JsonNode first = api.get(movements + "?size=2").json();
        assertThat(ids(first)).containsExactly(all.get(0), all.get(1));
        JsonNode second = api.get(movements + "?size=2&before=" + all.get(1)).json();
        assertThat(ids(second)).containsExactly(all.get(2), all.get(3));
        assertThat(second.get("content").get(0).get("quantity").asInt()).isEqualTo(2);
        assertThat(second.get("page").get("size").asInt()).isEqualTo(2);
        assertThat(second.get("page").get("number").isNull()).isTrue();
        assertThat(second.get("page").get("totalElements").isNull()).isTrue();
        assertThat(second.get("page").get("totalPages").isNull()).isTrue();
        JsonNode last = api.get(movements + "?size=2&before=" + all.get(3)).json();
        assertThat(ids(last)).containsExactly(all.get(4));
        assertThat(last.get("content").get(0).get("kind").asString()).isEqualTo("INITIAL");
        assertThat(ids(api.get(movements + "?size=2&before=" + all.get(4)).json())).isEmpty();
        assertThat(ids(api.get(movements + "?before=" + Long.MAX_VALUE).json())).isEqualTo(all);
        assertThat(ids(api.get(movements + "?before=1").json())).isEmpty();
        JsonNode emptyBefore = api.get(movements + "?before=&size=2").json();
        assertThat(emptyBefore.get("page").get("totalElements").asLong()).as("empty: no keyset").isEqualTo(5);
    }

    @Test
    void invalidKeysetIsValidationProblemNamingBefore() {
        String sku = unique("BADKEYSET");
        api.createProduct(sku, 1);
        for (String query : List.of("before=0", "before=-1", "before=abc", "before=1.5", "before=0x10", "before=%2B1",
                "before=%EF%BC%91", "before=9223372036854775808", "before=%201", "page=0&before=5",
                "page=1&before=5", "before=5&before=6")) {
            Response response = api.get("/api/v1/products/" + sku + "/movements?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.problemType()).as(query).isEqualTo("validation");
            List<String> fields = new ArrayList<>();
            response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
            assertThat(fields).as(query).containsExactly("before");
        }
        Response unknown = api.get("/api/v1/products/NO-SUCH-SKU-4/movements?before=5");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemType()).isEqualTo("product-not-found");
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("content").forEach(entry -> ids.add(entry.get("id").asLong()));
        return ids;
    }

    @Test
    void movementsOfUnknownProductAreNotFound() {
        Response response = api.get("/api/v1/products/NO-SUCH-SKU-3/movements");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.problemType()).isEqualTo("product-not-found");
    }

    private void assertValidation(String body, String field) {
        Response response = api.post("/api/v1/products", body);
        assertThat(response.status()).as(body).isEqualTo(400);
        assertThat(response.contentType()).as(body).startsWith("application/problem+json");
        assertThat(response.problemType()).as(body).isEqualTo("validation");
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).as(body).contains(field);
    }
}
