package com.example.inventory.deduction;

/** No deduction has the given id, or no deduction was made for the given order. */
public class DeductionNotFoundException extends RuntimeException {

    private DeductionNotFoundException(String message) {
        super(message);
    }

    static DeductionNotFoundException withId(String id) {
        return new DeductionNotFoundException("No deduction with id '" + id + "'");
    }

    static DeductionNotFoundException forOrder(String orderId) {
        return new DeductionNotFoundException("No deduction for order '" + orderId + "'");
    }
}
