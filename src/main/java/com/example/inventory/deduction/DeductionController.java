package com.example.inventory.deduction;

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
@Tag(name = "Deductions")
@RequestMapping(path = "/api/v1/deductions", produces = MediaType.APPLICATION_JSON_VALUE)
class DeductionController {

    private final DeductionService deductions;

    DeductionController(DeductionService deductions) {
        this.deductions = deductions;
    }

    @PostMapping
    @RequiredScope(value = Caller.ORDER, operatorParameters = "strategy")
    @Operation(summary = "Deduct the stock of every line of an order, or none", description = """
            Takes the stock of every line or of none. `orderId` is the idempotency key: the same order again answers \
            200 with the stored deduction and `Idempotent-Replayed: true`, and deducts nothing; with other items it \
            is a 409 `order-conflict`. An order names each SKU at most once: a SKU named twice is a 400 \
            `validation` whose `errors` name `items` (a rule the schema cannot state).""")
    @Parameter(name = "strategy", description = PlacementMode.QUERY_DESCRIPTION,
            schema = @Schema(type = "string", pattern = PlacementMode.QUERY_PATTERN, example = "batched"))
    @ApiResponse(responseCode = "400", description = "An invalid body (a SKU named twice included: `errors` "
            + "name `items`), malformed JSON, or an unknown `strategy`.")
    @ApiResponse(responseCode = "201", description = "Deducted", headers = @Header(name = "Location", required = true,
            description = "/api/v1/deductions/{id}", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "200", description = "Replay of an order deducted before: the stored deduction, "
            + "nothing deducted", headers = @Header(
            name = IdempotentResponses.REPLAYED_HEADER, required = true, description = "true",
            schema = @Schema(type = "string", allowableValues = "true")))
    @ProblemResponses({ProblemType.VALIDATION, ProblemType.PRODUCT_NOT_FOUND, ProblemType.LOCATION_NOT_FOUND,
            ProblemType.INSUFFICIENT_STOCK, ProblemType.ORDER_CONFLICT, ProblemType.CONTENTION})
    ResponseEntity<DeductionView> deduct(@Valid @RequestBody DeductionRequest request,
                                         @RequestParam(required = false) @Nullable PlacementMode strategy,
                                         Caller caller) {
        Answer<DeductionView> answer = deductions.deduct(request.order(), caller.clientId(), request.lines(),
                strategy);
        return IdempotentResponses.placed(answer.order(), answer.replayed(), "/api/v1/deductions/{id}",
                answer.order().id());
    }

    @GetMapping("/{id}")
    @RequiredScope(Caller.READ)
    @Operation(summary = "A deduction")
    @ProblemResponses(ProblemType.DEDUCTION_NOT_FOUND)
    DeductionView get(@PathVariable String id, Caller caller) {
        return deductions.get(id, caller);
    }

    @GetMapping
    @RequiredScope(Caller.READ)
    @Operation(summary = "The deduction of an order", description = """
            The caller's own order, or, for an operator (`inventory.admin`), the order of the client named by \
            `clientId`. Another client's order is a 404, as if it did not exist.""")
    @Parameter(name = "clientId", description = "The client whose order to look up (default: the caller); another "
            + "client's needs `inventory.admin`")
    @ProblemResponses({ProblemType.VALIDATION, ProblemType.DEDUCTION_NOT_FOUND})
    DeductionView forOrder(@RequestParam @Pattern(regexp = InventoryLimits.KEY_PATTERN,
            message = InventoryLimits.KEY_PATTERN_MESSAGE) String orderId,
            @RequestParam(required = false) @Nullable @Size(min = 1, max = Caller.MAX_CLIENT_ID_LENGTH) String clientId,
            Caller caller) {
        return deductions.forOrder(orderId, clientId, caller);
    }

    @PostMapping("/{id}/cancel")
    @RequiredScope({Caller.ORDER, Caller.ADMIN})
    @Operation(summary = "Cancel a deduction and give its stock back, exactly once; repeating it changes nothing")
    @ProblemResponses({ProblemType.DEDUCTION_NOT_FOUND, ProblemType.STOCK_LIMIT_EXCEEDED, ProblemType.CONTENTION})
    DeductionView cancel(@PathVariable String id, Caller caller) {
        return deductions.cancel(id, caller);
    }
}
