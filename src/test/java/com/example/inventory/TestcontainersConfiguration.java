package com.example.inventory;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Gives every test (and {@code spring-boot:test-run}) the one real PostgreSQL of {@link TestDatabase}, Flyway logged in
 * as its schema's owner and the pool as the service's role, as in production, the {@link TestBroker} events go to, and
 * the {@link TestClock} that expiry tests move forward.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestcontainersConfiguration {

    /**
     * The pool is built from these details, so the context closes it before it closes them: their {@code close} tells
     * {@link TestDatabase} that this context no longer uses the database, which it waits for before stopping at exit.
     */
    @Bean
    TestDatabaseConnectionDetails testDatabaseConnectionDetails() {
        TestDatabase database = TestDatabase.shared();
        return new TestDatabaseConnectionDetails(database, database.use());
    }

    @Bean
    FlywayConnectionDetails testDatabaseOwner() {
        TestDatabase database = TestDatabase.shared();
        return new FlywayConnectionDetails() {

            @Override
            public String getUsername() {
                return database.owner().username();
            }

            @Override
            public String getPassword() {
                return database.owner().password();
            }

            @Override
            public String getJdbcUrl() {
                return database.jdbcUrl();
            }
        };
    }

    /** The broker events are published to ({@link TestBroker}); none when a local run has none (transport log). */
    @Bean
    @ConditionalOnProperty(name = "inventory.events.transport", havingValue = "rabbit", matchIfMissing = true)
    RabbitConnectionDetails testBroker() {
        TestBroker broker = TestBroker.shared();
        return new RabbitConnectionDetails() {

            @Override
            public String getUsername() {
                return broker.username();
            }

            @Override
            public String getPassword() {
                return broker.password();
            }

            @Override
            public List<Address> getAddresses() {
                return List.of(new Address(broker.host(), broker.port()));
            }
        };
    }

    @Bean
    @Primary
    Clock testClock() {
        return TestClock.shared();
    }

    record TestDatabaseConnectionDetails(TestDatabase database, AutoCloseable use)
            implements JdbcConnectionDetails, AutoCloseable {

        @Override
        public String getUsername() {
            return database.service().username();
        }

        @Override
        public String getPassword() {
            return database.service().password();
        }

        @Override
        public String getJdbcUrl() {
            return database.jdbcUrl();
        }

        @Override
        public void close() throws Exception {
            use.close();
        }
    }
}
