package com.example.inventory.web.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code inventory.cors.*}: the browser origins (an order front end, a back office) that may call the API, each
 * named exactly ({@code https://shop.example.com}); none by default, and never {@code *}.
 */
@ConfigurationProperties("inventory.cors")
record CorsSettings(@DefaultValue List<String> allowedOrigins, @DefaultValue("30m") Duration maxAge) {

    CorsSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
        if (allowedOrigins.stream().anyMatch(origin -> origin.contains("*"))) {
            throw new IllegalArgumentException("inventory.cors.allowed-origins names origins exactly; '*' is not "
                    + "allowed (a bearer token must not be usable from any site)");
        }
    }
}
