package com.example.inventory.location;

import com.example.inventory.stock.DuplicateLocationException;
import com.example.inventory.stock.LocationNotFoundException;
import com.example.inventory.stock.LocationView;
import com.example.inventory.stock.Locations;
import com.example.inventory.stock.TrackedTransactions;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * The locations stock is kept at: creates them and reads them. The locations are the stock core's
 * ({@link Locations}); a creation is one tracked transaction, so that its outcome is known even when its connection
 * fails on the way.
 */
@Service
class LocationService {

    private final Locations locations;
    private final TrackedTransactions writes;

    LocationService(Locations locations, TrackedTransactions writes) {
        this.locations = locations;
        this.writes = writes;
    }

    /** @throws DuplicateLocationException when the code is taken, also when two creations race for it */
    LocationView create(String code, String name, int priority) {
        return writes.write(() -> locations.create(code, name, priority));
    }

    /** @throws LocationNotFoundException when no location has the code */
    LocationView location(String code) {
        return locations.get(code);
    }

    /** Every location, preferred first: by priority, then by code. */
    List<LocationView> all() {
        return locations.all();
    }
}
