package com.example.inventory.stock.placement;

import com.example.inventory.stock.Allocated;
import com.example.inventory.stock.ContentionException;
import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.OrderClaims;
import com.example.inventory.stock.OrderLine;
import com.example.inventory.stock.Placement;
import com.example.inventory.stock.PlacementMode;
import com.example.inventory.stock.StockMetrics;
import com.example.inventory.stock.StockOrder;
import com.example.inventory.stock.StockSettings;
import com.example.inventory.stock.fault.CommitVerifier;
import com.example.inventory.stock.event.StockEvents;
import com.example.inventory.stock.ledger.Ledger;
import com.example.inventory.stock.model.LocationStock;
import com.example.inventory.stock.model.LocationStockRepository;
import com.example.inventory.stock.model.StockStatements;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Reads the stock rows of the order's products without locks, allocates the order on them and changes them on the
 * entities; the version check of each row's update ({@code UPDATE … WHERE id = ? AND version = ?}, the rows written in
 * lock order) catches any change made meanwhile. Then the whole transaction is rolled back and retried, each attempt in a
 * new transaction, with exponential backoff and full jitter, bounded in attempts and time. Best when conflicts
 * are rare: nothing waits on a lock, but under heavy contention attempts are wasted.
 */
@Component
class OptimisticPlacer extends SingleOrderPlacer {

    private final LocationStockRepository rows;
    private final StockStatements statements;
    private final Ledger ledger;
    private final StockEvents events;
    private final RetryTemplate retries;
    private final StockMetrics metrics;
    private final Clock clock;

    OptimisticPlacer(LocationStockRepository rows, StockStatements statements, Ledger ledger, StockEvents events,
                     PlatformTransactionManager transactionManager, StockSettings settings, StockMetrics metrics,
                     CommitVerifier verifier, Clock clock) {
        super(transactionManager, verifier);
        this.rows = rows;
        this.statements = statements;
        this.ledger = ledger;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
        StockSettings.Retry retry = settings.retry();
        this.retries = new RetryTemplate(RetryPolicy.builder()
                .includes(OptimisticLockingFailureException.class)
                .backOff(new FullJitterBackOff(retry.maxAttempts(), retry.initialDelay(), retry.multiplier(),
                        retry.maxDelay()))
                .timeout(retry.timeout())
                .build());
    }

    @Override
    public PlacementMode name() {
        return PlacementMode.OPTIMISTIC;
    }

    /** The retry wraps the transaction from outside, so every attempt starts a fresh transaction. */
    @Override
    public <O extends StockOrder> Placement place(O order, OrderClaims<O> book) {
        AtomicInteger attempts = new AtomicInteger();
        try {
            return retries.execute(() -> {
                try {
                    return inTransaction(order, book, attempts.incrementAndGet());
                } catch (OptimisticLockingFailureException conflict) {
                    metrics.optimisticConflict(name());
                    throw conflict;
                }
            });
        } catch (RetryException e) {
            Throwable last = e.getLastException() != null ? e.getLastException() : e.getCause();
            if (last instanceof OptimisticLockingFailureException) {
                throw ContentionException.retriesExhausted(attempts.get(), last);
            }
            if (last instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (last instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(last);
        }
    }

    @Override
    List<List<Allocated>> change(StockOrder order, MovementKind kind) {
        List<OrderLine> lines = order.lines();
        List<LocationStock> found = lines.size() == 1 ? rows.findReadOnlyAllBySku(lines.getFirst().sku())
                : rows.findReadOnlyBySkusInOrder(lines.stream().map(OrderLine::sku).toList());
        OrderOnRows.Applied applied = OrderOnRows.apply(order.orderId(), order.clientId(), lines, kind, found,
                clock.instant());
        // The version check runs last: UPDATE … WHERE id = ? AND version = ? finds no row if another transaction
        // got in first. Writing the ledger before it keeps the winner's row locks (update to commit) short, which
        // shortens the window in which others read a version that is about to go stale. Ledger order per row
        // still follows commit order: a winner read the row after the previous winner committed. The rows are
        // written in lock order (found's order), as every other strategy locks them. An order with a product kept at
        // several locations is the exception: each such product's advisory lock is taken right after its rows (the
        // order the atomic strategy takes them in), and the entries are written last, so that their ids follow the
        // order in which the product's events are decided (StockEvents).
        List<LocationStock> changed = found.stream().filter(applied.changed()::contains).toList();
        List<Long> positions;
        if (found.stream().noneMatch(row -> row.getProductLocations() > 1)) {
            positions = ledger.record(applied.movements());
            writeIfUnchanged(changed, order);
        } else {
            Map<Long, List<LocationStock>> byProduct = new LinkedHashMap<>();
            changed.forEach(row -> byProduct.computeIfAbsent(row.getProductId(), id -> new ArrayList<>()).add(row));
            for (List<LocationStock> rowsOfProduct : byProduct.values()) {
                writeIfUnchanged(rowsOfProduct, order);
                if (rowsOfProduct.getFirst().getProductLocations() > 1) {
                    events.lockProduct(rowsOfProduct.getFirst().getProductId());
                }
            }
            positions = ledger.record(applied.movements());
        }
        events.changedRead(found, applied.movements(), positions);
        return applied.allocations();
    }

    private void writeIfUnchanged(List<LocationStock> rows, StockOrder order) {
        if (!statements.writeIfUnchanged(rows)) {
            throw new OptimisticLockingFailureException("A stock row of order " + order.orderId()
                    + " changed since it was read");
        }
    }
}
