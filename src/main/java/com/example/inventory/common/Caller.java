package com.example.inventory.common;

import java.util.Set;

/**
 * Who sent a request: the OAuth2 client its token names ({@code client_id}, else {@code azp}, else {@code sub}) and
 * the scopes the token grants. Orders belong to their client; every ledger entry names its actor.
 */
public record Caller(String clientId, Set<String> scopes) {

    /** Reads everything under {@code /api/v1/} (orders: only its own). */
    public static final String READ = "inventory.read";
    /** Places, cancels and decides orders. */
    public static final String ORDER = "inventory.order";
    /**
     * Creates products and locations, restocks, reads and cancels any client's orders, picks the strategy, runs the
     * service.
     */
    public static final String ADMIN = "inventory.admin";

    /** The actor of what the service does by itself (the expiry sweeper), in the ledger. */
    public static final String SYSTEM = "system";

    /** The longest client id the service keeps (the column's bound); a token naming a longer one is refused. */
    public static final int MAX_CLIENT_ID_LENGTH = 255;

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public boolean isAdmin() {
        return scopes.contains(ADMIN);
    }

    /**
     * Whether this caller may see an order of {@code owner} (and, with the scope to, cancel it): its own, or any for
     * an operator. To anyone else another client's order does not exist (a 404).
     */
    public boolean sees(String owner) {
        return clientId.equals(owner) || isAdmin();
    }
}
