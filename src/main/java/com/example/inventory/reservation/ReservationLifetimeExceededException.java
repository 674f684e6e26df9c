package com.example.inventory.reservation;

import java.time.Instant;

/**
 * A hold may not last beyond its creation plus the maximum lifetime ({@code inventory.reservation.max-lifetime}, 24 h):
 * an extension, or a creation, that would set {@code expiresAt} later is refused and changes nothing.
 */
public class ReservationLifetimeExceededException extends RuntimeException {

    private final Instant maxExpiresAt;

    private ReservationLifetimeExceededException(String message, Instant maxExpiresAt) {
        super(message);
        this.maxExpiresAt = maxExpiresAt;
    }

    /** An extension of {@code reservation} to {@code until}, past {@code maxExpiresAt}. */
    static ReservationLifetimeExceededException extending(Reservation reservation, Instant until, Instant maxExpiresAt) {
        return new ReservationLifetimeExceededException("Reservation " + reservation.getId() + " cannot be held until "
                + until + ": it was created at " + reservation.getCreatedAt() + " and may be held until "
                + maxExpiresAt + " at the latest", maxExpiresAt);
    }

    /** A new hold for {@code orderId} that would last longer than the maximum lifetime. */
    static ReservationLifetimeExceededException creating(String orderId, Instant maxExpiresAt) {
        return new ReservationLifetimeExceededException("A reservation for order '" + orderId
                + "' may be held until " + maxExpiresAt + " at the latest", maxExpiresAt);
    }

    /** The latest {@code expiresAt} the reservation may have. */
    public Instant maxExpiresAt() {
        return maxExpiresAt;
    }
}
