package com.example.inventory.web.input;

import com.example.inventory.common.InventoryLimits;
import java.io.IOException;

/**
 * A request body over {@link InventoryLimits#MAX_BODY_BYTES}. An {@link IOException}, so that the body's stream can
 * throw it while a message converter reads; it then reaches the handler as the cause of an unreadable body.
 */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException() {
        super("The request body is larger than " + InventoryLimits.MAX_BODY_BYTES + " bytes");
    }
}
