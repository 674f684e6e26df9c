package com.example.inventory.reservation;


import com.example.inventory.common.ProblemType;
import com.example.inventory.common.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The reservation feature's failures as problem details, ahead of the catch-all handler of {@code web}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReservationProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> reservationNotFound(ReservationNotFoundException e) {
        return Problems.respond(Problems.of(ProblemType.RESERVATION_NOT_FOUND, e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> holdQuotaExceeded(HoldQuotaExceededException e) {
        ProblemDetail problem = Problems.of(ProblemType.HOLD_QUOTA_EXCEEDED, e.getMessage());
        problem.setProperty("held", e.held());
        problem.setProperty("limit", e.limit());
        return Problems.respond(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> decidedAlready(ReservationStateException e) {
        ProblemType type = switch (e.status()) {
            case EXPIRED, ACTIVE -> ProblemType.RESERVATION_EXPIRED;
            case RELEASED -> ProblemType.RESERVATION_RELEASED;
            case CONFIRMED -> ProblemType.RESERVATION_CONFIRMED;
        };
        return Problems.respond(Problems.of(type, e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> lifetimeExceeded(ReservationLifetimeExceededException e) {
        ProblemDetail problem = Problems.of(ProblemType.RESERVATION_LIFETIME_EXCEEDED, e.getMessage());
        problem.setProperty("maxExpiresAt", e.maxExpiresAt());
        return Problems.respond(problem);
    }
}
