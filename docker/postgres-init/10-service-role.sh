#!/bin/sh
# Runs once, when the PostgreSQL image initialises an empty volume (docker-entrypoint-initdb.d): creates the role the
# service logs in as. It owns nothing; Flyway, migrating as the schema's owner (POSTGRES_USER), grants it its rights
# (db/migration/afterMigrate.sql).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v role="$INVENTORY_APP_USER" -v password="$INVENTORY_APP_PASSWORD" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
SQL
