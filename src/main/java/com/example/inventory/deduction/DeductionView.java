package com.example.inventory.deduction;

import com.example.inventory.stock.Allocated;
import com.example.inventory.stock.OrderLineView;
import com.example.inventory.stock.PlacementMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** A deduction as the API shows it. */
public record DeductionView(UUID id, String orderId, String clientId, DeductionStatus status,
                            @Schema(implementation = PlacementMode.class) String strategy, int attempts,
                            List<OrderLineView> items, Instant createdAt) {

    /** A deduction just made, before it is read back. */
    static DeductionView completed(DeductionOrder order, PlacementMode strategy, int attempts,
                                   List<List<Allocated>> allocations) {
        return new DeductionView(order.id(), order.orderId(), order.clientId(), DeductionStatus.COMPLETED,
                strategy.value(), attempts, OrderLineView.of(order.lines(), allocations), order.createdAt());
    }

    static DeductionView of(Deduction deduction, List<List<Allocated>> allocations) {
        return new DeductionView(deduction.getId(), deduction.orderId(), deduction.clientId(), deduction.getStatus(),
                deduction.getStrategy(), deduction.getAttempts(), OrderLineView.of(deduction.lines(), allocations),
                deduction.getCreatedAt());
    }
}
