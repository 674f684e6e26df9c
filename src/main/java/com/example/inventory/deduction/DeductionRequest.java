package com.example.inventory.deduction;

import java.util.List;

import com.example.inventory.stock.InventoryLimits;
import com.example.inventory.stock.OrderLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code {"orderId": "ORD-1001", "items": [{"sku": "PHONE-1", "quantity": 2}]}} */
record DeductionRequest(
        @NotNull @Pattern(regexp = InventoryLimits.KEY_PATTERN, message = InventoryLimits.KEY_PATTERN_MESSAGE) String orderId,
        @NotNull @Size(min = 1, max = InventoryLimits.MAX_LINES) @EachSkuOnce List<@NotNull @Valid Item> items) {

    record Item(@NotNull @Pattern(regexp = InventoryLimits.KEY_PATTERN, message = InventoryLimits.KEY_PATTERN_MESSAGE) String sku,
                @NotNull @Min(1) @Max(InventoryLimits.MAX_QUANTITY) Integer quantity) {
    }

    List<OrderLine> lines() {
        return items.stream().map(item -> new OrderLine(item.sku(), item.quantity())).toList();
    }
}
