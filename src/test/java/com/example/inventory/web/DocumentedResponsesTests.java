package com.example.inventory.web;

import com.example.inventory.HeldRow;
import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import com.example.inventory.RawHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

import javax.sql.DataSource;

import com.example.inventory.HttpApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation, on its way to success and to each failure it documents, answers what {@code /v3/api-docs} says:
 * a documented status, the documented media type and headers, a body that the documented schema accepts.
 */
@IntegrationTest
class DocumentedResponsesTests {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    HttpApi api;
    OpenApiContract contract;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
        contract = OpenApiContract.of(api);
    }

    @Test
    void productResponsesMatchTheDocument() {
        String sku = HttpApi.unique("DOC");

        conforms("POST", "/api/v1/products", api.post("/api/v1/products",
                "{\"sku\":\"" + sku + "\",\"name\":\"Doc\",\"stock\":3}"), 201);
        conforms("POST", "/api/v1/products", api.post("/api/v1/products",
                "{\"sku\":\"" + sku + "\",\"name\":\"Doc\",\"stock\":3}"), 409);
        conforms("POST", "/api/v1/products", api.post("/api/v1/products", "{\"sku\":\"-\",\"name\":\" \"}"), 400);
        conforms("POST", "/api/v1/products", api.post("/api/v1/products", "{", "application/json"), 400);
        conforms("POST", "/api/v1/products", api.post("/api/v1/products", "sku=A", "text/plain"), 415);
        conforms("GET", "/api/v1/products/" + sku, api.get("/api/v1/products/" + sku), 200);
        conforms("GET", "/api/v1/products/NOPE", api.get("/api/v1/products/NOPE-" + sku), 404);
        conforms("GET", "/api/v1/products/%5C", api.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/products/%5C")).GET()), 400);
        conforms("GET", "/api/v1/products", api.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/products")).header("Accept", "text/html").GET()), 406);
        conforms("GET", "/api/v1/products?size=3", api.get("/api/v1/products?size=3"), 200);
        conforms("GET", "/api/v1/products?size=0", api.get("/api/v1/products?size=0"), 400);
        conforms("POST", "/api/v1/products/" + sku + "/restock",
                api.post("/api/v1/products/" + sku + "/restock", "{\"quantity\":2}"), 200);
        conforms("POST", "/api/v1/products/" + sku + "/restock",
                api.post("/api/v1/products/" + sku + "/restock", "{\"quantity\":1000000000}"), 409);
        conforms("POST", "/api/v1/products/" + sku + "/restock",
                api.post("/api/v1/products/" + sku + "/restock", "{\"quantity\":0}"), 400);
        conforms("POST", "/api/v1/products/NOPE/restock",
                api.post("/api/v1/products/NOPE-" + sku + "/restock", "{\"quantity\":2}"), 404);
        api.deduct(null, HttpApi.unique("DOC"), sku, 1);
        Response movements = api.get("/api/v1/products/" + sku + "/movements");
        conforms("GET", "/api/v1/products/" + sku + "/movements", movements, 200);
        // INITIAL and RESTOCK have no reference, DEDUCT has one: both must be what the document says.
        assertThat(movements.json().get("content").valueStream().map(entry -> entry.get("reference").isNull()))
                .contains(true, false);
        conforms("GET", "/api/v1/products/NOPE/movements", api.get("/api/v1/products/NOPE-" + sku + "/movements"), 404);
    }

    @Test
    void locationResponsesMatchTheDocument() {
        String code = HttpApi.unique("DOC");
        String body = "{\"code\":\"" + code + "\",\"name\":\"Doc\",\"priority\":7}";

        conforms("POST", "/api/v1/locations", api.post("/api/v1/locations", body), 201);
        conforms("POST", "/api/v1/locations", api.post("/api/v1/locations", body), 409);
        conforms("POST", "/api/v1/locations", api.post("/api/v1/locations", "{\"code\":\"-\",\"name\":\" \"}"), 400);
        conforms("GET", "/api/v1/locations/" + code, api.get("/api/v1/locations/" + code), 200);
        conforms("GET", "/api/v1/locations/NOPE", api.get("/api/v1/locations/NOPE-" + code), 404);
        conforms("GET", "/api/v1/locations", api.get("/api/v1/locations"), 200);
    }

    @Test
    void deductionResponsesMatchTheDocument() {
        String sku = HttpApi.unique("DOC");
        api.createProduct(sku, 2);
        String orderId = HttpApi.unique("DOC");

        Response deducted = api.deduct("atomic", orderId, sku, 1);
        conforms("POST", "/api/v1/deductions", deducted, 201);
        conforms("POST", "/api/v1/deductions", api.deduct("atomic", orderId, sku, 1), 200);
        conforms("POST", "/api/v1/deductions", api.deduct(null, orderId, sku, 2), 409);
        conforms("POST", "/api/v1/deductions", api.deduct(null, HttpApi.unique("DOC"), sku, 5), 409);
        conforms("POST", "/api/v1/deductions", api.deduct(null, HttpApi.unique("DOC"), "NOPE-" + sku, 1), 404);
        conforms("POST", "/api/v1/deductions", api.deduct("nope", HttpApi.unique("DOC"), sku, 1), 400);
        String id = deducted.json().get("id").asString();
        conforms("GET", "/api/v1/deductions/" + id, api.get("/api/v1/deductions/" + id), 200);
        conforms("GET", "/api/v1/deductions/x", api.get("/api/v1/deductions/not-a-uuid"), 404);
        conforms("GET", "/api/v1/deductions?orderId=" + orderId, api.get("/api/v1/deductions?orderId=" + orderId), 200);
        conforms("GET", "/api/v1/deductions?orderId=x", api.get("/api/v1/deductions?orderId=NO-" + orderId), 404);
        conforms("GET", "/api/v1/deductions", api.get("/api/v1/deductions"), 400);
        conforms("POST", "/api/v1/deductions/" + id + "/cancel", api.post("/api/v1/deductions/" + id + "/cancel"), 200);
        conforms("POST", "/api/v1/deductions/x/cancel", api.post("/api/v1/deductions/not-a-uuid/cancel"), 404);
    }

    @Test
    void reservationResponsesMatchTheDocument() {
        String sku = HttpApi.unique("DOC");
        api.createProduct(sku, 3);
        String orderId = HttpApi.unique("DOC");

        Response reserved = api.reserve(null, orderId, 600, sku, 1);
        conforms("POST", "/api/v1/reservations", reserved, 201);
        conforms("POST", "/api/v1/reservations", api.reserve(null, orderId, 600, sku, 1), 200);
        conforms("POST", "/api/v1/reservations", api.reserve(null, HttpApi.unique("DOC"), 0, sku, 1), 400);
        conforms("POST", "/api/v1/reservations", api.reserve(null, HttpApi.unique("DOC"), null, sku, 9), 409);
        String id = reserved.json().get("id").asString();
        conforms("GET", "/api/v1/reservations/" + id, api.get("/api/v1/reservations/" + id), 200);
        conforms("GET", "/api/v1/reservations?orderId=" + orderId, api.get("/api/v1/reservations?orderId=" + orderId), 200);
        conforms("GET", "/api/v1/reservations/x", api.get("/api/v1/reservations/not-a-uuid"), 404);
        conforms("POST", "/api/v1/reservations/" + id + "/extend",
                api.post("/api/v1/reservations/" + id + "/extend", "{\"ttlSeconds\":60}"), 200);
        conforms("POST", "/api/v1/reservations/" + id + "/confirm", api.decide(id, "confirm"), 200);
        conforms("POST", "/api/v1/reservations/" + id + "/release", api.decide(id, "release"), 409);
        conforms("POST", "/api/v1/reservations/" + id + "/extend",
                api.post("/api/v1/reservations/" + id + "/extend", "{\"ttlSeconds\":60}"), 409);
        String other = api.reserve(null, HttpApi.unique("DOC"), null, sku, 1).json().get("id").asString();
        conforms("POST", "/api/v1/reservations/" + other + "/release", api.decide(other, "release"), 200);
        conforms("POST", "/api/v1/reservations/" + other + "/confirm", api.decide(other, "confirm"), 409);
    }

    /** Every lock wait is bounded, so every write can answer 503 contention: restocks, creations, extensions too. */
    @Test
    void contentionOfEveryKindOfWriteMatchesTheDocument() throws Exception {
        String sku = HttpApi.unique("DOC");
        api.createProduct(sku, 3);
        String reservation = api.reserve(null, HttpApi.unique("DOC"), 600, sku, 1).json().get("id").asString();

        try (HeldRow held = HeldRow.lock(dataSource, sku)) {
            conforms("POST", "/api/v1/products/" + sku + "/restock",
                    api.post("/api/v1/products/" + sku + "/restock", "{\"quantity\":2}"), 503);
        }
        try (HeldRow held = HeldRow.lock(dataSource, "SELECT 1 FROM reservation WHERE id = ? FOR UPDATE",
                java.util.UUID.fromString(reservation))) {
            conforms("POST", "/api/v1/reservations/" + reservation + "/extend",
                    api.post("/api/v1/reservations/" + reservation + "/extend", "{\"ttlSeconds\":60}"), 503);
        }
        String newSku = HttpApi.unique("DOC");
        try (java.sql.Connection creating = dataSource.getConnection()) {
            creating.setAutoCommit(false);
            creating.createStatement().execute("INSERT INTO product (sku, name) VALUES ('" + newSku
                    + "', 'Uncommitted')");
            Response waited = api.post("/api/v1/products", "{\"sku\":\"" + newSku + "\",\"name\":\"Doc\",\"stock\":3}");
            creating.rollback();
            conforms("POST", "/api/v1/products", waited, 503);
        }
        assertThat(api.get("/api/v1/products/" + newSku).status()).isEqualTo(404);
        assertThat(api.stockOf(sku)).isEqualTo(3);
    }

    @Test
    void problemsRefusedBeforeAnyControllerMatchTheDocument() {
        RawHttp raw = new RawHttp(port);

        RawHttp.Response tooLarge = raw.sendLarge("POST", "/api/v1/products", "{\"sku\":\"A\"", 2L * 1024 * 1024, false);
        RawHttp.Response malformed = raw.send("GET", "/api/v1/products?page=%zz", "");

        assertThat(contract.violations("POST", "/api/v1/products", tooLarge.status(), multi(tooLarge), tooLarge.body()))
                .isEmpty();
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(contract.violations("GET", "/api/v1/products", malformed.status(), multi(malformed), malformed.body()))
                .isEmpty();
        assertThat(malformed.status()).isEqualTo(400);
    }

    /**
     * Every operation with a path parameter, with a value that names nothing (following its rule or not: 404) and
     * one the server refuses outright (an encoded backslash: 400 {@code validation}), its body otherwise valid.
     */
    @Test
    void pathValuesThatNameNothingOrAreRefusedOutrightAreAnsweredAsDocumented() {
        JsonNode paths = contract.document().get("paths");
        int checked = 0;

        for (var path : paths.properties()) {
            if (!path.getKey().contains("{")) {
                continue;
            }
            for (var operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                JsonNode body = operation.getValue().path("requestBody").path("content").path("application/json")
                        .path("example");
                String wellFormed = path.getKey().contains("{sku}") ? HttpApi.unique("NOPE")
                        : java.util.UUID.randomUUID().toString();
                for (String value : List.of(wellFormed, "not-a-uuid", "x.y_z")) {
                    String target = path.getKey().replaceAll("\\{[^}]+}", value);
                    Response answer = send(method, target, body);
                    conforms(method, target, answer, 404);
                    assertThat(answer.problemType()).as(target).endsWith("not-found");
                }
                String refused = path.getKey().replaceAll("\\{[^}]+}", "%5C%C3%AC");
                Response answer = send(method, refused, body);
                conforms(method, refused, answer, 400);
                assertThat(answer.problemType()).as(refused).isEqualTo("validation");
                checked++;
            }
        }
        assertThat(checked).isEqualTo(11);
    }

    /** A media range as Content-Type is refused on every request, a body or not: the document says so everywhere. */
    @Test
    void aMediaRangeAsContentTypeIsUnsupportedAsDocumentedWithOrWithoutABody() {
        String sku = HttpApi.unique("DOC");
        api.createProduct(sku, 2);
        String id = api.deduct(null, HttpApi.unique("DOC"), sku, 1).json().get("id").asString();

        Response cancel = api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/deductions/"
                + id + "/cancel")).header("Content-Type", "*/*").POST(HttpRequest.BodyPublishers.noBody()));
        Response read = api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/products/"
                + sku)).header("Content-Type", "application/*").GET());

        conforms("POST", "/api/v1/deductions/" + id + "/cancel", cancel, 415);
        conforms("GET", "/api/v1/products/" + sku, read, 415);
        assertThat(api.get("/api/v1/deductions/" + id).json().get("status").asString()).isEqualTo("COMPLETED");
    }

    /** The refusals of what Unicode and encodings would slip past are answers the document allows. */
    @Test
    void refusedEncodingsCharsetsAndNamesMatchTheDocument() {
        String sku = HttpApi.unique("DOC");
        api.createProduct(sku, 2);
        String id = api.deduct(null, HttpApi.unique("DOC"), sku, 1).json().get("id").asString();
        String order = "{\"orderId\":\"" + HttpApi.unique("DOC") + "\",\"items\":[{\"sku\":\"" + sku
                + "\",\"quantity\":1}]}";
        String base = "http://localhost:" + port;

        conforms("POST", "/api/v1/deductions", api.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/deductions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(
                        order.getBytes(java.nio.charset.StandardCharsets.UTF_16LE)))), 400);
        conforms("POST", "/api/v1/deductions", api.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/deductions"))
                .header("Content-Type", "application/json; charset=UTF-16LE").POST(HttpRequest.BodyPublishers
                        .ofByteArray(order.getBytes(java.nio.charset.StandardCharsets.UTF_16LE)))), 415);
        conforms("POST", "/api/v1/deductions/" + id + "/cancel", api.send(HttpRequest.newBuilder(URI.create(base
                + "/api/v1/deductions/" + id + "/cancel")).header("Content-Type", "text/plain; charset=ISO-8859-1")
                .POST(HttpRequest.BodyPublishers.noBody())), 415);
        conforms("POST", "/api/v1/deductions?strategy=", api.post("/api/v1/deductions?strategy=%20atomic", order), 400);
        conforms("POST", "/api/v1/products", api.post("/api/v1/products", "{\"sku\":\"" + sku
                + "-N\",\"name\":\"\\u00a0\\u200b\",\"stock\":1}"), 400);
        for (String product : List.of("NOPE-" + sku, sku)) {
            conforms("GET", "/api/v1/products/" + product, api.send(HttpRequest.newBuilder(URI.create(base
                    + "/api/v1/products/" + product)).header("Accept", "application/problem+json").GET()),
                    product.equals(sku) ? 200 : 404);
        }
        assertThat(api.stockOf(sku)).isEqualTo(1);
    }

    @Test
    void aResponseThatDisagreesWithTheDocumentIsCaught() {
        String sku = HttpApi.unique("DOC");
        api.createProduct(sku, 1);
        Response product = api.get("/api/v1/products/" + sku);

        assertThat(contract.violations("GET", "/api/v1/products/" + sku, 200, product.raw().headers().map(),
                product.body().replace("\"stock\":1", "\"stock\":\"1\""))).isNotEmpty();
        assertThat(contract.violations("GET", "/api/v1/products/" + sku, 200, product.raw().headers().map(),
                product.body().replace("}", ",\"extra\":1}"))).isNotEmpty();
        assertThat(contract.violations("GET", "/api/v1/products/" + sku, 418, product.raw().headers().map(),
                product.body())).isNotEmpty();
        assertThat(contract.violations("GET", "/api/v1/products/" + sku, 404, product.raw().headers().map(),
                "{\"type\":\"https://inventory.example/problems/deduction-not-found\",\"title\":\"t\",\"status\":404,"
                        + "\"detail\":\"d\"}")).isNotEmpty();
    }

    private void conforms(String method, String path, Response response, int expectedStatus) {
        assertThat(response.status()).as("%s %s: %s", method, path, response).isEqualTo(expectedStatus);
        assertThat(contract.violations(method, path, response)).as("%s %s", method, path).isEmpty();
    }

    private Response send(String method, String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        return api.send(body.isMissingNode() ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private static java.util.Map<String, java.util.List<String>> multi(RawHttp.Response response) {
        java.util.Map<String, java.util.List<String>> headers = new java.util.HashMap<>();
        response.headers().forEach((name, value) -> headers.put(name, java.util.List.of(value)));
        return headers;
    }
}
