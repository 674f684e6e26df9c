package com.example.inventory.stock;

import com.example.inventory.stock.model.Location;
import com.example.inventory.stock.model.LocationRows;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the location feature may do with the stock core's locations: create one, read one, read them all. The
 * {@code location} table is the core's, because stock is kept per product and location and allocation prefers
 * locations by their priority; {@value Location#DEFAULT} (priority 0) always exists.
 */
@Component
public class Locations {

    /** The location every call that names none works on; the migration creates it. */
    public static final String DEFAULT = Location.DEFAULT;

    private final LocationRows rows;

    Locations(LocationRows rows) {
        this.rows = rows;
    }

    /**
     * Creates a location, inside the caller's transaction.
     *
     * @throws DuplicateLocationException when the code is taken, also when two creations race for it
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public LocationView create(String code, String name, int priority) {
        Location location = new Location(code, name, priority);
        if (!rows.insertUnlessCodeTaken(location)) {
            throw DuplicateLocationException.of(code);
        }
        return LocationView.of(location);
    }

    /**
     * The location with this code: one statement, outside any transaction.
     *
     * @throws LocationNotFoundException when no location has the code
     */
    public LocationView get(String code) {
        return rows.find(code).map(LocationView::of).orElseThrow(() -> LocationNotFoundException.of(code));
    }

    /** Every location, preferred first: by priority, then by code. One statement, outside any transaction. */
    public List<LocationView> all() {
        return rows.all().stream().map(LocationView::of).toList();
    }
}
