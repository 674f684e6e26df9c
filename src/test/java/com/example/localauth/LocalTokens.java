package com.example.localauth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens from a token endpoint by the client-credentials grant ({@code client_secret_basic}), each kept until a
 * minute before it expires: what a client of the service does, for the tests and the benchmark.
 */
public final class LocalTokens {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final URI tokenUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<LocalClient, Token> tokens = new ConcurrentHashMap<>();

    public LocalTokens(URI tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    /** A valid access token of {@code client} for all its scopes. */
    public String accessToken(LocalClient client) {
        return tokens.compute(client, (key, held) -> held != null && held.validAt(Instant.now()) ? held
                : fetch(key)).value();
    }

    /** {@code Bearer <token>}: the value of an {@code Authorization} header. */
    public String authorization(LocalClient client) {
        return "Bearer " + accessToken(client);
    }

    /** One token request with the given credentials and scope; the raw answer. */
    public HttpResponse<String> request(String clientId, String secret, String scope) {
        String credentials = Base64.getEncoder().encodeToString((clientId + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(tokenUrl).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + scope.replace(" ", "+")))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("No answer from the token endpoint " + tokenUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Token fetch(LocalClient client) {
        HttpResponse<String> response = request(client.id(), client.secret(), client.scope());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token for " + client.id() + " from " + tokenUrl + ": "
                    + response.statusCode() + " " + response.body());
        }
        JsonNode body = json.readTree(response.body());
        return new Token(body.get("access_token").asString(),
                Instant.now().plusSeconds(body.get("expires_in").asLong()).minus(MARGIN));
    }

    private record Token(String value, Instant renewAt) {

        boolean validAt(Instant now) {
            return now.isBefore(renewAt);
        }
    }
}
