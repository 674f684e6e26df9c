package com.example.inventory.stock.model;

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
 * A product: what describes it (its name, its low-stock threshold). Its stock is kept per location
 * ({@link LocationStock}); its {@code version} counts the changes of what describes it, and the product view adds the
 * versions of its stock rows.
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

    /** @param now the time of creation, from the service's clock */
    public Product(String sku, String name, @Nullable Integer lowStockThreshold, Instant now) {
        requireThresholdInRange(lowStockThreshold);
        this.sku = sku;
        this.name = name;
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

    /** PostgreSQL keeps microseconds; the API shows what a later read will show. */
    private static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
