-- Locations (warehouses, stores): where stock will be kept. Lower priority is preferred; equal priorities are
-- ordered by code. The code is in the SKU alphabet and compared byte by byte (COLLATE "C"), so that the database
-- orders and tells codes apart exactly as the service's Java does, whatever the database's default collation.
-- Nothing references a location yet: stock rows per (product, location) come with a later migration.

CREATE TABLE location (
    code        varchar(64) COLLATE "C" NOT NULL PRIMARY KEY,
    name        varchar(200) NOT NULL,
    priority    integer      NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT location_code_alphabet CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    CONSTRAINT location_name_not_empty CHECK (char_length(name) >= 1),
    CONSTRAINT location_priority_range CHECK (priority BETWEEN 0 AND 1000)
);

-- "Every location, by priority then code", and later the allocation's order.
CREATE INDEX location_by_priority ON location (priority, code);

-- The location every call that names none works on: a one-location shop never sees another.
INSERT INTO location (code, name, priority) VALUES ('DEFAULT', 'Default location', 0);
