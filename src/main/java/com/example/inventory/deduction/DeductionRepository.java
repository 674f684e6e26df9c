package com.example.inventory.deduction;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DeductionRepository extends JpaRepository<Deduction, UUID> {

    Optional<Deduction> findByOrderId(String orderId);

    /** Serialises cancellations of one deduction. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from Deduction d where d.id = :id")
    Optional<Deduction> findForUpdate(UUID id);

    /**
     * Claims the order id for a new, completed deduction and stores its lines, numbered in the order given, in
     * one statement. The unique index decides races: a concurrent claim of the same order waits until the first
     * transaction ends, then inserts nothing if that one committed. No error is raised, so the transaction stays
     * usable.
     *
     * @return the number of lines stored: all of them if this transaction now owns the order, 0 if a committed
     *         deduction has it
     */
    @Modifying
    @Query(nativeQuery = true, value = """
            WITH claimed AS (
                INSERT INTO deduction (id, order_id, status, strategy, attempts, created_at)
                VALUES (:id, :orderId, 'COMPLETED', :strategy, :attempts, :createdAt)
                ON CONFLICT (order_id) DO NOTHING
                RETURNING id)
            INSERT INTO deduction_line (deduction_id, line_no, sku, quantity)
            SELECT claimed.id, line.ordinality - 1, line.sku, line.quantity
              FROM claimed,
                   unnest(cast(:skus AS varchar[]), cast(:quantities AS integer[]))
                       WITH ORDINALITY AS line (sku, quantity, ordinality)""")
    int claim(UUID id, String orderId, String strategy, int attempts, Instant createdAt, String[] skus,
              Integer[] quantities);
}
