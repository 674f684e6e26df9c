package com.example.inventory.web.security;

import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import com.example.inventory.TestIssuer;
import com.example.inventory.web.OpenApiContract;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the OpenAPI document (so a new endpoint cannot be forgotten), called with every kind of bad
 * token, without its scope, and with exactly its scope: the exact status and problem type, each answer held to the
 * document, and no token ever in the log.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class EveryOperationAuthenticationTests {

    /** A token the service must refuse, and why. */
    private record BadToken(String why, String token) {
    }

    @LocalServerPort
    int port;

    HttpApi api;
    OpenApiContract contract;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
        contract = OpenApiContract.of(api.anonymous());
    }

    @TestFactory
    Stream<DynamicTest> everyOperation(CapturedOutput output) {
        JsonNode paths = api.anonymous().get("/v3/api-docs").json().get("paths");
        List<BadToken> badTokens = badTokens();
        List<DynamicTest> tests = new ArrayList<>();
        for (var path : paths.properties()) {
            for (var entry : path.getValue().properties()) {
                String method = entry.getKey().toUpperCase(Locale.ROOT);
                JsonNode operation = entry.getValue();
                String target = concrete(path.getKey());
                List<String> scopes = new ArrayList<>();
                operation.get("security").get(0).get("bearerAuth").forEach(scope -> scopes.add(scope.asString()));
                assertThat(scopes).as("%s %s needs a scope", method, path.getKey()).isNotEmpty();
                String name = method + " " + path.getKey();

                tests.add(DynamicTest.dynamicTest(name + ": no token → 401", () -> {
                    HttpApi.Response answer = call(api.anonymous(), method, target, operation);
                    assertRefused(answer, method, target, 401, "unauthorized");
                    assertThat(answer.header("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(
                            challenge).startsWith("Bearer").doesNotContain("error="));
                }));
                for (BadToken bad : badTokens) {
                    tests.add(DynamicTest.dynamicTest(name + ": " + bad.why() + " → 401", () -> {
                        HttpApi.Response answer = call(api.as(bad.token()), method, target, operation);
                        assertRefused(answer, method, target, 401, "unauthorized");
                        assertThat(answer.header("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(
                                challenge).startsWith("Bearer ").contains("error=\"invalid_token\""));
                        assertThat(output.getAll()).doesNotContain(bad.token());
                    }));
                }
                Set<String> others = new LinkedHashSet<>(List.of(TestIssuer.READ, TestIssuer.ORDER, TestIssuer.ADMIN));
                others.removeAll(scopes);
                tests.add(DynamicTest.dynamicTest(name + ": without " + scopes + " → 403", () -> {
                    String token = TestIssuer.token("scopeless", others.toArray(String[]::new));
                    HttpApi.Response answer = call(api.as(token), method, target, operation);
                    assertRefused(answer, method, target, 403, "forbidden");
                    assertThat(answer.json().get("requiredScope").asString()).isEqualTo(scopes.getFirst());
                    assertThat(answer.header("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge)
                            .startsWith("Bearer ").contains("error=\"insufficient_scope\"")
                            .contains("scope=\"" + scopes.getFirst() + "\""));
                    assertThat(output.getAll()).doesNotContain(token);
                }));
                tests.add(DynamicTest.dynamicTest(name + ": with " + scopes.getFirst() + " alone → served", () -> {
                    HttpApi.Response answer = call(api.as("scoped", scopes.getFirst()), method, target, operation);
                    assertThat(answer.status()).as(answer.toString()).isEqualTo(servedStatus(method, operation));
                    assertThat(contract.violations(method, target, answer.status(), answer.raw().headers().map(),
                            answer.body())).isEmpty();
                }));
            }
        }
        return tests.stream();
    }

    /**
     * Every kind of token that must not get in: malformed, expired, not yet valid, wrongly signed, unsigned
     * ({@code alg: none}), HMAC-signed with the public key (key confusion), for another audience.
     */
    private static List<BadToken> badTokens() {
        Instant now = Instant.now();
        JWTClaimsSet valid = TestIssuer.claims("intruder", TestIssuer.READ, TestIssuer.ORDER, TestIssuer.ADMIN)
                .build();
        return List.of(
                new BadToken("malformed", "not-a-jwt"),
                new BadToken("expired", TestIssuer.signed(TestIssuer.claims("intruder", TestIssuer.READ,
                        TestIssuer.ORDER, TestIssuer.ADMIN).issueTime(Date.from(now.minus(Duration.ofHours(2))))
                        .notBeforeTime(Date.from(now.minus(Duration.ofHours(2))))
                        .expirationTime(Date.from(now.minus(Duration.ofMinutes(5)))).build())),
                new BadToken("not yet valid", TestIssuer.signed(TestIssuer.claims("intruder", TestIssuer.READ,
                        TestIssuer.ORDER, TestIssuer.ADMIN).notBeforeTime(Date.from(now.plus(Duration.ofMinutes(10))))
                        .build())),
                new BadToken("wrongly signed", TestIssuer.wronglySigned(valid)),
                new BadToken("alg none", TestIssuer.unsigned(valid)),
                new BadToken("HMAC with the public key", TestIssuer.hmacWithPublicKey(valid)),
                new BadToken("wrong audience", TestIssuer.signed(TestIssuer.claims("intruder", TestIssuer.READ,
                        TestIssuer.ORDER, TestIssuer.ADMIN).audience("billing").build())));
    }

    /**
     * What an operation answers to a caller with its scope, for the request {@link #call} makes: a body that fails
     * validation (400), a required query parameter missing (400), a path naming nothing (404), or a page (200). A
     * {@code PATCH} is a merge patch, for which {@code {}} is valid (it changes nothing): its path decides.
     */
    private static int servedStatus(String method, JsonNode operation) {
        boolean emptyBodyFails = operation.has("requestBody") && !method.equals("PATCH");
        boolean requiredQuery = operation.path("parameters").valueStream()
                .anyMatch(parameter -> parameter.get("in").asString().equals("query")
                        && parameter.path("required").asBoolean(false));
        boolean pathParameter = operation.path("parameters").valueStream()
                .anyMatch(parameter -> parameter.get("in").asString().equals("path"));
        if (emptyBodyFails || requiredQuery) {
            return 400;
        }
        return pathParameter ? 404 : 200;
    }

    /** The operation called with an empty JSON object as its body, if it takes one. */
    private static HttpApi.Response call(HttpApi caller, String method, String target, JsonNode operation) {
        HttpRequest.Builder request = HttpRequest.newBuilder(caller.uri(target));
        if (operation.has("requestBody")) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return caller.send(request);
    }

    /** A path template with names that name nothing: a SKU, a location code, an id. */
    private static String concrete(String template) {
        return template.replace("{sku}", "NO-SUCH-SKU").replace("{code}", "NO-SUCH-LOCATION")
                .replace("{id}", "0190c0de-0000-7000-8000-000000000000");
    }

    private void assertRefused(HttpApi.Response answer, String method, String target, int status, String type) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.problemType()).isEqualTo(type);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(contract.violations(method, target, answer.status(), answer.raw().headers().map(), answer.body()))
                .isEmpty();
    }
}
