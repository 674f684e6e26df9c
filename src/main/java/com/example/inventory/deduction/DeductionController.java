package com.example.inventory.deduction;

import java.net.URI;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/deductions")
class DeductionController {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final DeductionService deductions;

    DeductionController(DeductionService deductions) {
        this.deductions = deductions;
    }

    @PostMapping
    ResponseEntity<DeductionView> deduct(@Valid @RequestBody DeductionRequest request,
                                         @RequestParam(required = false) @Nullable Strategy strategy) {
        DeductionOutcome outcome = deductions.deduct(request.orderId(), request.lines(), strategy);
        if (outcome.replayed()) {
            return ResponseEntity.ok().header(REPLAYED_HEADER, "true").body(outcome.deduction());
        }
        URI location = UriComponentsBuilder.fromPath("/api/v1/deductions/{id}")
                .buildAndExpand(outcome.deduction().id()).toUri();
        return ResponseEntity.created(location).body(outcome.deduction());
    }

    @GetMapping("/{id}")
    DeductionView get(@PathVariable String id) {
        return deductions.get(id);
    }

    @GetMapping
    DeductionView forOrder(@RequestParam String orderId) {
        return deductions.forOrder(orderId);
    }

    @PostMapping("/{id}/cancel")
    DeductionView cancel(@PathVariable String id) {
        return deductions.cancel(id);
    }
}
