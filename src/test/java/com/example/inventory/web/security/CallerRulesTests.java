package com.example.inventory.web.security;

import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import com.example.inventory.TestIssuer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules around the operations: probes, the actuator, the operator's knob, unknown paths and methods. */
@IntegrationTest
class CallerRulesTests {

    @LocalServerPort
    int port;

    HttpApi api;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
    }

    @Test
    void healthProbesAnswerWithoutToken() {
        for (String probe : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpApi.Response answer = api.anonymous().get(probe);
            assertThat(answer.status()).as(probe).isEqualTo(200);
            assertThat(answer.json().get("status").asString()).isEqualTo("UP");
        }
    }

    @Test
    void everyOtherActuatorEndpointNeedsTheAdminScope() {
        for (String endpoint : new String[] {"/actuator/prometheus", "/actuator/ledgerdrift", "/actuator/info",
                "/actuator"}) {
            HttpApi.Response anonymous = api.anonymous().get(endpoint);
            assertThat(anonymous.status()).as(endpoint).isEqualTo(401);
            assertThat(anonymous.problemType()).isEqualTo("unauthorized");
            HttpApi.Response reader = api.as("storefront", TestIssuer.READ, TestIssuer.ORDER).get(endpoint);
            assertThat(reader.status()).as(endpoint).isEqualTo(403);
            assertThat(reader.json().get("requiredScope").asString()).isEqualTo(TestIssuer.ADMIN);
            assertThat(api.as("back-office", TestIssuer.ADMIN).get(endpoint).status()).as(endpoint).isEqualTo(200);
        }
    }

    @Test
    void onlyAnOperatorPicksTheStrategy() {
        String sku = HttpApi.unique("STRAT");
        api.createProduct(sku, 10);
        HttpApi frontEnd = api.as("front-end", TestIssuer.READ, TestIssuer.ORDER);

        HttpApi.Response picked = frontEnd.deduct("atomic", HttpApi.unique("O"), sku, 1);
        HttpApi.Response held = frontEnd.reserve("pessimistic", HttpApi.unique("O"), null, sku, 1);

        assertThat(picked.status()).as(picked.toString()).isEqualTo(403);
        assertThat(picked.json().get("requiredScope").asString()).isEqualTo(TestIssuer.ADMIN);
        assertThat(held.status()).as(held.toString()).isEqualTo(403);
        assertThat(api.stockOf(sku)).isEqualTo(10);
        assertThat(frontEnd.deduct(null, HttpApi.unique("O"), sku, 1).status()).isEqualTo(201);
        assertThat(api.as("operator", TestIssuer.ORDER, TestIssuer.ADMIN).deduct("atomic", HttpApi.unique("O"), sku, 1)
                .status()).isEqualTo(201);
        assertThat(api.stockOf(sku)).isEqualTo(8);
    }

    @Test
    void withAValidTokenAnUnknownPathIsNotFoundAndAWrongMethodNotAllowed() {
        HttpApi storefront = api.as("storefront", TestIssuer.READ);

        assertThat(storefront.get("/api/v1/nothing-here").status()).isEqualTo(404);
        assertThat(storefront.method("DELETE", "/api/v1/products").status()).isEqualTo(405);
        HttpApi.Response anonymous = api.anonymous().get("/api/v1/nothing-here");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.problemType()).isEqualTo("unauthorized");
        assertThat(api.anonymous().method("DELETE", "/api/v1/products").status()).isEqualTo(401);
    }

    @Test
    void theDocumentAndSwaggerUiAreOpenToRead() {
        assertThat(api.anonymous().get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(api.anonymous().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    /**
     * The stock console's files are open to read (its page is what signs a user in), with a policy that runs its own
     * scripts only and lets no site frame it; nothing else opens: a write there, and the API, still need a token.
     */
    @Test
    void theConsoleIsServedWithoutATokenAndTheApiStillNeedsOne() {
        HttpApi anonymous = api.anonymous();

        HttpApi.Response page = anonymous.send(java.net.http.HttpRequest.newBuilder(api.uri("/console/"))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET());
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<script type=\"module\" src=\"app.js\"></script>")
                .doesNotContain("<script>").doesNotContain("style=");
        assertThat(page.header("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'",
                        "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval"));
        assertThat(page.header("X-Frame-Options")).hasValue("DENY");
        assertThat(page.header("Referrer-Policy")).hasValue("no-referrer");
        for (String file : new String[] {"app.js", "auth.js", "api.js", "chart.js", "console.css"}) {
            HttpApi.Response asset = anonymous.get("/console/" + file);
            assertThat(asset.status()).as(file).isEqualTo(200);
            assertThat(asset.contentType()).as(file).startsWith(file.endsWith(".css") ? "text/css"
                    : "text/javascript");
            assertThat(asset.header("Content-Security-Policy")).as(file).isPresent();
        }
        HttpApi.Response settings = anonymous.get("/console/config.json");
        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.json().get("clientId").asString()).isEqualTo("stock-console");
        assertThat(settings.json().get("scope").asString()).isEqualTo("inventory.read inventory.admin");
        HttpApi.Response withoutSlash = anonymous.get("/console");
        assertThat(withoutSlash.status()).isEqualTo(302);
        assertThat(withoutSlash.header("Location")).hasValue("console/");
        assertThat(anonymous.get("/console/nothing-here.js").status()).isEqualTo(404);

        assertThat(anonymous.post("/console/", "{}").status()).as("only reads are open").isEqualTo(401);
        HttpApi.Response apiWithoutToken = anonymous.get("/api/v1/products");
        assertThat(apiWithoutToken.status()).isEqualTo(401);
        assertThat(apiWithoutToken.problemType()).isEqualTo("unauthorized");
        assertThat(apiWithoutToken.header("Content-Security-Policy")).as("the console's headers are its own").isEmpty();
        assertThat(api.as("storefront", TestIssuer.READ).get("/api/v1/products").status()).isEqualTo(200);
    }

    /** The scope belongs to the endpoint, however its path is written: a ";…" segment parameter, an encoded letter. */
    @Test
    void aRewrittenPathStillNeedsTheEndpointsScope() {
        HttpApi storefront = api.as("storefront", TestIssuer.READ);
        String sku = HttpApi.unique("PATH");
        String body = "{\"sku\":\"" + sku + "\",\"name\":\"X\",\"stock\":1}";

        for (String path : new String[] {"/api;x/v1/products", "/%61pi/v1/products", "/api/v1;x/products",
                "/api/v1/products;x"}) {
            HttpApi.Response answer = storefront.post(path, body);
            assertThat(answer.status()).as(path + " " + answer).isIn(403, 400, 404);
            if (answer.status() == 403) {
                assertThat(answer.json().get("requiredScope").asString()).isEqualTo(TestIssuer.ADMIN);
            }
        }
        HttpApi.Response strategy = api.as("front-end", TestIssuer.READ, TestIssuer.ORDER)
                .post("/api;x/v1/deductions?strategy=atomic",
                        "{\"orderId\":\"O-1\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}");
        assertThat(strategy.status()).as(strategy.toString()).isIn(403, 400, 404);
        assertThat(api.get("/api/v1/products/" + sku).status()).as("nothing was created").isEqualTo(404);
    }

    @Test
    void aTokenWhoseClientClaimIsNotAStringIsRefused() {
        String token = TestIssuer.signed(TestIssuer.claims("x", TestIssuer.READ).claim("client_id", 42).build());

        assertThat(api.as(token).get("/api/v1/products").status()).isEqualTo(401);
    }

    @Test
    void anotherSchemeThanBearerIsNoToken() {
        HttpApi.Response answer = api.anonymous().send(java.net.http.HttpRequest.newBuilder(
                api.uri("/api/v1/products")).header("Authorization", "Basic dXNlcjpwYXNz").GET());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("detail").asString()).contains("needs a bearer token");
        assertThat(answer.header("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Bearer").doesNotContain("error="));
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        String token = TestIssuer.signed(TestIssuer.claims("forever", TestIssuer.READ).expirationTime(null).build());

        HttpApi.Response answer = api.as(token).get("/api/v1/products");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.problemType()).isEqualTo("unauthorized");
    }

    @Test
    void aTokenNamingNoClientIsRefused() {
        String token = TestIssuer.signed(TestIssuer.claims("x", TestIssuer.READ).subject(null).claim("client_id", null)
                .build());

        HttpApi.Response answer = api.as(token).get("/api/v1/products");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).contains("error=\"invalid_token\""));
    }
}
