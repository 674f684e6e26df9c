package com.example.inventory.stock;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * An order's line as the API shows it: what it asked for ({@code location} when it pinned one, else null) and where
 * its units came from ({@code allocations}: their quantities sum to the line's, each location at most once).
 */
public record OrderLineView(String sku, int quantity,
                            @Schema(types = {"string", "null"}, description = "The location the line pinned; null: "
                                    + "allocated") @Nullable String location,
                            @ArraySchema(arraySchema = @Schema(description = "Where the line's units came from (or are "
                                    + "held), in the order taken")) List<Allocated> allocations) {

    public OrderLineView {
        allocations = List.copyOf(allocations);
    }

    /** The lines of an order with their allocations, by the line's index in the order. */
    public static List<OrderLineView> of(List<OrderLine> lines, List<List<Allocated>> allocations) {
        if (allocations.size() != lines.size()) {
            throw new IllegalArgumentException("Allocations of " + allocations.size() + " lines for " + lines.size());
        }
        List<OrderLineView> views = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            views.add(new OrderLineView(line.sku(), line.quantity(), line.location(), allocations.get(i)));
        }
        return views;
    }
}
