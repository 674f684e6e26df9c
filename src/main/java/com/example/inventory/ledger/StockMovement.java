package com.example.inventory.ledger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One entry of the append-only stock ledger. */
@Entity
@Immutable
@Table(name = "stock_movement")
class StockMovement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Long productId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private MovementKind kind;

    @Column(nullable = false, updatable = false)
    private int quantity;

    @Column(nullable = false, updatable = false)
    private int stockAfter;

    @Column(updatable = false, length = 64)
    private String reference;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    protected StockMovement() {
    }

    StockMovement(Long productId, MovementKind kind, int quantity, int stockAfter, String reference) {
        this.productId = productId;
        this.kind = kind;
        this.quantity = quantity;
        this.stockAfter = stockAfter;
        this.reference = reference;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    Long getId() {
        return id;
    }

    MovementKind getKind() {
        return kind;
    }

    int getQuantity() {
        return quantity;
    }

    int getStockAfter() {
        return stockAfter;
    }

    String getReference() {
        return reference;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
