package com.example.inventory.events;

import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.json.JsonMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.EventExternalizationTransport;

/**
 * For a run without a broker ({@code inventory.events.transport=log}): each event is logged at DEBUG and its
 * publication completed, so that the registry does not keep every event forever as outstanding.
 */
final class LoggedTransport implements EventExternalizationTransport {

    private static final Logger log = LoggerFactory.getLogger(LoggedTransport.class);

    private final JsonMapper json;

    LoggedTransport(JsonMapper json) {
        this.json = json;
    }

    @Override
    public CompletableFuture<?> externalize(Object payload, RoutingTarget target) {
        if (log.isDebugEnabled()) {
            log.debug("Event {} {}: {}", target.getTarget(), target.getKey(), json.writeValueAsString(payload));
        }
        return CompletableFuture.completedFuture(null);
    }
}
