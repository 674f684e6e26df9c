package com.example.inventory.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import com.example.inventory.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile client can send, each sent as raw bytes over a socket: never a 500, never a write conflict for a
 * read, never data silently changed; a 400 {@code validation} naming what was wrong, a 413 for a body too large.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class HostileInputTests {

    @LocalServerPort
    int port;

    HttpApi api;
    RawHttp raw;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
        raw = new RawHttp(port);
    }

    @Test
    void malformedQueryStringIsAValidationProblemOnAnyEndpointAndLogsNoError(CapturedOutput output) {
        String sku = HttpApi.unique("Q");
        api.createProduct(sku, 5);
        String orderId = HttpApi.unique("Q");
        String order = "{\"orderId\":\"" + orderId + "\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}";
        int logged = output.getAll().length();

        List<RawHttp.Response> answers = List.of(
                raw.send("GET", "/api/v1/products?=x", ""),
                raw.send("GET", "/api/v1/products?page=%zz", ""),
                raw.send("GET", "/api/v1/deductions?orderId=caf%E9", ""),
                raw.send("GET", "/api/v1/products/" + sku + "?a=%", ""),
                raw.send("POST", "/api/v1/deductions?=x", order));

        assertThat(answers).allSatisfy(answer -> {
            assertProblem(answer, 400, "validation");
            assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("query");
        });
        assertThat(api.stockOf(sku)).isEqualTo(5);
        assertThat(api.get("/api/v1/deductions?orderId=" + orderId).status()).isEqualTo(404);
        assertThat(output.getAll().substring(logged)).doesNotContain(" ERROR ").doesNotContain("InvalidParameterException");
    }

    @Test
    void nulInAParameterIsAValidationProblemNamingItNotAConflict() {
        for (String path : List.of("/api/v1/deductions?orderId=a%00b", "/api/v1/reservations?orderId=a%00b",
                "/api/v1/products?size=1%00")) {
            RawHttp.Response answer = raw.send("GET", path, "");

            assertProblem(answer, 400, "validation");
            assertThat(answer.json().get("errors").get(0).get("field").asString())
                    .isEqualTo(path.substring(path.indexOf('?') + 1, path.indexOf('=')));
            assertThat(answer.json().get("errors").get(0).get("message").asString()).contains("NUL");
        }
    }

    @Test
    void nulInABodyStringIsAValidationProblemNamingTheField() {
        String sku = HttpApi.unique("NUL");

        RawHttp.Response product = raw.send("POST", "/api/v1/products",
                "{\"sku\":\"" + sku + "\",\"name\":\"a\\u0000b\",\"stock\":1}");
        RawHttp.Response order = raw.send("POST", "/api/v1/deductions",
                "{\"orderId\":\"a\\u0000b\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}");

        assertField(product, "name", "NUL");
        assertField(order, "orderId", "NUL");
        assertThat(api.get("/api/v1/products/" + sku).status()).isEqualTo(404);
    }

    @Test
    void loneSurrogateIsRefusedRatherThanStoredAsSomethingElse() {
        String sku = HttpApi.unique("SUR");

        assertField(raw.send("POST", "/api/v1/products", "{\"sku\":\"" + sku + "\",\"name\":\"\\ud800\",\"stock\":1}"),
                "name", "surrogate");
        assertField(raw.send("POST", "/api/v1/products", "{\"sku\":\"" + sku + "\",\"name\":\"x\\udc00y\",\"stock\":1}"),
                "name", "surrogate");
        assertField(raw.send("POST", "/api/v1/deductions", "{\"orderId\":\"O-1\",\"items\":[{\"sku\":\"\\udbff\","
                + "\"quantity\":1}]}"), "items[0].sku", "surrogate");
        assertThat(api.get("/api/v1/products/" + sku).status()).isEqualTo(404);

        // A surrogate pair is a character like any other, and comes back as it was sent.
        RawHttp.Response pair = raw.send("POST", "/api/v1/products",
                "{\"sku\":\"" + sku + "\",\"name\":\"\\ud83d\\ude00\",\"stock\":1}");
        assertThat(pair.status()).as(pair.toString()).isEqualTo(201);
        assertThat(api.get("/api/v1/products/" + sku).json().get("name").asString()).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void bodyOverTheLimitIsPayloadTooLargeBeforeItIsParsed() {
        String sku = HttpApi.unique("BIG");
        String prefix = "{\"sku\":\"" + sku + "\",\"name\":\"n\",\"stock\":1";

        assertProblem(raw.sendLarge("POST", "/api/v1/products", prefix, 10L * 1024 * 1024, false), 413,
                "payload-too-large");
        assertProblem(raw.sendLarge("POST", "/api/v1/products", prefix, 2L * 1024 * 1024, true), 413,
                "payload-too-large");
        assertProblem(raw.sendLarge("GET", "/api/v1/products", prefix, 2L * 1024 * 1024, false), 413,
                "payload-too-large");
        assertThat(api.get("/api/v1/products/" + sku).status()).isEqualTo(404);

        RawHttp.Response atTheLimit = raw.sendLarge("POST", "/api/v1/products", prefix,
                InventoryLimits.MAX_BODY_BYTES, true);
        assertThat(atTheLimit.status()).as(atTheLimit.toString()).isEqualTo(201);
    }

    @Test
    void duplicateKeysAreAValidationProblemNamingTheKey() {
        String sku = HttpApi.unique("DUP");

        assertField(raw.send("POST", "/api/v1/products", "{\"sku\":\"" + sku + "\",\"name\":\"n\",\"stock\":-1,\"stock\":1}"),
                "stock", "more than once");
        assertField(raw.send("POST", "/api/v1/deductions", "{\"orderId\":\"D-1\",\"items\":[{\"sku\":\"" + sku
                + "\",\"quantity\":1,\"quantity\":2}]}"), "items[0].quantity", "more than once");
        assertThat(api.get("/api/v1/products/" + sku).status()).isEqualTo(404);
    }

    @Test
    void traceIsMethodNotAllowedWithThePathsOwnAllowAndEchoesNothing() {
        RawHttp.Response products = raw.send("TRACE", "/api/v1/products", "", "X-Secret: trace-me");
        RawHttp.Response restock = raw.send("TRACE", "/api/v1/products/X/restock", "");

        assertProblem(products, 405, "method-not-allowed");
        assertThat(allowed(products)).contains("GET", "POST").doesNotContain("PUT", "DELETE", "PATCH", "TRACE");
        assertThat(products.body()).doesNotContain("trace-me");
        assertProblem(restock, 405, "method-not-allowed");
        assertThat(allowed(restock)).contains("POST").doesNotContain("GET", "PUT", "DELETE", "PATCH", "TRACE");
        // Every method the Allow header names is one the path answers without a 405.
        for (String method : allowed(products)) {
            assertThat(raw.send(method, "/api/v1/products", method.equals("POST") ? "{}" : "").status())
                    .as(method).isNotEqualTo(405);
        }
    }

    private static Set<String> allowed(RawHttp.Response response) {
        return Arrays.stream(response.header("Allow").orElse("").split(","))
                .map(String::strip).filter(method -> !method.isEmpty()).collect(Collectors.toSet());
    }

    private static void assertField(RawHttp.Response response, String field, String messagePart) {
        assertProblem(response, 400, "validation");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(response.json().get("errors").get(0).get("message").asString()).contains(messagePart);
    }

    private static void assertProblem(RawHttp.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        assertThat(response.problemType()).isEqualTo(type);
    }
}
