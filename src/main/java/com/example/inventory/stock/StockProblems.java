package com.example.inventory.stock;

import com.example.inventory.common.ProblemType;
import com.example.inventory.common.Problems;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The stock core's failures as problem details, for every controller that calls it. Ahead of the catch-all
 * handler of {@code web}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StockProblems {

    private static final Logger log = LoggerFactory.getLogger(StockProblems.class);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> productNotFound(ProductNotFoundException e) {
        ProblemDetail problem = Problems.of(ProblemType.PRODUCT_NOT_FOUND, e.getMessage());
        problem.setProperty("sku", e.sku());
        return Problems.respond(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> duplicateSku(DuplicateSkuException e) {
        ProblemDetail problem = Problems.of(ProblemType.DUPLICATE_SKU, e.getMessage());
        problem.setProperty("sku", e.sku());
        return Problems.respond(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> locationNotFound(LocationNotFoundException e) {
        ProblemDetail problem = Problems.of(ProblemType.LOCATION_NOT_FOUND, e.getMessage());
        problem.setProperty("location", e.location());
        return Problems.respond(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> duplicateLocation(DuplicateLocationException e) {
        ProblemDetail problem = Problems.of(ProblemType.DUPLICATE_LOCATION, e.getMessage());
        problem.setProperty("location", e.location());
        return Problems.respond(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> insufficientStock(InsufficientStockException e) {
        ProblemDetail problem = Problems.of(ProblemType.INSUFFICIENT_STOCK, e.getMessage());
        problem.setProperty("sku", e.sku());
        problem.setProperty("requested", e.requested());
        problem.setProperty("available", e.available());
        return Problems.respond(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> orderConflict(OrderConflictException e) {
        ProblemDetail problem = Problems.of(ProblemType.ORDER_CONFLICT, e.getMessage());
        problem.setProperty("orderId", e.orderId());
        return Problems.respond(problem);
    }

    /** A restock, or giving stock back (a cancellation), that would lift the stock above the limit. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> stockLimitExceeded(StockLimitExceededException e) {
        ProblemDetail problem = Problems.of(ProblemType.STOCK_LIMIT_EXCEEDED, e.getMessage());
        problem.setProperty("sku", e.sku());
        return Problems.respond(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> contention(ContentionException e) {
        return Problems.retryLater(ProblemType.CONTENTION, e.getMessage() + "; try again shortly");
    }

    /**
     * A lock wait outside an order's placement (a restock, a creation behind another of the same SKU, a
     * cancellation, a reservation's decision) that ran into the lock timeout: contention, as for an order. The
     * types are those of {@link ContentionException#isLockTimeout}.
     */
    @ExceptionHandler({PessimisticLockingFailureException.class, QueryTimeoutException.class})
    ResponseEntity<ProblemDetail> lockTimeout(RuntimeException e) {
        log.warn("Contention: {}", e.getMessage());
        return contention(ContentionException.lockTimeout(e));
    }
}
