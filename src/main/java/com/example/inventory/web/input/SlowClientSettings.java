package com.example.inventory.web.input;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What a slow client may hold, beyond Spring's {@code server.tomcat.*} limits: how long a request's head may take
 * from its first byte, and the probe connector (unset port: none).
 *
 * @param requestHeadTimeout from a request's first byte to the end of its headers, on every connector; 0 turns it off
 * @param probes             a second connector that serves the health probes only, with its own connection limit
 */
@Validated
@ConfigurationProperties("inventory.http")
record SlowClientSettings(@DefaultValue("10s") @NotNull Duration requestHeadTimeout,
                          @DefaultValue @Valid Probes probes) {

    /**
     * @param port           the probe connector's port ({@code 0}: any free one); unset, there is no probe connector
     * @param maxConnections connections it holds at once; more wait in its accept queue
     */
    record Probes(@Min(0) @Max(65535) @Nullable Integer port, @DefaultValue("20") @Min(1) @Max(1000) int maxConnections) {
    }
}
