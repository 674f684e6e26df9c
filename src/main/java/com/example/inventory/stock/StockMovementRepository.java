package com.example.inventory.stock;

import jakarta.persistence.QueryHint;
import org.hibernate.jpa.HibernateHints;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.Repository;

interface StockMovementRepository extends Repository<StockMovement, Long> {

    Page<StockMovement> findByProductIdOrderByIdDesc(Long productId, Pageable pageable);

    /**
     * Appends one entry per array element, in array order (identity order is the order of the changes). It touches
     * {@code stock_movement} only, so it does not make Hibernate flush changed products first.
     */
    @Modifying
    @QueryHints(@QueryHint(name = HibernateHints.HINT_NATIVE_SPACES, value = "stock_movement"))
    @Query(nativeQuery = true, value = """
            INSERT INTO stock_movement (product_id, kind, quantity, stock_after, reference, created_at)
            SELECT m.product_id, m.kind, m.quantity, m.stock_after, m.reference, clock_timestamp()
              FROM unnest(cast(:productIds AS bigint[]), cast(:kinds AS varchar[]), cast(:quantities AS integer[]),
                          cast(:stockAfter AS integer[]), cast(:references AS varchar[]))
                       WITH ORDINALITY AS m (product_id, kind, quantity, stock_after, reference, position)
             ORDER BY m.position""")
    int append(Long[] productIds, String[] kinds, Integer[] quantities, Integer[] stockAfter, String[] references);
}
