package com.example.inventory.stock.model;

import java.util.Collection;
import java.util.List;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import org.hibernate.jpa.HibernateHints;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

/**
 * The stock rows' queries. Every query returns rows in ascending (product id, location) order: locks are always taken
 * in that one global order, so two transactions that share rows can never deadlock. A query takes all the rows of the
 * SKUs it names: allocation weighs every location of a product, and a change of one row locks its siblings with it,
 * in the same order, whoever asks.
 */
public interface LocationStockRepository extends JpaRepository<LocationStock, Long> {

    /**
     * {@code SELECT … WHERE sku = ? ORDER BY location FOR NO KEY UPDATE}: the rows of a single-product change.
     * (Hibernate binds a collection parameter by first trying, and failing with an exception, to coerce it to a single
     * value: a stack trace per request, and deoptimised code, on the hottest path.)
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from LocationStock s where s.sku = :sku order by s.location")
    List<LocationStock> lockBySku(String sku);

    /** {@code SELECT … WHERE sku IN (…) ORDER BY product_id, location FOR NO KEY UPDATE}. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from LocationStock s where s.sku in :skus order by s.productId, s.location")
    List<LocationStock> lockBySkusInOrder(Collection<String> skus);

    /**
     * Like {@link #lockBySkusInOrder}, but the rows come back read-only: Hibernate does not write them at the end of
     * the transaction, because the batched strategy writes all the rows it changed in one statement of its own
     * ({@link StockStatements#writeLevels}).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true"))
    @Query("select s from LocationStock s where s.sku in :skus order by s.productId, s.location")
    List<LocationStock> lockReadOnlyBySkusInOrder(Collection<String> skus);

    /** {@link #lockReadOnlyBySkusInOrder} for a single product: see {@link #lockBySku}. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true"))
    @Query("select s from LocationStock s where s.sku = :sku order by s.location")
    List<LocationStock> lockReadOnlyBySku(String sku);

    /**
     * The rows without a lock, read-only: the optimistic strategy writes the ones it changes itself, in lock order
     * ({@link StockStatements#writeIfUnchanged}), rather than in the order Hibernate would flush them (by row id,
     * which is not the lock order once a product has rows at several locations).
     */
    @QueryHints(@QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true"))
    @Query("select s from LocationStock s where s.sku in :skus order by s.productId, s.location")
    List<LocationStock> findReadOnlyBySkusInOrder(Collection<String> skus);

    /** {@link #findReadOnlyBySkusInOrder} for a single product: see {@link #lockBySku}. */
    @QueryHints(@QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true"))
    @Query("select s from LocationStock s where s.sku = :sku order by s.location")
    List<LocationStock> findReadOnlyAllBySku(String sku);
}
