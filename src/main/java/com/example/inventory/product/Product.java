package com.example.inventory.product;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A product and its stock. Every change of stock goes through a method of this class, which guards
 * the invariants ({@code 0 <= reserved <= stock <= MAX_STOCK}); the database checks them again.
 */
@Entity
@Table(name = "product")
public class Product {

    /** The contract's upper bound for a stock value. */
    public static final int MAX_STOCK = 1_000_000_000;

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

    @Version
    private long version;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    protected Product() {
    }

    Product(String sku, String name, int stock) {
        if (stock < 0 || stock > MAX_STOCK) {
            throw new IllegalArgumentException("stock out of range: " + stock);
        }
        this.sku = sku;
        this.name = name;
        this.stock = stock;
        this.createdAt = now();
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

    /** Stock that can still be taken: {@code stock - reserved}. */
    public int available() {
        return stock - reserved;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /**
     * Takes {@code quantity} units off the available stock.
     *
     * @throws InsufficientStockException when fewer than {@code quantity} units are available
     */
    public void deduct(int quantity) {
        requirePositive(quantity);
        if (quantity > available()) {
            throw InsufficientStockException.of(sku, quantity, available());
        }
        stock -= quantity;
        touch();
    }

    /** Gives back {@code quantity} units, e.g. when a deduction is cancelled. */
    public void giveBack(int quantity) {
        requirePositive(quantity);
        stock = Math.addExact(stock, quantity);
        touch();
    }

    /**
     * Raises the stock by {@code quantity}.
     *
     * @throws StockLimitExceededException when the stock would exceed {@link #MAX_STOCK}
     */
    void restock(int quantity) {
        requirePositive(quantity);
        if ((long) stock + quantity > MAX_STOCK) {
            throw StockLimitExceededException.of(sku, stock, quantity);
        }
        stock += quantity;
        touch();
    }

    private void touch() {
        updatedAt = now();
    }

    /** PostgreSQL keeps microseconds; the API shows what a later read will show. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static void requirePositive(int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
    }
}
