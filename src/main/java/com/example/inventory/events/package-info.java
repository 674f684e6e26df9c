/**
 * Events out (contract v1.2 §3, docs/events.md): the features and the stock core record {@link
 * com.example.inventory.common.InventoryEvent}s in the transactions of their changes; Spring Modulith's event
 * publication registry keeps them (table {@code event_publication}, the transactional outbox) and, after commit, its
 * module listener hands each to the transport configured here, which publishes it to RabbitMQ and waits for the
 * broker's confirm before the publication counts as complete. Also here: resubmission of what did not complete, the
 * purge of completed publications, the outstanding-events gauges and health, and the exchange declared at start-up.
 * It depends on {@code common} alone.
 */
@NullMarked
package com.example.inventory.events;

import org.jspecify.annotations.NullMarked;
