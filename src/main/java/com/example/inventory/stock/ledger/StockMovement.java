package com.example.inventory.stock.ledger;

import com.example.inventory.stock.MovementKind;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/** One entry of the append-only stock ledger, as read back; {@link Ledger} writes them. */
@Entity
@Immutable
@Table(name = "stock_movement")
public class StockMovement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Long productId;

    @Column(nullable = false, updatable = false, length = 64)
    private String location;

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
    private String actor;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    protected StockMovement() {
    }

    public Long getId() {
        return id;
    }

    public String getLocation() {
        return location;
    }

    public MovementKind getKind() {
        return kind;
    }

    public int getQuantity() {
        return quantity;
    }

    public int getStockAfter() {
        return stockAfter;
    }

    public String getActor() {
        return actor;
    }

    public @Nullable String getReference() {
        return reference;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
