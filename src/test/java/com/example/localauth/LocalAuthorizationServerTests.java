package com.example.localauth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The local authorization server on its own, as the scripts and the jar's tests run it: each client gets by the
 * client-credentials grant a token that the issuer's own metadata and key set verify (what the service does given
 * only the issuer URI), carrying exactly the claims the service reads.
 */
class LocalAuthorizationServerTests {

    private static final JsonMapper json = JsonMapper.builder().build();

    private static LocalAuthorizationServer.Running server;
    private static LocalTokens tokens;
    private static JwtDecoder decoder;

    @BeforeAll
    static void start() {
        server = LocalAuthorizationServer.start(0);
        tokens = new LocalTokens(server.tokenUrl());
        decoder = JwtDecoders.fromIssuerLocation(server.issuer());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(LocalClient.class)
    void givesEachClientASignedTokenForTheInventoryWithItsIdAndScopes(LocalClient client) {
        Jwt token = decoder.decode(tokens.accessToken(client));

        assertThat(token.getHeaders()).containsEntry("alg", "RS256");
        assertThat(token.getIssuer()).hasToString(server.issuer());
        assertThat(token.getAudience()).containsExactly("inventory");
        assertThat(token.getClaimAsString("client_id")).isEqualTo(client.id());
        assertThat(token.getSubject()).isEqualTo(client.id());
        assertThat(token.getClaims().get("scope")).isEqualTo(String.join(" ", client.scopes().stream().sorted()
                .toList()));
        assertThat(token.getExpiresAt()).isCloseTo(Instant.now().plus(Duration.ofHours(1)), within(Duration
                .ofMinutes(1)));
    }

    @Test
    void givesATokenForPartOfTheScopesAndByClientSecretPost() throws Exception {
        LocalClient client = LocalClient.ORDER_FRONTEND;
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.tokenUrl())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=inventory.read"
                        + "&client_id=" + client.id() + "&client_secret=" + client.secret())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isBetween(3590L, 3600L);
        Jwt token = decoder.decode(body.get("access_token").asString());
        assertThat(token.getClaims().get("scope")).isEqualTo("inventory.read");
        assertThat(token.getClaimAsString("client_id")).isEqualTo(client.id());
    }

    @Test
    void refusesAWrongSecretWith401() {
        HttpResponse<String> response = tokens.request("order-frontend", "not-the-secret", "inventory.read");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json.readTree(response.body()).get("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void refusesAScopeTheClientIsNotRegisteredFor() {
        LocalClient storefront = LocalClient.STOREFRONT;
        HttpResponse<String> response = tokens.request(storefront.id(), storefront.secret(),
                "inventory.read inventory.admin");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("error").asString()).isEqualTo("invalid_scope");
    }

    @Test
    void servesItsMetadataAtTheWellKnownAddressForAnIssuerUri() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                server.issuer() + "/.well-known/oauth-authorization-server")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode metadata = json.readTree(response.body());
        assertThat(metadata.get("issuer").asString()).isEqualTo(server.issuer());
        assertThat(metadata.get("token_endpoint").asString()).isEqualTo(server.tokenUrl().toString());
        assertThat(metadata.get("jwks_uri").asString()).isEqualTo(server.issuer() + "/oauth2/jwks");
        assertThat(List.of(LocalClient.values())).hasSize(4);
    }
}
