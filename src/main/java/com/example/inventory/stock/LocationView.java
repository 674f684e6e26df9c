package com.example.inventory.stock;

import com.example.inventory.stock.model.Location;

/** A location as the API shows it. */
public record LocationView(String code, String name, int priority) {

    static LocationView of(Location location) {
        return new LocationView(location.code(), location.name(), location.priority());
    }
}
