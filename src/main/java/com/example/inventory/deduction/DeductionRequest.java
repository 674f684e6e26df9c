package com.example.inventory.deduction;

import java.util.List;

import com.example.inventory.product.Skus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code {"orderId": "ORD-1001", "items": [{"sku": "PHONE-1", "quantity": 2}]}} */
record DeductionRequest(
        @NotNull @Pattern(regexp = Skus.PATTERN, message = Skus.PATTERN_MESSAGE) String orderId,
        @NotNull @Size(min = 1, max = MAX_LINES) @EachSkuOnce List<@NotNull @Valid Item> items) {

    static final int MAX_LINES = 100;
    static final int MAX_QUANTITY = 1_000_000;

    record Item(@NotNull @Pattern(regexp = Skus.PATTERN, message = Skus.PATTERN_MESSAGE) String sku,
                @NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity) {
    }

    List<OrderLine> lines() {
        return items.stream().map(item -> new OrderLine(item.sku(), item.quantity())).toList();
    }
}
