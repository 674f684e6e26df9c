package com.example.inventory.stock;

/** A location with the given code exists already. */
public class DuplicateLocationException extends RuntimeException {

    private final String location;

    private DuplicateLocationException(String location) {
        super("A location with code '" + location + "' already exists");
        this.location = location;
    }

    static DuplicateLocationException of(String location) {
        return new DuplicateLocationException(location);
    }

    public String location() {
        return location;
    }
}
