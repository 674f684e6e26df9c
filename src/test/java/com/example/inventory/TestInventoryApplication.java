package com.example.inventory;

import com.example.localauth.LocalAuthorizationServer;

import org.springframework.boot.SpringApplication;

/**
 * {@code ./mvnw spring-boot:test-run}: the service on port 8080 against the test database chain, with the local
 * authorization server in the same process (profile {@code local}: the service trusts it as its token issuer).
 */
public class TestInventoryApplication {

    public static void main(String[] args) {
        SpringApplication.from(InventoryApplication::main)
                .with(TestcontainersConfiguration.class, LocalAuthorizationServer.class)
                .withAdditionalProfiles("local")
                .run(args);
    }
}
