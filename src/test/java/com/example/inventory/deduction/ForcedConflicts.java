package com.example.inventory.deduction;

import com.example.inventory.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Forces optimistic version conflicts inside PostgreSQL: a test trigger silently skips the first n updates of a
 * product's stock row, which is exactly what a lost {@code version} race looks like to Hibernate (0 rows updated). A sequence
 * counts the skips because, unlike a table, it is not rolled back with the failed attempt. Its objects belong to the
 * schema's owner, who alone may put a trigger on {@code location_stock}; the trigger's function runs as its owner, since the
 * service's role has no rights on them.
 */
final class ForcedConflicts {

    private final JdbcClient jdbc;

    ForcedConflicts() {
        TestDatabase database = TestDatabase.shared();
        this.jdbc = database.jdbc(database.owner());
        jdbc.sql("""
                CREATE TABLE IF NOT EXISTS test_forced_conflict (
                    sku varchar(64) PRIMARY KEY, counter regclass NOT NULL, conflicts integer NOT NULL)""").update();
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION test_force_conflict() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
                DECLARE
                    forced test_forced_conflict%ROWTYPE;
                BEGIN
                    SELECT * INTO forced FROM test_forced_conflict WHERE sku = NEW.sku;
                    IF FOUND AND nextval(forced.counter) <= forced.conflicts THEN
                        RETURN NULL;
                    END IF;
                    RETURN NEW;
                END $$""").update();
        jdbc.sql("""
                CREATE OR REPLACE TRIGGER test_force_conflict BEFORE UPDATE ON location_stock
                FOR EACH ROW EXECUTE FUNCTION test_force_conflict()""").update();
    }

    /** The next {@code conflicts} updates of {@code sku} update nothing. */
    void force(String sku, int conflicts) {
        jdbc.sql("CREATE SEQUENCE " + counter(sku)).update();
        jdbc.sql("INSERT INTO test_forced_conflict (sku, counter, conflicts) VALUES (?, ?::regclass, ?)")
                .params(sku, counter(sku), conflicts).update();
    }

    /** How many updates of {@code sku} were attempted since {@link #force}. */
    long attemptedUpdates(String sku) {
        return jdbc.sql("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM " + counter(sku))
                .query(Long.class).single();
    }

    void stop(String sku) {
        jdbc.sql("DELETE FROM test_forced_conflict WHERE sku = ?").param(sku).update();
    }

    private static String counter(String sku) {
        return "test_conflicts_" + sku.replace('-', '_').replace('.', '_').toLowerCase();
    }
}
