package com.example.inventory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small real-HTTP client for the tests: what a curl user or another service sends, byte for byte. It speaks with a
 * bearer token: by default the tests' own client with every scope ({@link TestIssuer#allScopes()}); {@link #as}
 * another, {@link #anonymous()} none.
 */
public final class HttpApi {

    private static final JsonMapper json = JsonMapper.builder().build();

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final Supplier<@Nullable String> authorization;

    public HttpApi(int port) {
        this("http://localhost:" + port, bearer(TestIssuer.allScopes()));
    }

    /** A client that sends {@code authorization} (e.g. {@code Bearer …}, asked anew per request) as its header. */
    public HttpApi(int port, Supplier<@Nullable String> authorization) {
        this("http://localhost:" + port, authorization);
    }

    private HttpApi(String base, Supplier<@Nullable String> authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** The same service, called with {@code token} ({@code Authorization: Bearer …}). */
    public HttpApi as(String token) {
        return new HttpApi(base, bearer(token));
    }

    /** The same service, called as {@code client} with {@code scopes}, by a token of {@link TestIssuer}. */
    public HttpApi as(String client, String... scopes) {
        return as(TestIssuer.token(client, scopes));
    }

    /** The same service, called without a token. */
    public HttpApi anonymous() {
        return new HttpApi(base, () -> null);
    }

    private static Supplier<@Nullable String> bearer(String token) {
        String header = "Bearer " + token;
        return () -> header;
    }

    /** A unique name for a test's own SKUs and order ids. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Response post(String path, String body) {
        return post(path, body, "application/json");
    }

    public Response post(String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response post(String path) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Response method(String method, String path) {
        return send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    public Response send(HttpRequest.Builder request) {
        String header = authorization.get();
        if (header != null) {
            request.setHeader("Authorization", header);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a product and fails unless the service answers 201. */
    public JsonNode createProduct(String sku, int stock) {
        Response response = post("/api/v1/products",
                "{\"sku\":\"" + sku + "\",\"name\":\"Test " + sku + "\",\"stock\":" + stock + "}");
        if (response.status() != 201) {
            throw new IllegalStateException("Could not create " + sku + ": " + response);
        }
        return response.json();
    }

    /** {@code POST /api/v1/deductions[?strategy=…]} for {@code sku:quantity} pairs. */
    public Response deduct(String strategy, String orderId, Object... skuQuantityPairs) {
        String query = strategy == null ? "" : "?strategy=" + strategy;
        return post("/api/v1/deductions" + query, "{\"orderId\":\"" + orderId + "\",\"items\":["
                + items(skuQuantityPairs) + "]}");
    }

    /** {@code POST /api/v1/reservations[?strategy=…]} for {@code sku:quantity} pairs; {@code ttlSeconds} if not null. */
    public Response reserve(String strategy, String orderId, Integer ttlSeconds, Object... skuQuantityPairs) {
        String query = strategy == null ? "" : "?strategy=" + strategy;
        String ttl = ttlSeconds == null ? "" : ",\"ttlSeconds\":" + ttlSeconds;
        return post("/api/v1/reservations" + query, "{\"orderId\":\"" + orderId + "\",\"items\":["
                + items(skuQuantityPairs) + "]" + ttl + "}");
    }

    /** {@code POST /api/v1/reservations/{id}/{action}}: confirm or release. */
    public Response decide(String reservationId, String action) {
        return post("/api/v1/reservations/" + reservationId + "/" + action);
    }

    private static String items(Object... skuQuantityPairs) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < skuQuantityPairs.length; i += 2) {
            items.append(i == 0 ? "" : ",").append("{\"sku\":\"").append(skuQuantityPairs[i])
                    .append("\",\"quantity\":").append(skuQuantityPairs[i + 1]).append('}');
        }
        return items.toString();
    }

    public int stockOf(String sku) {
        return get("/api/v1/products/" + sku).json().get("stock").asInt();
    }

    /** {stock, reserved, available} of a product, as the API shows it. */
    public int[] levelsOf(String sku) {
        JsonNode product = get("/api/v1/products/" + sku).json();
        return new int[] {product.get("stock").asInt(), product.get("reserved").asInt(),
                product.get("available").asInt()};
    }

    /** The address of {@code path} on this service. */
    public URI uri(String path) {
        return URI.create(base + path);
    }

    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            return json.readTree(raw.body());
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        /** The problem type's name, e.g. {@code insufficient-stock}. */
        public String problemType() {
            String type = json().get("type").asString();
            return type.substring(type.lastIndexOf('/') + 1);
        }

        @Override
        public String toString() {
            return status() + " " + body();
        }
    }
}
