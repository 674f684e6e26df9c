package com.example.inventory.web;

import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import com.example.inventory.common.InventoryLimits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OpenApiTests {

    /** Every operation of the contract, with the problem types it documents (status → type names). */
    private static final Map<String, Map<String, List<String>>> CONTRACT = Map.ofEntries(
            Map.entry("post /api/v1/products", Map.of("400", List.of("validation"), "409", List.of("duplicate-sku"))),
            Map.entry("get /api/v1/products/{sku}", Map.of("404", List.of("product-not-found"))),
            Map.entry("patch /api/v1/products/{sku}", Map.of("400", List.of("validation"),
                    "404", List.of("product-not-found"))),
            Map.entry("get /api/v1/products", Map.of("400", List.of("validation"))),
            Map.entry("post /api/v1/products/{sku}/restock", Map.of("400", List.of("validation"), "404", List.of("product-not-found"),
                    "409", List.of("stock-limit-exceeded", "idempotency-key-in-use"),
                    "422", List.of("idempotency-key-reused"))),
            Map.entry("get /api/v1/products/{sku}/movements", Map.of("404", List.of("product-not-found"))),
            Map.entry("post /api/v1/locations", Map.of("400", List.of("validation"),
                    "409", List.of("duplicate-location"))),
            Map.entry("get /api/v1/locations", Map.of("400", List.of("validation"))),
            Map.entry("get /api/v1/locations/{code}", Map.of("404", List.of("location-not-found"))),
            Map.entry("post /api/v1/deductions", Map.of("400", List.of("validation"), "404", List.of("product-not-found"),
                    "409", List.of("insufficient-stock", "order-conflict"), "503", List.of("contention"))),
            Map.entry("get /api/v1/deductions/{id}", Map.of("404", List.of("deduction-not-found"))),
            Map.entry("get /api/v1/deductions", Map.of("404", List.of("deduction-not-found"))),
            Map.entry("post /api/v1/deductions/{id}/cancel", Map.of("404", List.of("deduction-not-found"),
                    "409", List.of("stock-limit-exceeded"), "503", List.of("contention"))),
            Map.entry("post /api/v1/reservations", Map.of("400", List.of("validation"), "404", List.of("product-not-found"),
                    "409", List.of("insufficient-stock", "order-conflict"), "503", List.of("contention"))),
            Map.entry("get /api/v1/reservations/{id}", Map.of("404", List.of("reservation-not-found"))),
            Map.entry("get /api/v1/reservations", Map.of("404", List.of("reservation-not-found"))),
            Map.entry("post /api/v1/reservations/{id}/confirm", Map.of("404", List.of("reservation-not-found"),
                    "409", List.of("reservation-expired", "reservation-released", "order-conflict"))),
            Map.entry("post /api/v1/reservations/{id}/release", Map.of("404", List.of("reservation-not-found"),
                    "409", List.of("reservation-confirmed"))),
            Map.entry("post /api/v1/reservations/{id}/extend", Map.of("400", List.of("validation"),
                    "404", List.of("reservation-not-found"),
                    "409", List.of("reservation-expired", "reservation-released", "reservation-confirmed",
                            "reservation-lifetime-exceeded"))));

    @LocalServerPort
    int port;

    HttpApi api;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
    }

    @Test
    void documentsEveryOperationWithItsProblemResponses() {
        JsonNode paths = api.get("/v3/api-docs").json().get("paths");

        CONTRACT.forEach((operation, problems) -> {
            JsonNode documented = operation(paths, operation);
            assertThat(documented).as(operation).isNotNull();
            problems.forEach((status, types) -> {
                JsonNode response = documented.get("responses").get(status);
                assertThat(response).as("%s %s", operation, status).isNotNull();
                JsonNode examples = response.get("content").get("application/problem+json").get("examples");
                types.forEach(type -> assertThat(examples.get(type)).as("%s %s %s", operation, status, type).isNotNull());
            });
        });
        JsonNode deduct = operation(paths, "post /api/v1/deductions");
        assertThat(deduct.get("responses").has("201")).isTrue();
        assertThat(deduct.get("responses").get("200").get("headers").has("Idempotent-Replayed")).isTrue();
        assertThat(deduct.get("responses").get("503").get("headers").has("Retry-After")).isTrue();
        JsonNode restock = operation(paths, "post /api/v1/products/{sku}/restock");
        assertThat(restock.get("responses").get("200").get("headers").has("Idempotent-Replayed")).isTrue();
        JsonNode key = null;
        for (JsonNode parameter : restock.get("parameters")) {
            if (parameter.get("name").asString().equals("Idempotency-Key")) {
                key = parameter;
            }
        }
        assertThat(key).as("the Idempotency-Key header").isNotNull();
        assertThat(key.get("in").asString()).isEqualTo("header");
        assertThat(key.has("required") && key.get("required").asBoolean()).as("optional").isFalse();
        assertThat(key.get("schema").get("maxLength").asInt()).isEqualTo(255);
    }

    @Test
    void documentsEveryOperationNamedInTheContract() throws IOException {
        List<String> named = new ArrayList<>(CONTRACT.keySet());
        Matcher call = Pattern.compile("`(GET|POST|PUT|PATCH|DELETE) (/api/v1/[^`?\\[ ]*)")
                .matcher(Files.readString(Path.of("docs", "api.md")));
        while (call.find()) {
            named.add(call.group(1).toLowerCase() + " " + call.group(2));
        }
        JsonNode paths = api.get("/v3/api-docs").json().get("paths");

        assertThat(named).allSatisfy(operation -> assertThat(operation(paths, operation)).as(operation).isNotNull());
    }

    @Test
    void publishesNothingButTheApi() {
        JsonNode paths = api.get("/v3/api-docs").json().get("paths");

        assertThat(paths.propertyNames()).isNotEmpty().allSatisfy(path -> assertThat(path).startsWith("/api/v1/"));
    }

    @Test
    void documentsTheRulesTheServiceApplies() {
        JsonNode document = api.get("/v3/api-docs").json();
        JsonNode schemas = document.get("components").get("schemas");

        // JSON Schema matches a pattern anywhere in a string; the service matches the whole string.
        List<String> patterns = new ArrayList<>();
        collect(document, "pattern", patterns);
        assertThat(patterns).isNotEmpty().allSatisfy(pattern -> assertThat(pattern).startsWith("^").endsWith("$"));
        assertThat(patterns).contains(InventoryLimits.KEY_PATTERN, InventoryLimits.NAME_PATTERN);
        JsonNode name = schemas.get("CreateProduct").get("properties").get("name");
        assertThat(name.get("minLength").asInt()).isEqualTo(1);
        assertThat(name.get("maxLength").asInt()).isEqualTo(InventoryLimits.MAX_NAME_LENGTH);
        assertThat(schemas.get("MovementView").get("properties").get("reference").get("type").valueStream()
                .map(JsonNode::asString)).containsExactlyInAnyOrder("string", "null");
        assertThat(schemas.get("ReservationView").get("properties").get("deductionId").get("type").valueStream()
                .map(JsonNode::asString)).containsExactlyInAnyOrder("string", "null");
        assertThat(document.get("info").get("description").asString())
                .contains(String.valueOf(InventoryLimits.MAX_BODY_BYTES));
    }

    @Test
    void everyOperationDocumentsWhatAnyOperationCanAnswer() {
        JsonNode paths = api.get("/v3/api-docs").json().get("paths");

        for (var path : paths.properties()) {
            for (var operation : path.getValue().properties()) {
                JsonNode responses = operation.getValue().get("responses");
                String name = operation.getKey() + " " + path.getKey();
                // 415 too: a media range or a charset other than UTF-8 is refused on a request without a body too.
                assertThat(responses.propertyNames()).as(name).contains("400", "406", "413", "415", "503");
                assertThat(responses.get("503").get("headers").has("Retry-After")).as(name).isTrue();
                responses.properties().stream().filter(response -> !response.getKey().startsWith("2"))
                        .forEach(problem -> assertThat(problem.getValue().get("content").propertyNames())
                                .as("%s %s", name, problem.getKey()).containsExactly("application/problem+json"));
                responses.properties().stream().filter(response -> response.getKey().startsWith("2"))
                        .forEach(success -> assertThat(success.getValue().get("content").propertyNames())
                                .as("%s %s", name, success.getKey()).containsExactly("application/json"));
            }
        }
    }

    @Test
    void everyOperationHasASummaryUnderItsFeaturesTag() {
        JsonNode document = api.get("/v3/api-docs").json();

        assertThat(document.get("tags").valueStream().map(tag -> tag.get("name").asString()))
                .containsExactly("Products", "Locations", "Deductions", "Reservations");
        assertThat(document.get("paths").propertyNames().stream().map(path -> path.split("/")[3]).distinct())
                .as("paths in the features' order").containsExactly("products", "locations", "deductions", "reservations");
        for (var path : document.get("paths").properties()) {
            String feature = path.getKey().split("/")[3];
            for (var operation : path.getValue().properties()) {
                String name = operation.getKey() + " " + path.getKey();
                assertThat(operation.getValue().path("summary").asString("")).as(name).isNotBlank();
                assertThat(operation.getValue().get("tags").valueStream().map(JsonNode::asString)).as(name)
                        .containsExactly(feature.substring(0, 1).toUpperCase() + feature.substring(1));
            }
        }
    }

    /**
     * {@code {sku}} is a SKU and {@code {id}} a UUID; a value that breaks the rule is looked up all the same (404),
     * and one the server refuses outright is a 400: every operation with a path parameter documents both.
     */
    @Test
    void everyPathParameterHasItsRuleAndItsAnswers() {
        JsonNode paths = api.get("/v3/api-docs").json().get("paths");
        int checked = 0;

        for (var path : paths.properties()) {
            for (var operation : path.getValue().properties()) {
                String name = operation.getKey() + " " + path.getKey();
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    if (!parameter.get("in").asString().equals("path")) {
                        continue;
                    }
                    JsonNode schema = parameter.get("schema");
                    assertThat(schema.has("pattern") || schema.has("format")).as("%s %s", name, parameter).isTrue();
                    switch (parameter.get("name").asString()) {
                        case "sku", "code" -> assertThat(schema.get("pattern").asString())
                                .isEqualTo(InventoryLimits.KEY_PATTERN);
                        case "id" -> assertThat(schema.get("format").asString()).isEqualTo("uuid");
                        default -> throw new AssertionError(name + ": a path parameter without a rule: " + parameter);
                    }
                    assertThat(parameter.path("description").asString("")).as(name).contains("404");
                    assertThat(operation.getValue().get("responses").propertyNames()).as(name).contains("400", "404");
                    assertThat(operation.getValue().get("responses").get("404").get("description").asString())
                            .as(name).contains("whether or not it follows its rule");
                    assertThat(operation.getValue().get("responses").get("400").get("description").asString())
                            .as(name).contains("refuses outright");
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(11);
    }

    @Test
    void everyRequestBodyHasARealisticExampleItsSchemaAccepts() {
        OpenApiContract contract = OpenApiContract.of(api);
        JsonNode paths = contract.document().get("paths");
        List<String> bodies = new ArrayList<>();

        for (var path : paths.properties()) {
            for (var operation : path.getValue().properties()) {
                JsonNode body = operation.getValue().get("requestBody");
                if (body == null) {
                    continue;
                }
                String name = operation.getKey() + " " + path.getKey();
                JsonNode media = body.get("content").get("application/json");
                assertThat(media.has("example")).as(name).isTrue();
                assertThat(contract.schemaViolations(media, media.get("example"))).as(name).isEmpty();
                bodies.add(media.get("example").toString());
            }
        }
        assertThat(bodies).hasSize(7).contains("{\"code\":\"WH-EAST\",\"name\":\"East warehouse\",\"priority\":10}",
                "{\"sku\":\"PHONE-1\",\"name\":\"Phone\",\"stock\":100}",
                "{\"orderId\":\"ORD-1001\",\"items\":[{\"sku\":\"PHONE-1\",\"quantity\":2}]}");
    }

    /** The PATCH takes a merge patch of the two members it may change, in either media type; every product shows both. */
    @Test
    void documentsThePatchAsAMergePatchOfNameAndThreshold() {
        JsonNode document = api.get("/v3/api-docs").json();
        JsonNode content = operation(document.get("paths"), "patch /api/v1/products/{sku}").get("requestBody")
                .get("content");

        assertThat(content.propertyNames()).containsExactlyInAnyOrder("application/merge-patch+json",
                "application/json");
        JsonNode schemas = document.get("components").get("schemas");
        JsonNode patch = schemas.get("ProductPatch");
        assertThat(content.get("application/merge-patch+json").get("schema").get("$ref").asString())
                .endsWith("/ProductPatch");
        assertThat(patch.get("properties").propertyNames()).containsExactlyInAnyOrder("name", "lowStockThreshold");
        assertThat(patch.has("required")).as("every member optional").isFalse();
        assertThat(patch.get("properties").get("lowStockThreshold").get("type").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("integer", "null");
        assertThat(patch.get("properties").get("name").get("maxLength").asInt())
                .isEqualTo(InventoryLimits.MAX_NAME_LENGTH);
        assertThat(schemas.get("ProductView").get("required").valueStream().map(JsonNode::asString))
                .contains("lowStockThreshold");
        assertThat(schemas.get("ProductView").get("properties").get("lowStockThreshold").get("type").valueStream()
                .map(JsonNode::asString)).containsExactlyInAnyOrder("integer", "null");
    }

    /** In Markdown, {@code *}{@code /*} outside a code span turns what follows into italics. */
    @Test
    void descriptionsSayWhatTheyMeanInMarkdown() {
        JsonNode document = api.get("/v3/api-docs").json();
        List<String> texts = new ArrayList<>();
        collect(document, "description", texts);
        collect(document, "summary", texts);

        assertThat(texts).hasSizeGreaterThan(30).allSatisfy(text -> assertThat(text.replaceAll("`[^`]*`", ""))
                .as(text).doesNotContain("*"));
        assertThat(document.get("info").get("description").asString()).contains("`*/*`");
    }

    @Test
    void swaggerUiRenders() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpResponse<String> page = client.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/swagger-ui.html")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("text/html"));
        assertThat(page.body()).contains("swagger-ui");
        assertThat(api.get("/swagger-ui/swagger-initializer.js").body()).contains("/v3/api-docs");
    }

    @Test
    void probesAreUp() {
        for (String probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpApi.Response response = api.get(probe);
            assertThat(response.status()).as(probe).isEqualTo(200);
            assertThat(response.json().get("status").asString()).as(probe).isEqualTo("UP");
        }
    }

    private static void collect(JsonNode node, String key, List<String> values) {
        if (node.isObject()) {
            for (var property : node.properties()) {
                if (property.getKey().equals(key) && property.getValue().isString()) {
                    values.add(property.getValue().asString());
                }
                collect(property.getValue(), key, values);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, key, values));
        }
    }

    /** The documented operation for {@code "method /path"}, with path variables written {@code {name}}. */
    private static JsonNode operation(JsonNode paths, String operation) {
        String[] methodAndPath = operation.split(" ", 2);
        String path = methodAndPath[1].replaceAll("\\{[^}]+}", "{}");
        for (var entry : paths.properties()) {
            if (entry.getKey().replaceAll("\\{[^}]+}", "{}").equals(path) && entry.getValue().has(methodAndPath[0])) {
                return entry.getValue().get(methodAndPath[0]);
            }
        }
        return null;
    }
}
