package com.example.inventory;

import org.springframework.boot.SpringApplication;

/** {@code ./mvnw spring-boot:test-run}: the service on port 8080 against the test database chain. */
public class TestInventoryApplication {

    public static void main(String[] args) {
        SpringApplication.from(InventoryApplication::main).with(TestcontainersConfiguration.class).run(args);
    }
}
