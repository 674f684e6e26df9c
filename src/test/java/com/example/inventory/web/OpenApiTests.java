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
            Map.entry("get /api/v1/products", Map.of("400", List.of("validation"))),
            Map.entry("post /api/v1/products/{sku}/restock", Map.of("400", List.of("validation"), "404", List.of("product-not-found"),
                    "409", List.of("stock-limit-exceeded"))),
            Map.entry("get /api/v1/products/{sku}/movements", Map.of("404", List.of("product-not-found"))),
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
                    "409", List.of("reservation-expired", "reservation-released", "reservation-confirmed"))));

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
                assertThat(responses.propertyNames()).as(name).contains("400", "406", "413", "503");
                if (operation.getValue().has("requestBody")) {
                    assertThat(responses.propertyNames()).as(name).contains("415");
                }
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
