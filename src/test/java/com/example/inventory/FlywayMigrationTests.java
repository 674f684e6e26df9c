package com.example.inventory;

import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Flyway builds the whole schema from nothing, as the schema's owner, in an empty schema of the test database, and
 * grants the service's role its rights afterwards ({@code afterMigrate.sql}).
 */
class FlywayMigrationTests {

    private final TestDatabase database = TestDatabase.shared();
    private final JdbcClient admin = database.jdbc();

    @Test
    void migratesAnEmptySchemaAsItsOwner() {
        String schema = emptySchemaOfTheOwner();
        try {
            Flyway flyway = flyway(schema, database.service().username());

            MigrateResult result = flyway.migrate();

            assertThat(result.success).isTrue();
            assertThat(result.migrationsExecuted).isPositive();
            List<String> tables = admin.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = ?")
                    .param(schema).query(String.class).list();
            assertThat(tables).contains("product", "stock_movement", "flyway_schema_history");
            assertThat(privilegesOfTheService(schema, "product")).containsExactlyInAnyOrder("SELECT", "INSERT",
                    "UPDATE", "DELETE");
            assertThat(privilegesOfTheService(schema, "stock_movement")).containsExactlyInAnyOrder("SELECT",
                    "INSERT");
            assertThat(privilegesOfTheService(schema, "flyway_schema_history")).isEmpty();
            flyway.validate();
            admin.sql("CREATE TABLE " + schema + ".made_by_hand (id integer)").update();
            assertThat(flyway.migrate().migrationsExecuted).as("again, past a table the owner does not own").isZero();
            assertThat(privilegesOfTheService(schema, "made_by_hand")).isEmpty();
        } finally {
            admin.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
        }
    }

    @Test
    void refusesToMakeTheOwnerTheServicesRole() {
        String schema = emptySchemaOfTheOwner();
        try {
            assertThatThrownBy(flyway(schema, database.owner().username())::migrate)
                    .hasMessageContaining("is the role Flyway migrates as");
        } finally {
            admin.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
        }
    }

    private String emptySchemaOfTheOwner() {
        String schema = "empty_" + Long.toHexString(System.nanoTime());
        admin.sql("CREATE SCHEMA " + schema + " AUTHORIZATION " + database.owner().username()).update();
        return schema;
    }

    private Flyway flyway(String schema, String serviceRole) {
        return Flyway.configure()
                .dataSource(database.jdbcUrl(), database.owner().username(), database.owner().password())
                .schemas(schema)
                .placeholders(Map.of(ServiceRoleGrants.PLACEHOLDER, serviceRole))
                .load();
    }

    private List<String> privilegesOfTheService(String schema, String table) {
        return admin.sql("""
                        SELECT privilege_type FROM information_schema.table_privileges
                        WHERE table_schema = ? AND table_name = ? AND grantee = ?""")
                .params(schema, table, database.service().username()).query(String.class).list();
    }
}
