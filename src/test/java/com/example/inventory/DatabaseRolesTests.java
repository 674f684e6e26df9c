package com.example.inventory;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The service's role (its pool's login) may read and append to the ledger, and nothing more: PostgreSQL refuses it
 * every rewrite of history and every change to the table or its triggers, before the append-only trigger is reached.
 */
@IntegrationTest
class DatabaseRolesTests {

    /** insufficient_privilege: "permission denied for table …" and "must be owner of table …" alike. */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void theServiceLogsInAsARoleThatOwnsNothing() {
        String role = TestDatabase.shared().service().username();

        assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo(role);
        assertThat(jdbc.sql("SELECT count(*) FROM pg_class WHERE relowner = current_user::regrole")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
                .query(Boolean.class).single()).isFalse();
    }

    @Test
    void theServicesRoleMayAppendToTheLedgerButNotRewriteIt() {
        String sku = HttpApi.unique("ROLE");
        new HttpApi(port).createProduct(sku, 4);
        String ofThisProduct = " WHERE product_id = (SELECT id FROM product WHERE sku = '" + sku + "')";

        assertThat(jdbc.sql("SELECT count(*) FROM stock_movement" + ofThisProduct).query(Integer.class).single())
                .as("the product's INITIAL movement, appended as the service's role").isOne();
        assertRefused("UPDATE stock_movement SET quantity = 1" + ofThisProduct);
        assertRefused("DELETE FROM stock_movement" + ofThisProduct);
        assertRefused("TRUNCATE stock_movement");
        assertRefused("ALTER TABLE stock_movement DISABLE TRIGGER stock_movement_append_only");
        assertRefused("ALTER TABLE stock_movement DISABLE TRIGGER ALL");
        assertRefused("DROP TRIGGER stock_movement_append_only ON stock_movement");
        assertRefused("DROP TRIGGER stock_movement_no_truncate ON stock_movement");
        assertRefused("DROP FUNCTION stock_movement_is_append_only() CASCADE");
        assertRefused("DROP TABLE stock_movement");
        assertThat(jdbc.sql("SELECT count(*) FROM stock_movement" + ofThisProduct).query(Integer.class).single())
                .isOne();
    }

    @Test
    void theServicesRoleMayNotTouchTheMigrationHistory() {
        assertRefused("SELECT count(*) FROM flyway_schema_history");
        assertRefused("DELETE FROM flyway_schema_history");
    }

    private void assertRefused(String sql) {
        Throwable refusal = catchThrowable(() -> jdbc.sql(sql).update());

        assertThat(refusal).as(sql).isNotNull();
        assertThat(NestedExceptionUtils.getMostSpecificCause(refusal)).as(sql)
                .isInstanceOfSatisfying(SQLException.class, cause -> assertThat(cause.getSQLState())
                        .as(sql + ": " + cause.getMessage()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }
}
