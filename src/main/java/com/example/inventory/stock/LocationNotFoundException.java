package com.example.inventory.stock;

/** No location has the given code. */
public class LocationNotFoundException extends RuntimeException {

    private final String location;

    private LocationNotFoundException(String location) {
        super("No location with code '" + location + "'");
        this.location = location;
    }

    public static LocationNotFoundException of(String location) {
        return new LocationNotFoundException(location);
    }

    public String location() {
        return location;
    }
}
