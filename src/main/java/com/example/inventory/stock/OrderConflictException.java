package com.example.inventory.stock;

/** An order id is taken by an order that asked for something else: the request cannot be a replay of it. */
public class OrderConflictException extends RuntimeException {

    private final String orderId;

    private OrderConflictException(String orderId, String message) {
        super(message);
        this.orderId = orderId;
    }

    /** The order was placed before (deducted or reserved) with other items than this request asks for. */
    public static OrderConflictException otherItems(String orderId, String placedAs) {
        return new OrderConflictException(orderId, "Order '" + orderId + "' was already " + placedAs
                + " with other items");
    }

    /** A deduction exists for the order id, so no other can be made for it (a reservation's confirmation). */
    public static OrderConflictException alreadyDeducted(String orderId) {
        return new OrderConflictException(orderId, "Order '" + orderId + "' has a deduction already");
    }

    public String orderId() {
        return orderId;
    }
}
