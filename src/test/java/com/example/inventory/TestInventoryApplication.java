package com.example.inventory;

import com.example.localauth.LocalAuthorizationServer;

import org.springframework.boot.SpringApplication;

/**
 * {@code ./mvnw spring-boot:test-run}: the service on port 8080 against the test database chain, with the local
 * authorization server in the same process (profile {@code local}: the service trusts it as its token issuer), and the
 * local RabbitMQ when one answers (else events are logged and completed, not published).
 */
public class TestInventoryApplication {

    public static void main(String[] args) {
        boolean broker;
        try {
            broker = TestBroker.answers(TestBroker.shared().host(), TestBroker.shared().port());
        } catch (IllegalStateException none) {
            broker = false;
        }
        if (!broker) {
            System.out.println("No RabbitMQ answers: events are recorded and completed here, not published (start one "
                    + "with rabbitmq-server -detached, or name it in " + TestBroker.VARIABLE + ", to publish them)");
            args = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                    java.util.stream.Stream.of("--inventory.events.transport=log")).toArray(String[]::new);
        }
        SpringApplication.from(InventoryApplication::main)
                .with(TestcontainersConfiguration.class, LocalAuthorizationServer.class)
                .withAdditionalProfiles("local")
                .run(args);
    }
}
