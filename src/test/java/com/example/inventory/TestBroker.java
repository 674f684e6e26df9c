package com.example.inventory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/**
 * The RabbitMQ every test publishes to and consumes from (docs/development.md#tests), the first of:
 * <ol>
 *   <li>the broker named by {@code INVENTORY_TEST_RABBITMQ} ({@code host:port}, user guest/guest unless
 *       {@code INVENTORY_TEST_RABBITMQ_USERNAME}/{@code _PASSWORD} say otherwise);</li>
 *   <li>the broker on {@code 127.0.0.1:5672}, when it answers (this machine kind runs one; {@code .ci/run} starts it);</li>
 *   <li>a Testcontainers RabbitMQ container, when a Docker engine answers.</li>
 * </ol>
 * With none of them the tests fail, saying so: they never skip the events.
 */
public record TestBroker(String host, int port, String username, String password, String source) {

    public static final String VARIABLE = "INVENTORY_TEST_RABBITMQ";

    private static final Logger log = LoggerFactory.getLogger(TestBroker.class);
    private static TestBroker shared;

    /** The broker of this JVM's tests, found (or started) once. */
    public static synchronized TestBroker shared() {
        if (shared == null) {
            shared = find();
            log.info("Test broker: {} ({}:{})", shared.source(), shared.host(), shared.port());
        }
        return shared;
    }

    /** Whether a broker answers on {@code host:port} within a second. */
    public static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static TestBroker find() {
        String named = System.getenv(VARIABLE);
        String username = envOr(VARIABLE + "_USERNAME", "guest");
        String password = envOr(VARIABLE + "_PASSWORD", "guest");
        if (named != null && !named.isBlank()) {
            int colon = named.lastIndexOf(':');
            String host = colon < 0 ? named : named.substring(0, colon);
            int port = colon < 0 ? 5672 : Integer.parseInt(named.substring(colon + 1));
            return new TestBroker(host, port, username, password, "the broker named by " + VARIABLE);
        }
        if (answers("127.0.0.1", 5672)) {
            return new TestBroker("127.0.0.1", 5672, username, password,
                    "the broker on 127.0.0.1:5672 (no " + VARIABLE + " set)");
        }
        if (dockerAvailable()) {
            RabbitMQContainer container = new RabbitMQContainer("rabbitmq:4-alpine");
            container.start();
            return new TestBroker(container.getHost(), container.getAmqpPort(), container.getAdminUsername(),
                    container.getAdminPassword(), "a Testcontainers RabbitMQ container (no " + VARIABLE
                    + " set, none on 127.0.0.1:5672, Docker answered)");
        }
        throw new IllegalStateException("No RabbitMQ for the tests: none named by " + VARIABLE
                + ", none answering on 127.0.0.1:5672 (start it: rabbitmq-server -detached), no Docker engine");
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
