package com.example.inventory;

import java.time.Clock;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Gives every test (and {@code spring-boot:test-run}) the one real PostgreSQL of {@link TestDatabase}, and the
 * {@link TestClock} that expiry tests move forward.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestcontainersConfiguration {

    @Bean
    JdbcConnectionDetails testDatabaseConnectionDetails() {
        TestDatabase database = TestDatabase.shared();
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return database.username();
            }

            @Override
            public String getPassword() {
                return database.password();
            }

            @Override
            public String getJdbcUrl() {
                return database.jdbcUrl();
            }
        };
    }

    @Bean
    @Primary
    Clock testClock() {
        return TestClock.shared();
    }
}
