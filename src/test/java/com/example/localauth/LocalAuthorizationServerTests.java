package com.example.localauth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
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
        assertThat(metadata.get("authorization_endpoint").asString()).isEqualTo(server.issuer() + "/oauth2/authorize");
        assertThat(metadata.get("code_challenge_methods_supported").toString()).contains("S256");
    }

    /**
     * The stock console's sign-in, as its page does it: the authorization request (PKCE, S256) sends a browser to the
     * login form, the user's password brings it back to the console's redirect URI (on the loopback address, any port)
     * with a code, and the code with its verifier buys a token, from the console's origin (CORS). A user's token
     * carries those of the console's scopes the user holds.
     */
    @ParameterizedTest
    @EnumSource(LocalUser.class)
    void signsAConsoleUserInByTheAuthorizationCodeWithPkce(LocalUser user) throws Exception {
        Browser browser = new Browser();
        String origin = "http://127.0.0.1:45678";
        String redirectUri = origin + "/console/";
        String verifier = Browser.randomUrlSafe(48);

        HttpResponse<String> toLogin = browser.get(authorizationRequest(redirectUri, "state-1",
                Browser.challenge(verifier)));
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(toLogin.headers().firstValue("Location")).hasValue(server.issuer() + "/login");
        HttpResponse<String> form = browser.get(server.issuer() + "/login");
        assertThat(form.statusCode()).isEqualTo(200);
        HttpResponse<String> signedIn = browser.postForm(server.issuer() + "/login", "username=" + user.username()
                + "&password=" + user.password() + "&_csrf=" + Browser.csrfToken(form.body()), null);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> back = browser.get(signedIn.headers().firstValue("Location").orElseThrow());
        assertThat(back.statusCode()).isEqualTo(302);
        URI callback = URI.create(back.headers().firstValue("Location").orElseThrow());
        assertThat(callback.getScheme() + "://" + callback.getAuthority() + callback.getPath()).isEqualTo(redirectUri);
        assertThat(callback.getQuery()).contains("state=state-1");
        String code = callback.getQuery().replaceAll(".*code=([^&]*).*", "$1");

        HttpResponse<String> wrongVerifier = browser.postForm(server.tokenUrl().toString(), tokenRequest(code,
                redirectUri, Browser.randomUrlSafe(48)), origin);
        assertThat(wrongVerifier.statusCode()).as("a code is bought with its verifier only").isEqualTo(400);

        back = signInAgain(browser, redirectUri, verifier);
        code = URI.create(back.headers().firstValue("Location").orElseThrow()).getQuery()
                .replaceAll(".*code=([^&]*).*", "$1");
        HttpResponse<String> tokens = browser.postForm(server.tokenUrl().toString(), tokenRequest(code, redirectUri,
                verifier), origin);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        assertThat(tokens.headers().firstValue("Access-Control-Allow-Origin")).hasValue(origin);
        Jwt token = decoder.decode(json.readTree(tokens.body()).get("access_token").asString());
        assertThat(token.getAudience()).containsExactly("inventory");
        assertThat(token.getClaimAsString("client_id")).isEqualTo(LocalAuthorizationServer.CONSOLE_CLIENT_ID);
        assertThat(token.getSubject()).isEqualTo(user.username());
        assertThat(token.getClaims().get("scope")).isEqualTo(user == LocalUser.ADMIN
                ? "inventory.admin inventory.read" : "inventory.read");
    }

    @Test
    void refusesAConsoleAuthorizationRequestWithoutPkceOrForAnotherRedirectUri() throws Exception {
        Browser browser = new Browser();

        HttpResponse<String> withoutPkce = browser.get(authorizationRequest("http://127.0.0.1:45678/console/", "s",
                null));
        assertThat(withoutPkce.statusCode()).isEqualTo(302);
        assertThat(withoutPkce.headers().firstValue("Location").orElseThrow())
                .startsWith("http://127.0.0.1:45678/console/?error=invalid_request").contains("code_challenge");
        for (String elsewhere : new String[] {"https://console.example.com/console/", "http://127.0.0.1:45678/other/",
                "http://localhost:45678/console/"}) {
            HttpResponse<String> refused = browser.get(authorizationRequest(elsewhere, "s",
                    Browser.challenge(Browser.randomUrlSafe(48))));
            assertThat(refused.statusCode()).as(elsewhere).isEqualTo(400);
            assertThat(refused.headers().firstValue("Location")).as(elsewhere).isEmpty();
        }
        HttpResponse<String> localRun = browser.get(authorizationRequest("http://localhost:8080/console/", "s",
                Browser.challenge(Browser.randomUrlSafe(48))));
        assertThat(localRun.headers().firstValue("Location")).as("the local run's own address, exactly")
                .hasValue(server.issuer() + "/login");
    }

    @Test
    void answersTheConsolesDiscoveryFromItsOrigin() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                server.issuer() + "/.well-known/oauth-authorization-server")).header("Origin", "http://127.0.0.1:8080")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://127.0.0.1:8080");
        HttpResponse<String> foreign = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                server.issuer() + "/.well-known/oauth-authorization-server")).header("Origin", "https://evil.example")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpResponse<String> signInAgain(Browser browser, String redirectUri, String verifier) throws Exception {
        HttpResponse<String> back = browser.get(authorizationRequest(redirectUri, "state-2",
                Browser.challenge(verifier)));
        assertThat(back.statusCode()).as("signed in already: straight back with a code").isEqualTo(302);
        assertThat(back.headers().firstValue("Location").orElseThrow()).startsWith(redirectUri + "?code=");
        return back;
    }

    private String authorizationRequest(String redirectUri, String state, @Nullable String challenge) {
        return server.issuer() + "/oauth2/authorize?response_type=code&client_id="
                + LocalAuthorizationServer.CONSOLE_CLIENT_ID + "&redirect_uri=" + Browser.encode(redirectUri)
                + "&scope=" + Browser.encode("inventory.read inventory.admin") + "&state=" + state
                + (challenge == null ? "" : "&code_challenge=" + challenge + "&code_challenge_method=S256");
    }

    private static String tokenRequest(String code, String redirectUri, String verifier) {
        return "grant_type=authorization_code&code=" + Browser.encode(code) + "&redirect_uri="
                + Browser.encode(redirectUri) + "&client_id=" + LocalAuthorizationServer.CONSOLE_CLIENT_ID
                + "&code_verifier=" + verifier;
    }

    /** A browser's part of the flow: its session cookie, no redirects followed, {@code Accept: text/html}. */
    private static final class Browser {

        private static final java.security.SecureRandom random = new java.security.SecureRandom();

        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        private final java.util.Map<String, String> cookies = new java.util.LinkedHashMap<>();

        HttpResponse<String> get(String url) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET());
        }

        HttpResponse<String> postForm(String url, String form, @Nullable String origin) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
            if (origin != null) {
                request.header("Origin", origin);
            }
            return send(request);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            if (!cookies.isEmpty()) {
                request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                        .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).toList()));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            return response;
        }

        static String csrfToken(String loginPage) {
            java.util.regex.Matcher matcher = java.util.regex.Pattern
                    .compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
            assertThat(matcher.find()).as("a CSRF token in the login form").isTrue();
            return encode(matcher.group(1));
        }

        static String randomUrlSafe(int bytes) {
            byte[] value = new byte[bytes];
            random.nextBytes(value);
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(value);
        }

        static String challenge(String verifier) throws Exception {
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.security.MessageDigest
                    .getInstance("SHA-256").digest(verifier.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        }

        static String encode(String value) {
            return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
