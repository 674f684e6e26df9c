package com.example.inventory.product;

import com.example.inventory.common.ProblemType;
import com.example.inventory.common.Problems;
import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The product feature's own failures (its idempotency keys, a patch that asks what none may) as problem details, ahead of the catch-all of {@code web}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProductProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidKey(InvalidIdempotencyKeyException e) {
        return Problems.respond(Problems.validation(e.getMessage(),
                List.of(new Problems.FieldError(IdempotencyKey.HEADER, e.reason()))));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidPatch(InvalidPatchException e) {
        return Problems.respond(Problems.validation(e.getMessage(), e.refusals().entrySet().stream().sorted(
                Map.Entry.comparingByKey()).map(refusal -> new Problems.FieldError(refusal.getKey(), refusal.getValue()))
                .toList()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReusedException e) {
        return Problems.respond(Problems.of(ProblemType.IDEMPOTENCY_KEY_REUSED, e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> keyInUse(IdempotencyKeyInUseException e) {
        return Problems.respond(Problems.of(ProblemType.IDEMPOTENCY_KEY_IN_USE, e.getMessage()));
    }
}
