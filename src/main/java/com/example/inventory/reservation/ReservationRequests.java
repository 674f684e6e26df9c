package com.example.inventory.reservation;

import com.example.inventory.common.InventoryLimits;
import com.example.inventory.deduction.EachSkuOnce;
import com.example.inventory.deduction.OrderItem;
import com.example.inventory.stock.OrderLine;
import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Request bodies of the reservation API. */
final class ReservationRequests {

    /** How long a hold lasts when the request does not say. */
    static final int DEFAULT_TTL_SECONDS = 900;
    /** The longest a hold may last: one day. */
    static final int MAX_TTL_SECONDS = 86_400;

    private ReservationRequests() {
    }

    /** {@code {"orderId": "ORD-1001", "items": [{"sku": "PHONE-1", "quantity": 2}], "ttlSeconds": 900}} */
    record Reserve(
            @Schema(example = "CHK-1001")
            @NotNull @Pattern(regexp = InventoryLimits.KEY_PATTERN, message = InventoryLimits.KEY_PATTERN_MESSAGE)
            @Nullable String orderId,
            @Schema(description = OrderItem.ITEMS_DESCRIPTION)
            @NotNull @Size(min = 1, max = InventoryLimits.MAX_LINES) @EachSkuOnce
            @Nullable List<@NotNull @Valid OrderItem> items,
            @Schema(types = {"integer", "null"}, description = "Seconds the hold lasts; " + DEFAULT_TTL_SECONDS
                    + " when absent or null", example = "600")
            @Min(1) @Max(MAX_TTL_SECONDS) @Nullable Integer ttlSeconds) {

        /** The validated order id; call only on a valid request. */
        String order() {
            if (orderId == null) {
                throw new IllegalStateException("An invalid request reached the service");
            }
            return orderId;
        }

        /** The validated lines; call only on a valid request. */
        List<OrderLine> lines() {
            return OrderItem.lines(items);
        }

        Duration ttl() {
            return Duration.ofSeconds(ttlSeconds != null ? ttlSeconds : DEFAULT_TTL_SECONDS);
        }
    }

    /** {@code {"ttlSeconds": 600}} */
    record Extend(@Schema(example = "600") @NotNull @Min(1) @Max(MAX_TTL_SECONDS) @Nullable Integer ttlSeconds) {

        Duration ttl() {
            if (ttlSeconds == null) {
                throw new IllegalStateException("An invalid request reached the service");
            }
            return Duration.ofSeconds(ttlSeconds);
        }
    }
}
