package com.example.inventory.product;

import com.example.inventory.common.HasVisibleCharacter;
import com.example.inventory.common.InventoryLimits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.CodePointLength;

/** Request bodies of the product API. */
final class ProductRequests {

    private ProductRequests() {
    }

    record CreateProduct(
            @Schema(example = "PHONE-1")
            @NotNull @Pattern(regexp = InventoryLimits.KEY_PATTERN, message = InventoryLimits.KEY_PATTERN_MESSAGE) String sku,
            // Counted in characters (code points), as JSON Schema's maxLength and PostgreSQL's varchar count them.
            @NotNull @CodePointLength(min = 1, max = InventoryLimits.MAX_NAME_LENGTH)
            // The pattern says the rule for the Basic Multilingual Plane; the constraint says all of it.
            @Schema(minLength = 1, maxLength = InventoryLimits.MAX_NAME_LENGTH, pattern = InventoryLimits.NAME_PATTERN,
                    description = InventoryLimits.NAME_RULE, example = "Phone")
            @HasVisibleCharacter String name,
            @Schema(example = "100") @NotNull @Min(0) @Max(InventoryLimits.MAX_STOCK) Integer stock) {
    }

    record Restock(@Schema(example = "50") @NotNull @Min(1) @Max(InventoryLimits.MAX_STOCK) Integer quantity) {
    }
}
