package com.example.inventory.reservation;

/** What a reservation request came to: a new reservation, or the stored one of a repeated order. */
record ReservationOutcome(ReservationView reservation, boolean replayed) {
}
