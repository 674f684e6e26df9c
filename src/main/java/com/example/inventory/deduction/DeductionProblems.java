package com.example.inventory.deduction;


import com.example.inventory.common.ProblemType;
import com.example.inventory.common.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The deduction feature's failures as problem details, ahead of the catch-all handler of {@code web}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeductionProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> deductionNotFound(DeductionNotFoundException e) {
        return Problems.respond(Problems.of(ProblemType.DEDUCTION_NOT_FOUND, e.getMessage()));
    }
}
