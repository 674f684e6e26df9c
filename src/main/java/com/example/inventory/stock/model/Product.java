package com.example.inventory.stock.model;

import com.example.inventory.stock.InsufficientStockException;
import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.StockLimitExceededException;
import com.example.inventory.stock.ThresholdChange;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A product and its stock. Every change of its counters is a {@link MovementKind movement} applied through
 * {@link #apply}, which keeps the one rule of {@link StockLevels} ({@code 0 ≤ reserved ≤ stock ≤ MAX_STOCK}) or
 * refuses; the database checks the same rule again.
 */
@Entity
@Table(name = "product")
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false, length = 64)
    private String sku;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false)
    private int stock;

    @Column(nullable = false)
    private int reserved;

    /** Below it the product's stock counts as low; {@code null}: no threshold. */
    private @Nullable Integer lowStockThreshold;

    @Version
    private long version;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    protected Product() {
    }

    /** A product without a low-stock threshold; {@code now} is the time of creation, from the service's clock. */
    public Product(String sku, String name, int stock, Instant now) {
        this(sku, name, stock, null, now);
    }

    /** @param now the time of creation, from the service's clock */
    public Product(String sku, String name, int stock, @Nullable Integer lowStockThreshold, Instant now) {
        if (!new StockLevels(stock, 0).withinBounds()) {
            throw new IllegalArgumentException("stock out of range: " + stock);
        }
        requireThresholdInRange(lowStockThreshold);
        this.sku = sku;
        this.name = name;
        this.stock = stock;
        this.lowStockThreshold = lowStockThreshold;
        this.createdAt = stored(now);
        this.updatedAt = this.createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getSku() {
        return sku;
    }

    public String getName() {
        return name;
    }

    public int getStock() {
        return stock;
    }

    public int getReserved() {
        return reserved;
    }

    public @Nullable Integer getLowStockThreshold() {
        return lowStockThreshold;
    }

    public long getVersion() {
        return version;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /**
     * Changes what describes the product, not its stock: its name, when {@code name} is given, and its low-stock
     * threshold, when {@code threshold} is given (its value null clears it). A value equal to the present one is no
     * change: the version and {@code updatedAt} move only when something did.
     *
     * @param now the time of the change, from the service's clock
     * @return whether anything changed
     * @throws IllegalArgumentException when the threshold is outside 0..{@link StockLevels#MAX_STOCK}
     */
    public boolean describe(@Nullable String name, @Nullable ThresholdChange threshold, Instant now) {
        boolean changed = false;
        if (name != null && !name.equals(this.name)) {
            this.name = name;
            changed = true;
        }
        if (threshold != null && !Objects.equals(threshold.value(), lowStockThreshold)) {
            requireThresholdInRange(threshold.value());
            lowStockThreshold = threshold.value();
            changed = true;
        }
        if (changed) {
            updatedAt = stored(now);
        }
        return changed;
    }

    private static void requireThresholdInRange(@Nullable Integer threshold) {
        if (threshold != null && (threshold < 0 || threshold > StockLevels.MAX_STOCK)) {
            throw new IllegalArgumentException("low-stock threshold out of range: " + threshold);
        }
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
        updatedAt = stored(now);
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

    private StockLevels levels() {
        return new StockLevels(stock, reserved);
    }

    /** PostgreSQL keeps microseconds; the API shows what a later read will show. */
    private static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
