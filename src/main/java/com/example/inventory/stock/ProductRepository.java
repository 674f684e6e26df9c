package com.example.inventory.stock;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import org.hibernate.jpa.HibernateHints;
import org.jspecify.annotations.Nullable;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

/**
 * The product queries. Every query that touches several products returns them in ascending id order: locks are
 * always taken in that one global order, so two orders that share products can never deadlock.
 */
interface ProductRepository extends JpaRepository<Product, Long> {

    Optional<Product> findBySku(String sku);

    boolean existsBySku(String sku);

    /** {@code SELECT … WHERE sku IN (…) ORDER BY id FOR NO KEY UPDATE}: rows are locked in id order. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Product p where p.sku in :skus order by p.id")
    List<Product> lockBySkusInIdOrder(Collection<String> skus);

    /**
     * Like {@link #lockBySkusInIdOrder}, but the products come back read-only: Hibernate does not write them at the
     * end of the transaction, because the batched strategy writes all the rows it changed in one statement of its
     * own ({@link #writeLevels}).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true"))
    @Query("select p from Product p where p.sku in :skus order by p.id")
    List<Product> lockReadOnlyBySkusInIdOrder(Collection<String> skus);

    @Query("select p from Product p where p.sku in :skus order by p.id")
    List<Product> findBySkusInIdOrder(Collection<String> skus);

    /**
     * Writes new stock and reserved values of many products, locked by this transaction, in one statement.
     *
     * @return the number of products written
     */
    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE product p
               SET stock = changed.stock, reserved = changed.reserved, version = p.version + 1,
                   updated_at = clock_timestamp()
              FROM unnest(cast(:ids AS bigint[]), cast(:stocks AS integer[]), cast(:reserved AS integer[]))
                       AS changed (id, stock, reserved)
             WHERE p.id = changed.id""")
    int writeLevels(Long[] ids, Integer[] stocks, Integer[] reserved);

    @Query("select p.sku from Product p where p.sku in :skus order by p.id")
    List<String> skusInIdOrder(Collection<String> skus);

    @Query("select new com.example.inventory.stock.StockLevels(cast(p.stock as Long), cast(p.reserved as Long))"
            + " from Product p where p.sku = :sku")
    Optional<StockLevels> levelsOf(String sku);

    /**
     * Applies one movement to the product with this SKU if the result keeps the rule of {@link StockLevels}, and
     * records it in the ledger, in one statement: the row lock is held for a single round trip before the commit.
     *
     * @param stockDelta the movement's change of {@code stock}
     * @param reservedDelta the movement's change of {@code reserved}
     * @return 1 if the stock changed, 0 if the change would break the rule or no product has the SKU
     */
    @Modifying
    @Query(nativeQuery = true, value = """
            WITH changed AS (
                UPDATE product
                   SET stock = stock + :stockDelta, reserved = reserved + :reservedDelta, version = version + 1,
                       updated_at = clock_timestamp()
                 WHERE sku = :sku AND (""" + StockLevels.WITHIN_BOUNDS_AFTER_DELTAS_SQL + """
            )
             RETURNING id, stock)
            INSERT INTO stock_movement (product_id, kind, quantity, stock_after, reference, created_at)
            SELECT id, :kind, :quantity, stock, :reference, clock_timestamp() FROM changed
            """)
    int changeIfWithinBounds(String sku, String kind, int quantity, int stockDelta, int reservedDelta,
                             @Nullable String reference);

}
