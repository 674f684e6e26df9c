package com.example.inventory.deduction;

import com.example.inventory.common.InventoryLimits;
import com.example.inventory.stock.OrderLine;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** {@code {"orderId": "ORD-1001", "items": [{"sku": "PHONE-1", "quantity": 2}]}} */
record DeductionRequest(
        @Schema(example = "ORD-1001")
        @NotNull @Pattern(regexp = InventoryLimits.KEY_PATTERN, message = InventoryLimits.KEY_PATTERN_MESSAGE)
        @Nullable String orderId,
        @Schema(description = OrderItem.ITEMS_DESCRIPTION)
        @NotNull @Size(min = 1, max = InventoryLimits.MAX_LINES) @EachSkuOnce
        @Nullable List<@NotNull @Valid OrderItem> items) {

    /** The validated order id; call only on a valid request. */
    String order() {
        if (orderId == null) {
            throw new IllegalStateException("An invalid request reached the service");
        }
        return orderId;
    }

    /** The validated lines; call only on a valid request. */
    List<OrderLine> lines() {
        return OrderItem.lines(items);
    }
}
