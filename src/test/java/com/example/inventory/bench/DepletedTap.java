package com.example.inventory.bench;

import com.example.inventory.TestBroker;
import com.example.inventory.common.InventoryEvent;
import com.example.inventory.stock.event.StockDepleted;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --compare-events}' own consumer on the broker the services publish to: a queue of its own (server-named,
 * exclusive, gone with the connection) bound to the exchange {@value InventoryEvent#EXCHANGE} with the routing key
 * {@value StockDepleted#NAME} only, counting the messages received per SKU. It sees every service's
 * {@code stock.depleted} on that broker (the tests' too): the benchmark's SKUs start with their service's tag.
 */
final class DepletedTap implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Connection connection;
    private final Map<String, AtomicInteger> bySku = new ConcurrentHashMap<>();

    private DepletedTap(Connection connection) {
        this.connection = connection;
    }

    /** Binds its queue, then starts consuming: every message routed after this returns is counted. */
    static DepletedTap open(TestBroker broker) throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(broker.host());
        factory.setPort(broker.port());
        factory.setUsername(broker.username());
        factory.setPassword(broker.password());
        Connection connection = factory.newConnection("bench-compare-events");
        DepletedTap tap = new DepletedTap(connection);
        try {
            Channel channel = connection.createChannel();
            // as the service declares it (durable topic exchange), in case no service has declared it yet
            channel.exchangeDeclare(InventoryEvent.EXCHANGE, "topic", true, false, null);
            String queue = channel.queueDeclare().getQueue();
            channel.queueBind(queue, InventoryEvent.EXCHANGE, StockDepleted.NAME);
            channel.basicConsume(queue, true, new DefaultConsumer(channel) {

                @Override
                public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties,
                                           byte[] body) {
                    String sku;
                    try {
                        sku = JSON.readTree(body).path("sku").asString("");
                    } catch (RuntimeException e) {
                        sku = "";
                    }
                    tap.bySku.computeIfAbsent(sku, key -> new AtomicInteger()).incrementAndGet();
                }
            });
        } catch (IOException | RuntimeException e) {
            tap.close();
            throw e;
        }
        return tap;
    }

    /** The {@code stock.depleted} messages of {@code sku} received so far. */
    int received(String sku) {
        AtomicInteger count = bySku.get(sku);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException | RuntimeException e) {
            // its queue is exclusive: it goes with the connection, however that ends
        }
    }
}
