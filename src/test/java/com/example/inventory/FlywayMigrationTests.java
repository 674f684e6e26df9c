package com.example.inventory;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Flyway builds the whole schema from nothing, in an empty schema of the test database. */
class FlywayMigrationTests {

    @Test
    void migratesAnEmptyDatabase() throws Exception {
        TestDatabase database = TestDatabase.shared();
        String schema = "empty_" + Long.toHexString(System.nanoTime());
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(),
                database.jdbcUrl(), database.username(), database.password());
        JdbcClient jdbc = JdbcClient.create(dataSource);
        try {
            Flyway flyway = Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true).load();

            MigrateResult result = flyway.migrate();

            assertThat(result.success).isTrue();
            assertThat(result.migrationsExecuted).isPositive();
            List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = ?")
                    .param(schema).query(String.class).list();
            assertThat(tables).contains("product", "stock_movement", "flyway_schema_history");
            flyway.validate();
            assertThat(flyway.migrate().migrationsExecuted).isZero();
        } finally {
            jdbc.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
        }
    }
}
