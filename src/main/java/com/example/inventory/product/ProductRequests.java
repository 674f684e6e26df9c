package com.example.inventory.product;

import com.example.inventory.stock.InventoryLimits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the product API. */
final class ProductRequests {

    private ProductRequests() {
    }

    record CreateProduct(
            @NotNull @Pattern(regexp = InventoryLimits.KEY_PATTERN, message = InventoryLimits.KEY_PATTERN_MESSAGE) String sku,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Min(0) @Max(InventoryLimits.MAX_STOCK) Integer stock) {
    }

    record Restock(@NotNull @Min(1) @Max(InventoryLimits.MAX_STOCK) Integer quantity) {
    }
}
