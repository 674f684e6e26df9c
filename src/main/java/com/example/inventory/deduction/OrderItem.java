package com.example.inventory.deduction;

import com.example.inventory.common.InventoryLimits;
import com.example.inventory.stock.OrderLine;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One line of an order as a request sends it, {@code {"sku": "PHONE-1", "quantity": 2}} (and optionally the
 * {@code "location"} it pins), with the contract's rules.
 * Deduction and reservation requests share it.
 */
public record OrderItem(
        @Schema(example = "PHONE-1")
        @NotNull @Pattern(regexp = InventoryLimits.KEY_PATTERN, message = InventoryLimits.KEY_PATTERN_MESSAGE)
        @Nullable String sku,
        @Schema(example = "2") @NotNull @Min(1) @Max(InventoryLimits.MAX_QUANTITY) @Nullable Integer quantity,
        @Schema(types = {"string", "null"}, description = "Optional: the location the line takes "
                + "its units from; absent or null: allocated over the product's locations")
        @Pattern(regexp = InventoryLimits.KEY_PATTERN, message = InventoryLimits.KEY_PATTERN_MESSAGE)
        @Nullable String location) {

    /** What the schema of an order's {@code items} says beside its bounds: the rule JSON Schema cannot state. */
    public static final String ITEMS_DESCRIPTION = "The order's lines; each SKU at most once (a SKU named twice is a "
            + "400 `validation` naming `items`)";

    /** The validated line; call only on a valid item. */
    public OrderLine line() {
        if (sku == null || quantity == null) {
            throw new IllegalStateException("An invalid item reached the service: " + this);
        }
        return new OrderLine(sku, quantity, location);
    }

    /** The validated lines of an order's items; call only on a valid request. */
    public static List<OrderLine> lines(@Nullable List<OrderItem> items) {
        if (items == null) {
            throw new IllegalStateException("An invalid request reached the service");
        }
        return items.stream().map(OrderItem::line).toList();
    }
}
