package com.example.inventory.reservation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ReservationRepository extends JpaRepository<Reservation, UUID> {

    Optional<Reservation> findByOrderId(String orderId);

    /** The reservation under its row lock: whoever holds it decides the reservation's fate. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Reservation r where r.id = :id")
    Optional<Reservation> findForUpdate(UUID id);

    /**
     * Up to {@code limit} active reservations whose time is up at {@code now}, oldest expiry first, locked; rows
     * another transaction holds (another instance's sweeper, a confirm, a release) are skipped, not waited for.
     */
    @Query(nativeQuery = true, value = """
            SELECT * FROM reservation
             WHERE status = 'ACTIVE' AND expires_at <= :now
             ORDER BY expires_at
             LIMIT :limit
               FOR NO KEY UPDATE SKIP LOCKED""")
    List<Reservation> lockOverdue(Instant now, int limit);

    /** {active reservations, units they hold}. */
    @Query(nativeQuery = true, value = """
            SELECT count(DISTINCT r.id), coalesce(sum(l.quantity), 0)
              FROM reservation r JOIN reservation_line l ON l.reservation_id = r.id
             WHERE r.status = 'ACTIVE'""")
    List<Object[]> activeHolds();

    /**
     * Claims the order ids for new, active reservations, in ascending order id order, and stores the lines of those
     * claimed, numbered as given, in one statement; see the deductions' claim for how races are decided.
     *
     * @return the ids of the reservations claimed: an order whose id another reservation holds is not among them
     */
    @Query(nativeQuery = true, value = """
            WITH claimed AS (
                INSERT INTO reservation (id, order_id, status, strategy, attempts, expires_at, created_at)
                SELECT o.id, o.order_id, 'ACTIVE', :strategy, :attempts, o.expires_at, o.created_at
                  FROM unnest(cast(:ids AS uuid[]), cast(:orderIds AS varchar[]), cast(:expiresAt AS timestamptz[]),
                              cast(:createdAt AS timestamptz[])) AS o (id, order_id, expires_at, created_at)
                 ORDER BY o.order_id
                ON CONFLICT (order_id) DO NOTHING
                RETURNING id),
            claimed_lines AS (
                INSERT INTO reservation_line (reservation_id, line_no, sku, quantity)
                SELECT line.reservation_id, line.line_no, line.sku, line.quantity
                  FROM unnest(cast(:lineReservationIds AS uuid[]), cast(:lineNumbers AS integer[]),
                              cast(:skus AS varchar[]), cast(:quantities AS integer[]))
                           AS line (reservation_id, line_no, sku, quantity)
                 WHERE line.reservation_id IN (SELECT id FROM claimed))
            SELECT id FROM claimed""")
    List<UUID> claim(UUID[] ids, String[] orderIds, Instant[] expiresAt, Instant[] createdAt, String strategy,
                     int attempts, UUID[] lineReservationIds, Integer[] lineNumbers, String[] skus,
                     Integer[] quantities);

    /** Deletes reservations claimed in this transaction, and their lines. */
    @Modifying
    @Query(nativeQuery = true, value = """
            WITH unclaimed_lines AS (DELETE FROM reservation_line WHERE reservation_id = ANY (cast(:ids AS uuid[])))
            DELETE FROM reservation WHERE id = ANY (cast(:ids AS uuid[]))""")
    int unclaim(UUID[] ids);

    @Query(nativeQuery = true, value = "SELECT id FROM reservation WHERE id = ANY (cast(:ids AS uuid[]))")
    List<UUID> storedIds(UUID[] ids);
}
