package com.example.inventory.stock.model;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** The product queries: what describes a product. Its stock is in {@link LocationStockRepository}'s rows. */
public interface ProductRepository extends JpaRepository<Product, Long> {

    Optional<Product> findBySku(String sku);

    /**
     * {@code SELECT … WHERE sku = ? FOR NO KEY UPDATE}: a product whose description changes. (Hibernate binds a
     * collection parameter by first trying, and failing with an exception, to coerce it to a single value: a list
     * result instead of an optional keeps that off every path.)
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Product p where p.sku = :sku")
    List<Product> lockBySku(String sku);
}
