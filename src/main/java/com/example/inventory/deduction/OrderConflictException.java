package com.example.inventory.deduction;

/** The order was deducted before, with other items than this request asks for. */
public class OrderConflictException extends RuntimeException {

    private final String orderId;

    private OrderConflictException(String orderId) {
        super("Order '" + orderId + "' was already deducted with other items");
        this.orderId = orderId;
    }

    static OrderConflictException of(String orderId) {
        return new OrderConflictException(orderId);
    }

    public String orderId() {
        return orderId;
    }
}
