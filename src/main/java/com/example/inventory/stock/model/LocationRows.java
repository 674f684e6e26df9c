package com.example.inventory.stock.model;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statements on the {@code location} table, in plain JDBC (one statement each, in the caller's transaction when
 * there is one). The table belongs to the stock core: stock rows are kept per product and location, and allocation
 * reads the locations' priorities.
 */
@Component
public class LocationRows {

    private static final RowMapper<Location> LOCATION = (row, number) -> new Location(row.getString("code"),
            row.getString("name"), row.getInt("priority"));

    private final JdbcClient jdbc;

    LocationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a new location unless its code is taken: {@code INSERT … ON CONFLICT DO NOTHING}, so that a creation
     * that loses a race for its code is told so by the answer, not by a failed statement that would abort the
     * transaction.
     *
     * @return whether the location was stored
     */
    public boolean insertUnlessCodeTaken(Location location) {
        return jdbc.sql("""
                INSERT INTO location (code, name, priority) VALUES (?, ?, ?)
                ON CONFLICT (code) DO NOTHING""")
                .params(location.code(), location.name(), location.priority()).update() == 1;
    }

    public Optional<Location> find(String code) {
        return jdbc.sql("SELECT code, name, priority FROM location WHERE code = ?").param(code).query(LOCATION)
                .optional();
    }

    /** The codes among {@code codes} that name locations. */
    public Set<String> existing(Collection<String> codes) {
        return new HashSet<>(jdbc.sql("SELECT code FROM location WHERE code = ANY (?)")
                .param(codes.toArray(String[]::new)).query(String.class).list());
    }

    /** Every location, preferred first: by priority, then by code ({@link Location#PREFERRED_FIRST}). */
    public List<Location> all() {
        return jdbc.sql("SELECT code, name, priority FROM location ORDER BY priority, code").query(LOCATION).list();
    }
}
