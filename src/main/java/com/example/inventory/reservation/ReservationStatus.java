package com.example.inventory.reservation;

/** Where a reservation stands. Only an {@link #ACTIVE} one holds units; every other status is final. */
public enum ReservationStatus {
    ACTIVE, CONFIRMED, RELEASED, EXPIRED
}
