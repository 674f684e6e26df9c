package com.example.inventory.web;

import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;

import com.example.inventory.HttpApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class HttpErrorTests {

    @LocalServerPort
    int port;

    HttpApi api;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
    }

    @Test
    void unknownPathIsNotFoundProblem() {
        assertProblem(api.get("/api/v1/nothing-here"), 404, "not-found");
        assertProblem(api.get("/"), 404, "not-found");
    }

    @Test
    void wrongMethodIsMethodNotAllowedProblem() {
        Response response = api.method("DELETE", "/api/v1/products");

        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.header("Allow")).isPresent();
        assertProblem(api.method("PUT", "/api/v1/products/X/restock"), 405, "method-not-allowed");
    }

    @Test
    void wrongMediaTypeIsUnsupportedMediaTypeProblem() {
        assertProblem(api.post("/api/v1/products", "sku=A", "text/plain"), 415, "unsupported-media-type");
        assertProblem(api.post("/api/v1/products", "<p/>", "application/xml"), 415, "unsupported-media-type");
    }

    @Test
    void requestsTheContainerRejectsAreProblemsToo() {
        Response response = api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/products/a%2Fb")).GET());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private static void assertProblem(Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.problemType()).isEqualTo(type);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asString()).isNotBlank();
        assertThat(response.json().get("detail").asString()).isNotBlank();
    }
}
