package com.example.inventory.deduction;

import java.time.Instant;
import java.util.List;
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
     * Claims the order ids for new, completed deductions, in ascending order id order, and stores the lines of those
     * claimed, numbered as given, in one statement. The unique index decides races: a concurrent claim of the same
     * order waits until the first transaction ends, then inserts nothing if that one committed. No error is raised,
     * so the transaction stays usable.
     *
     * @return the ids of the deductions claimed: an order whose id another deduction holds is not among them
     */
    @Query(nativeQuery = true, value = """
            WITH claimed AS (
                INSERT INTO deduction (id, order_id, status, strategy, attempts, created_at)
                SELECT o.id, o.order_id, 'COMPLETED', :strategy, :attempts, o.created_at
                  FROM unnest(cast(:ids AS uuid[]), cast(:orderIds AS varchar[]), cast(:createdAt AS timestamptz[]))
                           AS o (id, order_id, created_at)
                 ORDER BY o.order_id
                ON CONFLICT (order_id) DO NOTHING
                RETURNING id),
            claimed_lines AS (
                INSERT INTO deduction_line (deduction_id, line_no, sku, quantity)
                SELECT line.deduction_id, line.line_no, line.sku, line.quantity
                  FROM unnest(cast(:lineDeductionIds AS uuid[]), cast(:lineNumbers AS integer[]),
                              cast(:skus AS varchar[]), cast(:quantities AS integer[]))
                           AS line (deduction_id, line_no, sku, quantity)
                 WHERE line.deduction_id IN (SELECT id FROM claimed))
            SELECT id FROM claimed""")
    List<UUID> claim(UUID[] ids, String[] orderIds, Instant[] createdAt, String strategy, int attempts,
                     UUID[] lineDeductionIds, Integer[] lineNumbers, String[] skus, Integer[] quantities);

    /** Deletes deductions claimed in this transaction, and their lines. */
    @Modifying
    @Query(nativeQuery = true, value = """
            WITH unclaimed_lines AS (DELETE FROM deduction_line WHERE deduction_id = ANY (cast(:ids AS uuid[])))
            DELETE FROM deduction WHERE id = ANY (cast(:ids AS uuid[]))""")
    int unclaim(UUID[] ids);

    @Query(nativeQuery = true, value = "SELECT id FROM deduction WHERE id = ANY (cast(:ids AS uuid[]))")
    List<UUID> storedIds(UUID[] ids);
}
