package com.example.localauth;

import java.util.List;

/**
 * The people who may sign in at {@link LocalAuthorizationServer}'s login form, for the stock console (the
 * authorization-code flow with PKCE), with fixed passwords that are <b>for local runs only</b>. A user's token carries
 * the scopes the console asked for that the user holds, and no others.
 */
public enum LocalUser {

    /** An operator: reads, and restocks (inventory.admin). */
    ADMIN("admin", "admin-local-password", "inventory.read", "inventory.order", "inventory.admin"),
    /** Someone who may look but not restock. */
    VIEWER("viewer", "viewer-local-password", "inventory.read", "inventory.order");

    private final String username;
    private final String password;
    private final List<String> scopes;

    LocalUser(String username, String password, String... scopes) {
        this.username = username;
        this.password = password;
        this.scopes = List.of(scopes);
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public List<String> scopes() {
        return scopes;
    }
}
