package com.example.inventory.common;

import java.time.Instant;
import java.util.UUID;

/**
 * What the service tells other systems (contract v1.2 §3, docs/events.md): recorded in the transaction of the change
 * it reports and published after commit, at least once, to the topic exchange {@link #EXCHANGE} with its
 * {@link #eventName() name} as the routing key. Each implementation is one event of the AsyncAPI document
 * (docs/asyncapi.yaml), its record components the body's members.
 */
public interface InventoryEvent {

    /** The topic exchange every event is published to. */
    String EXCHANGE = "inventory.events";

    /** Unique per event: consumers deduplicate on it (it is also the AMQP message id). */
    UUID eventId();

    /** When the change it reports was made (its transaction's time). */
    Instant occurredAt();

    /** The event's name: its routing key, e.g. {@code stock.depleted}. */
    String eventName();

    /** A new event id: time-ordered, so that ids sort roughly in the order events were made. */
    static UUID newId() {
        return TimeOrderedUuid.next();
    }
}
