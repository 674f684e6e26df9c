package com.example.inventory.events;

import com.example.inventory.TestBroker;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A consumer of the service's events as a shop's system would be one: its own durable queue bound to the exchange
 * {@code inventory.events} with {@code #}, on the {@link TestBroker}, declared before anything is published and
 * deleted on {@link #close()}. The connection recovers by itself when the broker comes back (and the queue, being
 * durable, kept what was routed to it). Every message is checked against the AsyncAPI document ({@link EventContract})
 * and its AMQP properties as it arrives; {@link #violations()} lists what did not hold.
 */
public final class EventTap implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Connection connection;
    private final Channel channel;
    private final String queue;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();

    private EventTap(Connection connection, Channel channel, String queue) {
        this.connection = connection;
        this.channel = channel;
        this.queue = queue;
    }

    /** Binds a new queue to the exchange and starts consuming from it. */
    public static EventTap open() {
        TestBroker broker = TestBroker.shared();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(broker.host());
        factory.setPort(broker.port());
        factory.setUsername(broker.username());
        factory.setPassword(broker.password());
        factory.setAutomaticRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(500);
        try {
            Connection connection = factory.newConnection("event-tap");
            Channel channel = connection.createChannel();
            channel.exchangeDeclare("inventory.events", "topic", true, false, null);
            String queue = "test.event-tap." + UUID.randomUUID();
            channel.queueDeclare(queue, true, false, false, null);
            channel.queueBind(queue, "inventory.events", "#");
            EventTap tap = new EventTap(connection, channel, queue);
            channel.basicConsume(queue, true, new DefaultConsumer(channel) {

                @Override
                public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties,
                                           byte[] body) {
                    tap.receive(envelope.getRoutingKey(), properties, body);
                }
            });
            return tap;
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("Could not consume from " + broker.source(), e);
        }
    }

    private void receive(String routingKey, AMQP.BasicProperties properties, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (RuntimeException e) {
            violations.add(routingKey + ": not JSON: " + text);
            return;
        }
        EventContract.load().violations(routingKey, text).forEach(v -> violations.add(routingKey + ": " + v));
        String eventId = json.path("eventId").asString("");
        if (!eventId.equals(properties.getMessageId())) {
            violations.add(routingKey + ": message id " + properties.getMessageId() + " is not eventId " + eventId);
        }
        if (!routingKey.equals(properties.getType())) {
            violations.add(routingKey + ": type " + properties.getType());
        }
        if (!"application/json".equals(properties.getContentType())) {
            violations.add(routingKey + ": content type " + properties.getContentType());
        }
        if (properties.getDeliveryMode() == null || properties.getDeliveryMode() != 2) {
            violations.add(routingKey + ": not persistent");
        }
        received.add(new Received(routingKey, eventId, json));
    }

    /** Every message received so far, in arrival order. */
    public List<Received> all() {
        return new ArrayList<>(received);
    }

    /** The messages received so far that {@code filter} accepts, in arrival order. */
    public List<Received> matching(Predicate<Received> filter) {
        return received.stream().filter(filter).toList();
    }

    /** The messages about one SKU (product events: their {@code sku}), in arrival order. */
    public List<Received> ofSku(String sku) {
        return matching(event -> sku.equals(event.body().path("sku").asString(null)));
    }

    /**
     * Waits until {@code filter} accepts at least {@code count} messages, then a further {@code settle} for any that
     * should not come, and returns those it accepts.
     */
    public List<Received> await(Predicate<Received> filter, int count, Duration timeout, Duration settle) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (matching(filter).size() < count && System.nanoTime() < deadline) {
            sleep(50);
        }
        sleep(settle.toMillis());
        return matching(filter);
    }

    /** What did not match the AsyncAPI document or the AMQP properties it promises. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    @Override
    public void close() {
        try {
            if (channel.isOpen()) {
                channel.queueDelete(queue);
            }
            connection.close();
        } catch (IOException | RuntimeException e) {
            // the broker may be gone at the end of a fault test; the queue then goes with its restart or stays empty
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One message: its routing key, its event id and its body. */
    public record Received(String name, String eventId, JsonNode body) {

        public long ledgerPosition() {
            return body.path("ledgerPosition").asLong();
        }
    }
}
