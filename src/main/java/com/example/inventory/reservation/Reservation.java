package com.example.inventory.reservation;

import com.example.inventory.stock.OrderLine;
import com.example.inventory.stock.PlacementMode;
import com.example.inventory.stock.StockOrder;
import java.time.Duration;
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
import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;

/**
 * Units held for one order while its buyer checks out, and their fate. Every transition is guarded here: only an
 * {@link ReservationStatus#ACTIVE} reservation whose time is not up can be confirmed or extended; a confirmed one
 * cannot be released; every status but {@code ACTIVE} is final. The service decides under the reservation's row
 * lock, so of concurrent decisions exactly one applies and the others see its result.
 */
@Entity
@Table(name = "reservation")
class Reservation implements StockOrder {

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false, length = 64)
    private String orderId;

    @Column(nullable = false, updatable = false)
    private String clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ReservationStatus status;

    @Column(nullable = false, updatable = false, length = 32)
    private String strategy;

    @Column(nullable = false, updatable = false)
    private int attempts;

    @Column(nullable = false)
    private Instant expiresAt;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    private @Nullable Instant decidedAt;

    private @Nullable UUID deductionId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "reservation_line", joinColumns = @JoinColumn(name = "reservation_id"))
    @OrderColumn(name = "line_no")
    @BatchSize(size = 64)
    private List<OrderLine> lines = new ArrayList<>();

    protected Reservation() {
    }

    /**
     * The reservation that placing {@code order} stores: active until the order's expiry. The book writes the same
     * row with SQL ({@link ReservationBook}), a batch in one statement; this builds it in memory.
     */
    Reservation(ReservationOrder order, PlacementMode strategy, int attempts) {
        this.id = order.id();
        this.orderId = order.orderId();
        this.clientId = order.clientId();
        this.status = ReservationStatus.ACTIVE;
        this.strategy = strategy.value();
        this.attempts = attempts;
        this.expiresAt = order.expiresAt();
        this.createdAt = order.createdAt();
        this.lines = new ArrayList<>(order.lines());
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

    @Override
    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    ReservationStatus getStatus() {
        return status;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    @Nullable UUID getDeductionId() {
        return deductionId;
    }

    String getStrategy() {
        return strategy;
    }

    /** Whether its units are still held although its time is up: the sweeper has yet to expire it. */
    boolean isOverdueAt(Instant now) {
        return status == ReservationStatus.ACTIVE && !now.isBefore(expiresAt);
    }

    boolean isConfirmed() {
        return status == ReservationStatus.CONFIRMED;
    }

    /**
     * The hold becomes a sale, recorded as deduction {@code deduction}.
     *
     * @throws ReservationStateException unless it is active and its time is not up
     */
    void confirm(UUID deduction, Instant now) {
        requireActive(now);
        status = ReservationStatus.CONFIRMED;
        deductionId = deduction;
        decidedAt = now;
    }

    /**
     * The buyer gave up: the hold ends as {@code RELEASED}, or as {@code EXPIRED} if its time was up already —
     * unless it ended before, which changes nothing.
     *
     * @return whether the hold ended now, so that its units must go back
     * @throws ReservationStateException when it was confirmed
     */
    boolean release(Instant now) {
        return switch (status) {
            case CONFIRMED -> throw ReservationStateException.of(this);
            case RELEASED, EXPIRED -> false;
            case ACTIVE -> {
                status = isOverdueAt(now) ? ReservationStatus.EXPIRED : ReservationStatus.RELEASED;
                decidedAt = now;
                yield true;
            }
        };
    }

    /**
     * Holds the units until {@code until} instead, which may be as late as its creation plus {@code maxLifetime}
     * and no later.
     *
     * @throws ReservationStateException unless it is active and its time is not up
     * @throws ReservationLifetimeExceededException when {@code until} is past its creation plus {@code maxLifetime}
     */
    void extend(Instant until, Instant now, Duration maxLifetime) {
        requireActive(now);
        Instant latest = createdAt.plus(maxLifetime);
        if (until.isAfter(latest)) {
            throw ReservationLifetimeExceededException.extending(this, until, latest);
        }
        expiresAt = until;
    }

    private void requireActive(Instant now) {
        if (status != ReservationStatus.ACTIVE || isOverdueAt(now)) {
            throw ReservationStateException.of(this);
        }
    }

}
