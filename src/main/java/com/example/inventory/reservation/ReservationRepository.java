package com.example.inventory.reservation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ReservationRepository extends JpaRepository<Reservation, UUID> {

    Optional<Reservation> findByClientIdAndOrderId(String clientId, String orderId);

    /**
     * Some reservations under their row locks, taken in id order (as every batch of decisions takes them: no circle):
     * whoever holds one decides its fate.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Reservation r where r.id in :ids order by r.id")
    List<Reservation> findAllForUpdate(Collection<UUID> ids);

    /** {active reservations, units they hold}. */
    @Query(nativeQuery = true, value = """
            SELECT count(DISTINCT r.id), coalesce(sum(l.quantity), 0)
              FROM reservation r JOIN reservation_line l ON l.reservation_id = r.id
             WHERE r.status = 'ACTIVE'""")
    List<Object[]> activeHolds();
}
