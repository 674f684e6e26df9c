package com.example.inventory.deduction;

import com.example.inventory.stock.OrderLine;
import com.example.inventory.stock.StockOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** The stock taken for one order, all lines or none. */
@Entity
@Table(name = "deduction")
class Deduction implements StockOrder {

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false, length = 64)
    private String orderId;

    @Column(nullable = false, updatable = false)
    private String clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DeductionStatus status;

    @Column(nullable = false, updatable = false, length = 32)
    private String strategy;

    @Column(nullable = false, updatable = false)
    private int attempts;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    private @Nullable Instant cancelledAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "deduction_line", joinColumns = @JoinColumn(name = "deduction_id"))
    @OrderColumn(name = "line_no")
    private List<OrderLine> lines = new ArrayList<>();

    protected Deduction() {
    }

    UUID getId() {
        return id;
    }

    @Override
    public String orderId() {
        return orderId;
    }

    @Override
    public String clientId() {
        return clientId;
    }

    DeductionStatus getStatus() {
        return status;
    }

    String getStrategy() {
        return strategy;
    }

    int getAttempts() {
        return attempts;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    @Override
    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    boolean isCancelled() {
        return status == DeductionStatus.CANCELLED;
    }

    void markCancelled(Instant now) {
        status = DeductionStatus.CANCELLED;
        cancelledAt = now;
    }

}
