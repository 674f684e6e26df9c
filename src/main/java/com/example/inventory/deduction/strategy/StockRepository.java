package com.example.inventory.deduction.strategy;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.example.inventory.product.Product;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The product queries of the deduction strategies. Every query that touches several products returns them in
 * ascending id order: locks are always taken in that one global order, so two orders that share products can
 * never deadlock.
 */
interface StockRepository extends Repository<Product, Long> {

    /** {@code SELECT … WHERE sku IN (…) ORDER BY id FOR NO KEY UPDATE}: rows are locked in id order. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Product p where p.sku in :skus order by p.id")
    List<Product> lockBySkusInIdOrder(Collection<String> skus);

    @Query("select p from Product p where p.sku in :skus order by p.id")
    List<Product> findBySkusInIdOrder(Collection<String> skus);

    @Query("select new com.example.inventory.deduction.strategy.ProductKey(p.id, p.sku) from Product p"
            + " where p.sku in :skus order by p.id")
    List<ProductKey> keysBySkusInIdOrder(Collection<String> skus);

    /**
     * Takes {@code quantity} units of the product with this SKU if that many are available, and records the
     * {@code DEDUCT} movement, in one statement: the row lock is held for a single round trip before the commit.
     *
     * @return 1 if the stock was taken, 0 if not enough was available or no product has the SKU
     */
    @Modifying
    @Query(nativeQuery = true, value = """
            WITH taken AS (
                UPDATE product
                   SET stock = stock - :quantity, version = version + 1, updated_at = clock_timestamp()
                 WHERE sku = :sku AND stock - reserved >= :quantity
             RETURNING id, stock)
            INSERT INTO stock_movement (product_id, kind, quantity, stock_after, reference, created_at)
            SELECT id, 'DEDUCT', :quantity, stock, :reference, clock_timestamp() FROM taken
            """)
    int takeIfAvailable(String sku, int quantity, String reference);

    @Query("select p.stock - p.reserved from Product p where p.sku = :sku")
    Optional<Integer> availableOf(String sku);

    /** Bounds every lock wait of the current transaction; a longer wait fails with SQLSTATE 55P03. */
    @Query(nativeQuery = true, value = "select set_config('lock_timeout', :timeout, true)")
    String limitLockWaits(String timeout);

    void flush();
}
