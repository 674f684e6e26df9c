package com.example.inventory.reservation;

import java.util.UUID;

/**
 * A reservation's fate is decided already (or its time is up), so it cannot do what was asked: the status says
 * which of {@code reservation-expired}, {@code reservation-released} and {@code reservation-confirmed} it is.
 */
public class ReservationStateException extends RuntimeException {

    private final UUID id;
    private final ReservationStatus status;

    private ReservationStateException(UUID id, ReservationStatus status) {
        super("Reservation " + id + " is " + status.name().toLowerCase(java.util.Locale.ROOT));
        this.id = id;
        this.status = status;
    }

    /** For a reservation that can no longer change; an active one whose time is up counts as expired. */
    static ReservationStateException of(Reservation reservation) {
        ReservationStatus status = reservation.getStatus() == ReservationStatus.ACTIVE ? ReservationStatus.EXPIRED
                : reservation.getStatus();
        return new ReservationStateException(reservation.getId(), status);
    }

    public UUID id() {
        return id;
    }

    public ReservationStatus status() {
        return status;
    }
}
