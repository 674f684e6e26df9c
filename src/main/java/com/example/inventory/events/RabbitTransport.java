package com.example.inventory.events;

import com.example.inventory.common.InventoryEvent;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.EventExternalizationTransport;

/**
 * Publishes an event to its exchange with its routing key as a persistent JSON message (message id = event id, type =
 * event name, timestamp = when it occurred) and completes when the broker confirms it (publisher confirms,
 * {@code spring.rabbitmq.publisher-confirm-type=correlated}). A nack, no confirm within the timeout, or no broker
 * fails the future: the registry leaves the publication incomplete, and it is resubmitted.
 */
final class RabbitTransport implements EventExternalizationTransport {

    static final String APP_ID = "stock-deduction-service";

    private final RabbitTemplate rabbit;
    private final JsonMapper json;
    private final Duration confirmTimeout;
    private final FailedPublicationLog failures = new FailedPublicationLog();

    RabbitTransport(RabbitTemplate rabbit, JsonMapper json, Duration confirmTimeout) {
        this.rabbit = rabbit;
        this.json = json;
        this.confirmTimeout = confirmTimeout;
    }

    @Override
    public CompletableFuture<?> externalize(Object payload, RoutingTarget target) {
        InventoryEvent event = (InventoryEvent) payload;
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(event.eventId().toString());
        properties.setType(event.eventName());
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setContentEncoding("UTF-8");
        properties.setTimestamp(Date.from(event.occurredAt()));
        properties.setAppId(APP_ID);
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        Message message = new Message(json.writeValueAsBytes(event), properties);
        CorrelationData correlation = new CorrelationData(event.eventId().toString());
        try {
            rabbit.send(target.getTarget(), target.getKey(), message, correlation);
        } catch (AmqpException e) {
            failures.failed(e.getMessage());
            throw e;
        }
        return correlation.getFuture().orTimeout(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenAccept(confirm -> {
                    if (!confirm.ack()) {
                        throw new IllegalStateException("The broker did not accept event " + event.eventId() + ": "
                                + confirm.reason());
                    }
                })
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        failures.failed(failure instanceof TimeoutException ? "no confirm within " + confirmTimeout
                                : String.valueOf(failure.getMessage()));
                    }
                });
    }
}
