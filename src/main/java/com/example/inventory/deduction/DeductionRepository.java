package com.example.inventory.deduction;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface DeductionRepository extends JpaRepository<Deduction, UUID> {

    Optional<Deduction> findByClientIdAndOrderId(String clientId, String orderId);

    /** Serialises cancellations of one deduction. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from Deduction d where d.id = :id")
    Optional<Deduction> findForUpdate(UUID id);
}
