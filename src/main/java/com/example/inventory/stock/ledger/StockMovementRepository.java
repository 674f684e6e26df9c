package com.example.inventory.stock.ledger;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

interface StockMovementRepository extends Repository<StockMovement, Long> {

    Page<StockMovement> findByProductIdOrderByIdDesc(Long productId, Pageable pageable);
}
