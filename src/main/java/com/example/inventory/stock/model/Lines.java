package com.example.inventory.stock.model;

import com.example.inventory.stock.OrderLine;
import com.example.inventory.stock.ProductNotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Helpers over an order's lines. */
public final class Lines {

    private Lines() {
    }

    public static List<String> skus(List<OrderLine> lines) {
        return lines.stream().map(OrderLine::sku).toList();
    }

    public static Map<String, Integer> quantitiesBySku(List<OrderLine> lines) {
        return lines.stream().collect(Collectors.toMap(OrderLine::sku, OrderLine::quantity));
    }

    /** @throws ProductNotFoundException for the first line, in the order's own order, whose SKU was not found */
    public static <T> void requireAllFound(List<OrderLine> lines, List<T> found, Function<T, String> sku) {
        if (found.size() == lines.size()) {
            return;
        }
        Set<String> foundSkus = found.stream().map(sku).collect(Collectors.toSet());
        lines.stream().filter(line -> !foundSkus.contains(line.sku())).findFirst().ifPresent(line -> {
            throw ProductNotFoundException.of(line.sku());
        });
    }
}
