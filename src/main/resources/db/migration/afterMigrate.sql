-- Flyway runs this after every migrate, as the schema's owner (spring.flyway.user): it grants the service's role
-- (spring.datasource.username, the placeholder service_role) what the service needs on every table, those of later
-- migrations included, and no more. The role owns nothing, so it can neither alter nor drop a table or its triggers;
-- on the ledger it may only read and append. Grants repeated on every start change nothing.

DO $$
BEGIN
    IF '${service_role}' = current_user THEN
        RAISE EXCEPTION 'The service''s role % is the role Flyway migrates as: set spring.flyway.user to the schema''s owner and spring.datasource.username to a role that owns nothing',
            '${service_role}';
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${service_role}' AND rolsuper) THEN
        RAISE EXCEPTION 'The service''s role % is a superuser: nothing in the database could refuse it anything',
            '${service_role}';
    END IF;
    IF EXISTS (SELECT FROM pg_tables WHERE schemaname = '${flyway:defaultSchema}' AND tableowner = '${service_role}') THEN
        RAISE EXCEPTION 'The service''s role % owns tables in schema %: give them to the schema''s owner (REASSIGN OWNED BY)',
            '${service_role}', '${flyway:defaultSchema}';
    END IF;
END
$$;

-- Only when the role lacks it: PUBLIC usually has USAGE already, and a GRANT by a role that does not own the schema
-- would only warn that nothing was granted.
DO $$
BEGIN
    IF NOT has_schema_privilege('${service_role}', '${flyway:defaultSchema}', 'USAGE') THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', '${flyway:defaultSchema}', '${service_role}');
    END IF;
END
$$;

-- Every table the owner owns, but Flyway's history; not ON ALL TABLES, which stops at a table the owner cannot grant
-- (an extension's, or one made by hand). Identity columns need no grant on their sequences; DELETE is for the orders
-- a failed placement takes back (DeductionBook, ReservationBook).
DO $$
DECLARE
    owned text;
BEGIN
    FOR owned IN SELECT tablename FROM pg_tables
                  WHERE schemaname = '${flyway:defaultSchema}' AND tableowner = current_user
                    AND tablename <> '${flyway:table}'
    LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I.%I TO %I',
                       '${flyway:defaultSchema}', owned, '${service_role}');
    END LOOP;
END
$$;

REVOKE UPDATE, DELETE, TRUNCATE ON "${flyway:defaultSchema}".stock_movement FROM "${service_role}";
