package com.example.localauth;

import java.util.List;

/**
 * The clients {@link LocalAuthorizationServer} registers, with fixed secrets that are <b>for local runs only</b> (the
 * local run, the scripts, the tests): each may get a token by the client-credentials grant, authenticating with
 * {@code client_secret_basic} or {@code client_secret_post}, for any of its scopes.
 */
public enum LocalClient {

    /** The shop's order front end: reads and places orders. */
    ORDER_FRONTEND("order-frontend", "order-frontend-local-secret", "inventory.read", "inventory.order"),
    /** The back office: reads, creates products, restocks, sees every client's orders. */
    BACK_OFFICE("back-office", "back-office-local-secret", "inventory.read", "inventory.admin"),
    /** The storefront: reads only. */
    STOREFRONT("storefront", "storefront-local-secret", "inventory.read"),
    /**
     * The test harness (the tests, the benchmark, the fuzzer, the Postman collection's {@code ?strategy=} requests):
     * every scope, because placing an order with {@code ?strategy=} needs both {@code inventory.order} and
     * {@code inventory.admin}, which no client of the shop holds together.
     */
    TEST_HARNESS("test-harness", "test-harness-local-secret", "inventory.read", "inventory.order", "inventory.admin");

    private final String id;
    private final String secret;
    private final List<String> scopes;

    LocalClient(String id, String secret, String... scopes) {
        this.id = id;
        this.secret = secret;
        this.scopes = List.of(scopes);
    }

    public String id() {
        return id;
    }

    public String secret() {
        return secret;
    }

    public List<String> scopes() {
        return scopes;
    }

    /** The scopes as the {@code scope} parameter of a token request: space-separated. */
    public String scope() {
        return String.join(" ", scopes);
    }

    /** The {@code curl} that gets this client a token from {@code tokenUrl}, as the start-up log prints it. */
    public String curl(String tokenUrl) {
        return "curl -s -u " + id + ":" + secret + " -d grant_type=client_credentials -d scope='" + scope() + "' "
                + tokenUrl;
    }
}
