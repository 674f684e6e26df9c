package com.example.inventory.reservation;

import com.example.inventory.common.Caller;
import com.example.inventory.common.InventoryLimits;
import com.example.inventory.common.ProblemType;
import com.example.inventory.stock.OncePerOrderId.Answer;
import com.example.inventory.stock.PlacementMode;
import com.example.inventory.web.IdempotentResponses;
import com.example.inventory.web.RequiredScope;
import com.example.inventory.web.openapi.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reservations")
@RequestMapping(path = "/api/v1/reservations", produces = MediaType.APPLICATION_JSON_VALUE)
class ReservationController {

    private final ReservationService reservations;

    ReservationController(ReservationService reservations) {
        this.reservations = reservations;
    }

    @PostMapping
    @RequiredScope(value = Caller.ORDER, operatorParameters = "strategy")
    @Operation(summary = "Hold the stock of every line of an order for a while, or none", description = """
            Holds the stock of every line or of none, for `ttlSeconds` (900 when absent or null); the hold is then \
            confirmed, released, or expires. `orderId` is the idempotency key: the same order again answers 200 \
            with the stored reservation and `Idempotent-Replayed: true`, and holds nothing more; with other items \
            it is a 409 `order-conflict`. An order names each SKU at most once: a SKU named twice is a 400 \
            `validation` whose `errors` name `items` (a rule the schema cannot state). A `ttlSeconds` longer than the \
            maximum lifetime is a 409 `reservation-lifetime-exceeded`; with the default lifetime (24 h, the longest \
            `ttlSeconds` allowed) that never happens.""")
    @Parameter(name = "strategy", description = PlacementMode.QUERY_DESCRIPTION,
            schema = @Schema(type = "string", pattern = PlacementMode.QUERY_PATTERN, example = "batched"))
    @ApiResponse(responseCode = "400", description = "An invalid body (a SKU named twice included: `errors` "
            + "name `items`), malformed JSON, or an unknown `strategy`.")
    @ApiResponse(responseCode = "201", description = "Reserved", headers = @Header(name = "Location", required = true,
            description = "/api/v1/reservations/{id}", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "200", description = "Replay of an order reserved before: the stored reservation, "
            + "whatever its status; nothing held", headers = @Header(
            name = IdempotentResponses.REPLAYED_HEADER, required = true, description = "true",
            schema = @Schema(type = "string", allowableValues = "true")))
    @ProblemResponses({ProblemType.VALIDATION, ProblemType.PRODUCT_NOT_FOUND, ProblemType.LOCATION_NOT_FOUND,
            ProblemType.INSUFFICIENT_STOCK, ProblemType.ORDER_CONFLICT, ProblemType.HOLD_QUOTA_EXCEEDED, ProblemType.RESERVATION_LIFETIME_EXCEEDED,
            ProblemType.CONTENTION})
    ResponseEntity<ReservationView> reserve(@Valid @RequestBody ReservationRequests.Reserve request,
                                            @RequestParam(required = false) @Nullable PlacementMode strategy,
                                            Caller caller) {
        Answer<ReservationView> answer = reservations.reserve(request.order(), caller.clientId(), request.lines(),
                request.ttl(), strategy);
        return IdempotentResponses.placed(answer.order(), answer.replayed(), "/api/v1/reservations/{id}",
                answer.order().id());
    }

    @GetMapping("/{id}")
    @RequiredScope(Caller.READ)
    @Operation(summary = "A reservation")
    @ProblemResponses(ProblemType.RESERVATION_NOT_FOUND)
    ReservationView get(@PathVariable String id, Caller caller) {
        return reservations.get(id, caller);
    }

    @GetMapping
    @RequiredScope(Caller.READ)
    @Operation(summary = "The reservation of an order", description = """
            The caller's own order, or, for an operator (`inventory.admin`), the order of the client named by \
            `clientId`. Another client's order is a 404, as if it did not exist.""")
    @Parameter(name = "clientId", description = "The client whose order to look up (default: the caller); another "
            + "client's needs `inventory.admin`")
    @ProblemResponses({ProblemType.VALIDATION, ProblemType.RESERVATION_NOT_FOUND})
    ReservationView forOrder(@RequestParam @Pattern(regexp = InventoryLimits.KEY_PATTERN,
            message = InventoryLimits.KEY_PATTERN_MESSAGE) String orderId,
            @RequestParam(required = false) @Nullable @Size(min = 1, max = Caller.MAX_CLIENT_ID_LENGTH) String clientId,
            Caller caller) {
        return reservations.forOrder(orderId, clientId, caller);
    }

    @PostMapping("/{id}/confirm")
    @RequiredScope(Caller.ORDER)
    @Operation(summary = "Turn the hold into a deduction, exactly once; repeating it changes nothing")
    @ProblemResponses({ProblemType.RESERVATION_NOT_FOUND, ProblemType.RESERVATION_EXPIRED,
            ProblemType.RESERVATION_RELEASED, ProblemType.ORDER_CONFLICT, ProblemType.CONTENTION})
    ReservationView confirm(@PathVariable String id, Caller caller) {
        return reservations.confirm(id, caller);
    }

    @PostMapping("/{id}/release")
    @RequiredScope(Caller.ORDER)
    @Operation(summary = "Give the held units back, exactly once; repeating it, or releasing an expired "
            + "reservation, changes nothing")
    @ProblemResponses({ProblemType.RESERVATION_NOT_FOUND, ProblemType.RESERVATION_CONFIRMED, ProblemType.CONTENTION})
    ReservationView release(@PathVariable String id, Caller caller) {
        return reservations.release(id, caller);
    }

    @PostMapping("/{id}/extend")
    @RequiredScope(Caller.ORDER)
    @Operation(summary = "Hold the units for ttlSeconds from now", description = """
            Holds the units until now + `ttlSeconds`, which may be as late as the reservation's `createdAt` + its \
            longest lifetime (24 h) and no later: beyond it, 409 `reservation-lifetime-exceeded` (+ `maxExpiresAt`, \
            the latest `expiresAt` the reservation may have), nothing changed.""")
    @ProblemResponses({ProblemType.VALIDATION, ProblemType.RESERVATION_NOT_FOUND, ProblemType.RESERVATION_EXPIRED,
            ProblemType.RESERVATION_RELEASED, ProblemType.RESERVATION_CONFIRMED,
            ProblemType.RESERVATION_LIFETIME_EXCEEDED})
    ReservationView extend(@PathVariable String id, @Valid @RequestBody ReservationRequests.Extend request,
                           Caller caller) {
        return reservations.extend(id, request.ttl(), caller);
    }
}
