package com.example.inventory.stock;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One line of an order: {@code quantity} units of {@code sku}. */
@Embeddable
public record OrderLine(@Column(nullable = false, length = 64) String sku,
                        @Column(nullable = false) int quantity) {
}
