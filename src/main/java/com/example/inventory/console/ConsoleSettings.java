package com.example.inventory.console;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code inventory.console.*}: how the console signs its users in. It is a public OAuth2 client (no secret: the code
 * runs in the browser) using the authorization-code flow with PKCE, registered at the issuer as {@link #clientId}.
 *
 * @param clientId the client id the issuer knows the console by
 * @param issuer   the issuer the browser signs in at; unset, the service's own
 *                 ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri})
 * @param scope    the scopes the console asks for (space-separated); the issuer grants what the user may have
 * @param audience an {@code audience} parameter for the authorization request, for issuers that want one to issue a
 *                 JWT for the API (Auth0: {@code inventory}); unset, none is sent
 */
@ConfigurationProperties("inventory.console")
record ConsoleSettings(@DefaultValue("stock-console") String clientId, @Nullable String issuer,
        @DefaultValue("inventory.read inventory.admin") String scope, @Nullable String audience) {

    ConsoleSettings {
        if (clientId.isBlank()) {
            throw new IllegalArgumentException("inventory.console.client-id must not be blank");
        }
        if (issuer != null && !issuer.isBlank() && !issuer.startsWith("https://") && !issuer.startsWith("http://")) {
            throw new IllegalArgumentException("inventory.console.issuer must be an http(s) URL: " + issuer);
        }
    }
}
