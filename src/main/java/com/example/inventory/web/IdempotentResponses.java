package com.example.inventory.web;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/** The answers of a call that places something once per order id: 201 with its location, or 200 as a replay. */
public final class IdempotentResponses {

    /** Marks an answer that repeats what an earlier request with the same order id placed. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private IdempotentResponses() {
    }

    /**
     * 201 + {@code Location} (the template expanded with {@code id}) for something placed now; 200 +
     * {@code Idempotent-Replayed: true} for what an earlier request placed.
     */
    public static <T> ResponseEntity<T> placed(T body, boolean replayed, String locationTemplate, Object id) {
        if (replayed) {
            return ResponseEntity.ok().header(REPLAYED_HEADER, "true").body(body);
        }
        URI location = UriComponentsBuilder.fromPath(locationTemplate).buildAndExpand(id).toUri();
        return ResponseEntity.created(location).body(body);
    }
}
