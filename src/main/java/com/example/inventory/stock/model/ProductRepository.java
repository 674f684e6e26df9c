package com.example.inventory.stock.model;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import org.hibernate.jpa.HibernateHints;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

/**
 * The product queries. Every query that touches several products returns them in ascending id order: locks are
 * always taken in that one global order, so two orders that share products can never deadlock.
 */
public interface ProductRepository extends JpaRepository<Product, Long> {

    Optional<Product> findBySku(String sku);

    /**
     * {@code SELECT … WHERE sku = ? FOR NO KEY UPDATE}: the one product of a single-line order. (Hibernate binds a
     * collection parameter by first trying, and failing with an exception, to coerce it to a single value: a stack
     * trace per request, and deoptimised code, on the hottest path.)
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Product p where p.sku = :sku")
    List<Product> lockBySku(String sku);

    /** {@code SELECT … WHERE sku IN (…) ORDER BY id FOR NO KEY UPDATE}: rows are locked in id order. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Product p where p.sku in :skus order by p.id")
    List<Product> lockBySkusInIdOrder(Collection<String> skus);

    /**
     * Like {@link #lockBySkusInIdOrder}, but the products come back read-only: Hibernate does not write them at the
     * end of the transaction, because the batched strategy writes all the rows it changed in one statement of its
     * own ({@link StockStatements#writeLevels}).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true"))
    @Query("select p from Product p where p.sku in :skus order by p.id")
    List<Product> lockReadOnlyBySkusInIdOrder(Collection<String> skus);

    /** {@link #lockReadOnlyBySkusInIdOrder} for a single product: see {@link #lockBySku}. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true"))
    @Query("select p from Product p where p.sku = :sku")
    List<Product> lockReadOnlyBySku(String sku);

    @Query("select p from Product p where p.sku in :skus order by p.id")
    List<Product> findBySkusInIdOrder(Collection<String> skus);

    /** {@link #findBySkusInIdOrder} for a single product: see {@link #lockBySku}. */
    @Query("select p from Product p where p.sku = :sku")
    List<Product> findAllBySku(String sku);
}
