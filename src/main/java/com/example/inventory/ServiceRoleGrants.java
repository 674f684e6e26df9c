package com.example.inventory;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tells Flyway's {@code afterMigrate.sql} which role to grant the service's tables to: the one the service's pool
 * logs in as ({@code spring.datasource.username}), while Flyway itself migrates as the schema's owner
 * ({@code spring.flyway.user}).
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoleGrants {

    static final String PLACEHOLDER = "service_role";

    @Bean
    FlywayConfigurationCustomizer serviceRolePlaceholder(JdbcConnectionDetails database) {
        return configuration -> {
            Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
            placeholders.put(PLACEHOLDER, database.getUsername());
            configuration.placeholders(placeholders);
        };
    }
}
