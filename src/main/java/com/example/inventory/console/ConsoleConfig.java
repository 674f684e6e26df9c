package com.example.inventory.console;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the page is told at {@code /console/config.json}, and the {@code Content-Security-Policy} that goes with it:
 * the page may fetch from its own origin and from its issuer's (discovery and the token endpoint), and from nowhere
 * else.
 */
@Component
class ConsoleConfig {

    /** The body of {@code /console/config.json}; {@code issuer} is null when the service knows none by URI. */
    record Body(@Nullable String issuer, String clientId, String scope, @Nullable String audience) {
    }

    private final Body body;
    private final String contentSecurityPolicy;

    ConsoleConfig(ConsoleSettings settings,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String serviceIssuer) {
        String issuer = blankToNull(settings.issuer());
        if (issuer == null) {
            issuer = blankToNull(serviceIssuer);
        }
        if (issuer != null && issuer.endsWith("/")) {
            issuer = issuer.substring(0, issuer.length() - 1);
        }
        this.body = new Body(issuer, settings.clientId(), settings.scope(), blankToNull(settings.audience()));
        this.contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'" + (issuer == null ? "" : " " + origin(issuer)) + "; "
                + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    }

    Body body() {
        return body;
    }

    String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
