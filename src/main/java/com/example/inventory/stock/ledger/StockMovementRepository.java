package com.example.inventory.stock.ledger;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

interface StockMovementRepository extends Repository<StockMovement, Long> {

    Page<StockMovement> findByProductIdOrderByIdDesc(Long productId, Pageable pageable);

    /** A range scan of the index {@code (product_id, id DESC)} from {@code before} down: no offset, no count. */
    List<StockMovement> findByProductIdAndIdLessThanOrderByIdDesc(Long productId, Long before, Limit limit);
}
