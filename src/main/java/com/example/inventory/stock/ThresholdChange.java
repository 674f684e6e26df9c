package com.example.inventory.stock;

import org.jspecify.annotations.Nullable;

/** A product's new low-stock threshold: {@code value} units, or none when {@code value} is null (cleared). */
public record ThresholdChange(@Nullable Integer value) {
}
