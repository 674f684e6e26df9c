package com.example.inventory.deduction;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.example.inventory.deduction.DeductionMetrics.Outcome;
import com.example.inventory.deduction.strategy.DeductionStrategy;
import com.example.inventory.deduction.strategy.StockReturns;
import com.example.inventory.product.InsufficientStockException;
import com.example.inventory.product.ProductNotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes stock for orders, all lines or none, once per order; and gives it back on cancellation. */
@Service
public class DeductionService {

    private static final Logger log = LoggerFactory.getLogger(DeductionService.class);

    private final DeductionRepository deductions;
    private final StockReturns stockReturns;
    private final DeductionSettings settings;
    private final DeductionMetrics metrics;
    private final Map<Strategy, DeductionStrategy> strategies = new EnumMap<>(Strategy.class);

    DeductionService(DeductionRepository deductions, StockReturns stockReturns, DeductionSettings settings,
                     DeductionMetrics metrics, List<DeductionStrategy> strategies) {
        this.deductions = deductions;
        this.stockReturns = stockReturns;
        this.settings = settings;
        this.metrics = metrics;
        strategies.forEach(strategy -> this.strategies.put(strategy.name(), strategy));
    }

    /**
     * Deducts the stock of every line for {@code orderId}, or nothing. The order id is the idempotency key: if the
     * order was deducted before (also by a request racing this one), the stored deduction is returned as a replay
     * and nothing is deducted again.
     *
     * @param strategy the strategy to use, or {@code null} for the configured default
     * @throws ProductNotFoundException when a line's SKU is unknown
     * @throws InsufficientStockException when a line asks for more than is available
     * @throws OrderConflictException when the order was deducted before with other lines
     * @throws ContentionException when the rows could not be had in time (lock timeout, retries exhausted)
     */
    public DeductionOutcome deduct(String orderId, List<OrderLine> lines, @Nullable Strategy strategy) {
        DeductionStrategy chosen = strategies.get(strategy != null ? strategy : settings.strategy());
        Strategy name = chosen.name();
        long started = System.nanoTime();
        try {
            DeductionView deduction = chosen.inTransactions(attempt -> attempt(orderId, lines, chosen, attempt));
            Duration took = since(started);
            metrics.record(name, Outcome.COMPLETED, took);
            metrics.attempts(name, deduction.attempts());
            log.info("Deduction completed: order={} strategy={} attempts={} durationMs={}", orderId, name,
                    deduction.attempts(), took.toMillis());
            return new DeductionOutcome(deduction, false);
        } catch (OrderAlreadyDeducted e) {
            try {
                DeductionView stored = replay(orderId, lines);
                metrics.record(name, Outcome.REPLAYED, since(started));
                log.info("Deduction replayed: order={} strategy={} durationMs={}", orderId, name,
                        since(started).toMillis());
                return new DeductionOutcome(stored, true);
            } catch (OrderConflictException conflict) {
                throw refused(orderId, name, Outcome.ORDER_CONFLICT, started, conflict);
            }
        } catch (InsufficientStockException e) {
            throw refused(orderId, name, Outcome.INSUFFICIENT_STOCK, started, e);
        } catch (ProductNotFoundException e) {
            throw refused(orderId, name, Outcome.NOT_FOUND, started, e);
        } catch (PessimisticLockingFailureException | QueryTimeoutException e) {
            metrics.lockTimeout(name);
            metrics.record(name, Outcome.CONTENTION, since(started));
            log.warn("Deduction contention: order={} strategy={} durationMs={} reason=lock timeout", orderId, name,
                    since(started).toMillis());
            throw ContentionException.lockTimeout(e);
        } catch (ContentionException e) {
            metrics.record(name, Outcome.CONTENTION, since(started));
            log.warn("Deduction contention: order={} strategy={} attempts={} durationMs={} reason={}", orderId, name,
                    e.attempts(), since(started).toMillis(), e.getMessage());
            throw e;
        }
    }

    private RuntimeException refused(String orderId, Strategy strategy, Outcome outcome, long started,
                                     RuntimeException reason) {
        metrics.record(strategy, outcome, since(started));
        log.info("Deduction refused: order={} strategy={} outcome={} durationMs={} reason={}", orderId, strategy,
                outcome.tag(), since(started).toMillis(), reason.getMessage());
        return reason;
    }

    /**
     * @throws DeductionNotFoundException when there is no such deduction
     */
    @Transactional(readOnly = true)
    public DeductionView get(String id) {
        return parse(id).flatMap(deductions::findById).map(DeductionView::of)
                .orElseThrow(() -> DeductionNotFoundException.withId(id));
    }

    /**
     * @throws DeductionNotFoundException when the order was never deducted
     */
    @Transactional(readOnly = true)
    public DeductionView forOrder(String orderId) {
        return deductions.findByOrderId(orderId).map(DeductionView::of)
                .orElseThrow(() -> DeductionNotFoundException.forOrder(orderId));
    }

    /**
     * Cancels a deduction and gives its stock back, exactly once: concurrent cancellations queue on the
     * deduction's row and every later one finds it cancelled and changes nothing.
     *
     * @throws DeductionNotFoundException when there is no such deduction
     */
    @Transactional
    public DeductionView cancel(String id) {
        Deduction deduction = parse(id).flatMap(deductions::findForUpdate)
                .orElseThrow(() -> DeductionNotFoundException.withId(id));
        if (!deduction.isCancelled()) {
            stockReturns.giveBack(deduction.getLines(), deduction.getOrderId());
            deduction.markCancelled();
            deductions.flush();
            log.info("Deduction cancelled: order={} id={}", deduction.getOrderId(), deduction.getId());
        }
        return DeductionView.of(deduction);
    }

    /**
     * One attempt, inside its own transaction: claim the order id, then take the stock. The claim comes before
     * any product row is locked, so locks are held only for the stock change itself.
     */
    private DeductionView attempt(String orderId, List<OrderLine> lines, DeductionStrategy strategy, int attempt) {
        UUID id = TimeOrderedUuid.next();
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int claimed = deductions.claim(id, orderId, strategy.name().value(), attempt, createdAt,
                lines.stream().map(OrderLine::sku).toArray(String[]::new),
                lines.stream().map(OrderLine::quantity).toArray(Integer[]::new));
        if (claimed == 0) {
            throw new OrderAlreadyDeducted();
        }
        strategy.takeStock(lines, orderId);
        return DeductionView.completed(id, orderId, strategy.name(), attempt, lines, createdAt);
    }

    private DeductionView replay(String orderId, List<OrderLine> lines) {
        Deduction stored = deductions.findByOrderId(orderId)
                .orElseThrow(() -> new IllegalStateException("Order " + orderId + " was claimed but is not stored"));
        if (!stored.hasSameLinesAs(lines)) {
            throw OrderConflictException.of(orderId);
        }
        return DeductionView.of(stored);
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** The order id is taken by a committed deduction: answer with that one instead. */
    private static final class OrderAlreadyDeducted extends RuntimeException {
        OrderAlreadyDeducted() {
            super(null, null, false, false);
        }
    }
}
