package com.example.inventory.stock.model;

import com.example.inventory.stock.InsufficientStockException;
import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.StockLimitExceededException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Formula;
import org.jspecify.annotations.Nullable;

/**
 * One product's stock at one location: the row every stock change changes. Every change of its counters is a
 * {@link MovementKind movement} applied through {@link #apply}, which keeps the one rule of {@link StockLevels}
 * ({@code 0 ≤ reserved ≤ stock ≤ MAX_STOCK}) or refuses; the database checks the same rule again.
 */
@Entity
@Table(name = "location_stock")
public class LocationStock {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Long productId;

    @Column(nullable = false, updatable = false, length = 64)
    private String sku;

    @Column(nullable = false, updatable = false, length = 64)
    private String location;

    /** The location's priority, read with the row: allocation prefers lower ones. */
    @Formula("(select l.priority from location l where l.code = location)")
    private int priority;

    /**
     * The product's low-stock threshold, read with the row (null: none): the availability events are decided on the
     * rows a transaction holds.
     */
    @Formula("(select p.low_stock_threshold from product p where p.id = product_id)")
    private @Nullable Integer lowStockThreshold;

    /** How many locations the product is kept at (a row added at a new location updates it on every row). */
    @Column(insertable = false, updatable = false)
    private int productLocations = 1;

    @Column(nullable = false)
    private int stock;

    @Column(nullable = false)
    private int reserved;

    @Version
    private long version;

    @Column(nullable = false)
    private Instant updatedAt;

    protected LocationStock() {
    }

    /**
     * A row as it would be read from the database, built in memory (the service stores rows in plain JDBC; rules
     * such as allocation are tried on these).
     *
     * @param now the time of its last change
     * @throws IllegalArgumentException when {@code stock} is outside 0..{@link StockLevels#MAX_STOCK}
     */
    public LocationStock(long productId, String sku, String location, int priority, int stock, Instant now) {
        if (!new StockLevels(stock, 0).withinBounds()) {
            throw new IllegalArgumentException("stock out of range: " + stock);
        }
        this.productId = productId;
        this.sku = sku;
        this.location = location;
        this.priority = priority;
        this.stock = stock;
        this.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    public Long getId() {
        return id;
    }

    public long getProductId() {
        return productId;
    }

    public String getSku() {
        return sku;
    }

    public String getLocation() {
        return location;
    }

    public int getPriority() {
        return priority;
    }

    public long getVersion() {
        return version;
    }

    public int getStock() {
        return stock;
    }

    public int getReserved() {
        return reserved;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public @Nullable Integer getLowStockThreshold() {
        return lowStockThreshold;
    }

    public int getProductLocations() {
        return productLocations;
    }

    public int getAvailable() {
        return stock - reserved;
    }

    /**
     * Applies one movement of {@code quantity} units: deduct, give back (cancel), restock, reserve, release or
     * confirm.
     *
     * @param now the time of the change, from the service's clock
     * @throws InsufficientStockException when fewer than {@code quantity} units are available to deduct or reserve
     * @throws StockLimitExceededException when the stock would rise above {@link StockLevels#MAX_STOCK}
     * @throws IllegalStateException when fewer units are reserved than a release or confirmation gives up
     */
    public void apply(MovementKind kind, int quantity, Instant now) {
        RuntimeException refusal = refusal(kind, quantity);
        if (refusal != null) {
            throw refusal;
        }
        StockLevels after = levels().after(kind, quantity);
        stock = Math.toIntExact(after.stock());
        reserved = Math.toIntExact(after.reserved());
        updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    /** Why {@link #apply} would refuse this movement, or {@code null} if it would not. */
    public @Nullable RuntimeException refusal(MovementKind kind, int quantity) {
        if (quantity <= 0) {
            return new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        if (levels().after(kind, quantity).withinBounds()) {
            return null;
        }
        return refusalOf(kind, sku, quantity, levels());
    }

    /** The failure that explains why {@code kind} of {@code quantity} does not fit {@code levels}. */
    public static RuntimeException refusalOf(MovementKind kind, String sku, int quantity, StockLevels levels) {
        if (kind.takesAvailable()) {
            return InsufficientStockException.of(sku, quantity, Math.toIntExact(levels.available()));
        }
        if (kind.stockDelta(quantity) > 0) {
            return StockLimitExceededException.of(sku, Math.toIntExact(levels.stock()), quantity);
        }
        return new IllegalStateException("%s of %d units of %s does not fit stock %d, reserved %d"
                .formatted(kind, quantity, sku, levels.stock(), levels.reserved()));
    }

    public StockLevels levels() {
        return new StockLevels(stock, reserved);
    }
}
