package com.example.inventory.deduction;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A deduction as the API shows it. */
public record DeductionView(UUID id, String orderId, DeductionStatus status, String strategy, int attempts,
                            List<OrderLine> items, Instant createdAt) {

    /** A deduction just made, before it is read back. */
    static DeductionView completed(UUID id, String orderId, Strategy strategy, int attempts, List<OrderLine> lines,
                                   Instant createdAt) {
        return new DeductionView(id, orderId, DeductionStatus.COMPLETED, strategy.value(), attempts, List.copyOf(lines),
                createdAt);
    }

    static DeductionView of(Deduction deduction) {
        return new DeductionView(deduction.getId(), deduction.getOrderId(), deduction.getStatus(),
                deduction.getStrategy(), deduction.getAttempts(), deduction.getLines(), deduction.getCreatedAt());
    }
}
