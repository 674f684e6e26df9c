package com.example.inventory.reservation;

/** No reservation has the given id, or none was made for the given order. */
public class ReservationNotFoundException extends RuntimeException {

    private ReservationNotFoundException(String message) {
        super(message);
    }

    static ReservationNotFoundException withId(String id) {
        return new ReservationNotFoundException("No reservation with id '" + id + "'");
    }

    static ReservationNotFoundException forOrder(String orderId) {
        return new ReservationNotFoundException("No reservation for order '" + orderId + "'");
    }
}
