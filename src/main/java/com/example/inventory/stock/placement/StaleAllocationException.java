package com.example.inventory.stock.placement;

/**
 * The rows an order was allocated on without locks changed before its conditional updates reached them: the
 * transaction must roll back, and the order be placed again on locked rows.
 */
public class StaleAllocationException extends RuntimeException {

    StaleAllocationException(String orderId) {
        super("The stock rows of order " + orderId + " changed between its allocation and its updates", null, false,
                false);
    }
}
