package com.example.inventory.deduction;

import com.example.inventory.common.Caller;
import com.example.inventory.common.InventoryEvent;
import com.example.inventory.common.TimeOrderedUuid;
import com.example.inventory.stock.ContentionException;
import com.example.inventory.stock.InsufficientStockException;
import com.example.inventory.stock.Allocated;
import com.example.inventory.stock.InventoryService;
import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.OncePerOrderId.Answer;
import com.example.inventory.stock.OncePerOrderId;
import com.example.inventory.stock.OrderConflictException;
import com.example.inventory.stock.OrderLine;
import com.example.inventory.stock.OrderLineView;
import com.example.inventory.stock.Placement;
import com.example.inventory.stock.PlacementMode;
import com.example.inventory.stock.ProductNotFoundException;
import com.example.inventory.stock.StockOrder;
import com.example.inventory.stock.TrackedTransactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.example.inventory.deduction.DeductionMetrics.Outcome;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Takes stock for orders, all lines or none, once per order; and gives it back on cancellation. */
@Service
public class DeductionService {

    private static final Logger log = LoggerFactory.getLogger(DeductionService.class);

    private final DeductionRepository deductions;
    private final DeductionBook book;
    private final InventoryService inventory;
    private final OncePerOrderId once;
    private final DeductionMetrics metrics;
    private final TrackedTransactions writes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeductionService(DeductionRepository deductions, DeductionBook book, InventoryService inventory,
                     OncePerOrderId once, DeductionMetrics metrics, TrackedTransactions writes,
                     ApplicationEventPublisher events, Clock clock) {
        this.writes = writes;
        this.events = events;
        this.deductions = deductions;
        this.book = book;
        this.inventory = inventory;
        this.once = once;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Deducts the stock of every line for {@code orderId} of {@code clientId}, or nothing. The order id is the
     * idempotency key, per client: if the client's order was deducted before (also by a request racing this one),
     * the stored deduction is returned as a replay and nothing is deducted again.
     *
     * @param requested the strategy to use, or {@code null} for the configured default
     * @throws ProductNotFoundException when a line's SKU is unknown
     * @throws InsufficientStockException when a line asks for more than is available
     * @throws OrderConflictException when the order was deducted before with other lines
     * @throws ContentionException when the rows could not be had in time (lock timeout, retries exhausted)
     */
    public Answer<DeductionView> deduct(String orderId, String clientId, List<OrderLine> lines,
                                        @Nullable PlacementMode requested) {
        PlacementMode strategy = inventory.strategyOr(requested);
        long started = System.nanoTime();
        DeductionOrder order = DeductionOrder.of(orderId, clientId, lines, now());
        OncePerOrderId.Result<Deduction> result;
        try {
            result = once.place(order, book, strategy,
                    id -> deductions.findByClientIdAndOrderId(clientId, id), "deducted");
        } catch (InsufficientStockException e) {
            throw refused(orderId, strategy, Outcome.INSUFFICIENT_STOCK, started, e);
        } catch (ProductNotFoundException e) {
            throw refused(orderId, strategy, Outcome.NOT_FOUND, started, e);
        } catch (OrderConflictException e) {
            throw refused(orderId, strategy, Outcome.ORDER_CONFLICT, started, e);
        } catch (ContentionException e) {
            metrics.record(strategy, Outcome.CONTENTION, since(started));
            // A full queue refuses thousands a second in a burst: the batched placer logs those, one line per interval.
            log.atLevel(e.isQueueFull() ? Level.DEBUG : Level.WARN).log(
                    "Deduction contention: order={} strategy={} attempts={} durationMs={} reason={}", orderId,
                    strategy, e.attempts(), since(started).toMillis(), e.getMessage());
            throw e;
        }
        return switch (result) {
            case OncePerOrderId.Placed<Deduction>(Placement placement) -> completed(order, strategy, placement,
                    started);
            case OncePerOrderId.Replayed<Deduction>(Deduction stored) -> replayed(stored, strategy, started);
        };
    }

    private Answer<DeductionView> completed(DeductionOrder order, PlacementMode strategy, Placement placement,
                                            long started) {
        Duration took = since(started);
        metrics.record(strategy, Outcome.COMPLETED, took);
        metrics.attempts(strategy, placement.attempts());
        log.debug("Deduction completed: order={} strategy={} attempts={} durationMs={}", order.orderId(), strategy,
                placement.attempts(), took.toMillis());
        return Answer.placed(DeductionView.completed(order, strategy, placement.attempts(), placement.allocations()));
    }

    private Answer<DeductionView> replayed(Deduction stored, PlacementMode strategy, long started) {
        metrics.record(strategy, Outcome.REPLAYED, since(started));
        log.debug("Deduction replayed: order={} strategy={} durationMs={}", stored.orderId(), strategy,
                since(started).toMillis());
        return Answer.replayed(view(stored));
    }

    /**
     * Records the deductions of units that confirmed reservations held, inside their transaction, in one statement per
     * strategy; the caller moves the stock. Nothing is deducted here.
     *
     * @return the holds among them whose order id has a deduction already: nothing was recorded for them, and the
     *         caller must not confirm them
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<StockOrder> recordConfirmed(List<ConfirmedHold> confirmed, Instant createdAt) {
        Map<PlacementMode, List<DeductionOrder>> byStrategy = new EnumMap<>(PlacementMode.class);
        Map<DeductionOrder, StockOrder> holds = new IdentityHashMap<>();
        for (ConfirmedHold hold : confirmed) {
            DeductionOrder order = new DeductionOrder(hold.deductionId(), hold.held().orderId(),
                    hold.held().clientId(), List.copyOf(hold.held().lines()), createdAt);
            holds.put(order, hold.held());
            byStrategy.computeIfAbsent(hold.strategy(), strategy -> new ArrayList<>()).add(order);
        }
        List<StockOrder> taken = new ArrayList<>();
        byStrategy.forEach((strategy, orders) -> {
            Set<DeductionOrder> claimed = Collections.newSetFromMap(new IdentityHashMap<>());
            claimed.addAll(book.claim(orders, strategy, 1).claimed());
            orders.stream().filter(order -> !claimed.contains(order)).forEach(order -> taken.add(holds.get(order)));
        });
        log.debug("Deductions recorded for {} confirmed reservation(s), {} order id(s) taken already",
                confirmed.size(), taken.size());
        return taken;
    }

    /**
     * A reservation being confirmed: its units become deduction {@code deductionId}, placed by {@code strategy} (the
     * one that held them).
     */
    public record ConfirmedHold(UUID deductionId, StockOrder held, PlacementMode strategy) {
    }

    private RuntimeException refused(String orderId, PlacementMode strategy, Outcome outcome, long started,
                                     RuntimeException reason) {
        metrics.record(strategy, outcome, since(started));
        log.debug("Deduction refused: order={} strategy={} outcome={} durationMs={} reason={}", orderId, strategy,
                outcome.tag(), since(started).toMillis(), reason.getMessage());
        return reason;
    }

    /**
     * @throws DeductionNotFoundException when there is no such deduction that {@code caller} may see
     */
    @Transactional(readOnly = true)
    public DeductionView get(String id, Caller caller) {
        return TimeOrderedUuid.parse(id).flatMap(deductions::findById)
                .filter(deduction -> caller.sees(deduction.clientId())).map(this::view)
                .orElseThrow(() -> DeductionNotFoundException.withId(id));
    }

    /**
     * The deduction of an order of {@code clientId} (null: the caller's own).
     *
     * @throws DeductionNotFoundException when the order was never deducted, or is one {@code caller} may not see
     */
    @Transactional(readOnly = true)
    public DeductionView forOrder(String orderId, @Nullable String clientId, Caller caller) {
        String owner = clientId != null ? clientId : caller.clientId();
        return (caller.sees(owner) ? deductions.findByClientIdAndOrderId(owner, orderId) : Optional.<Deduction>empty())
                .map(this::view)
                .orElseThrow(() -> DeductionNotFoundException.forOrder(orderId));
    }

    /**
     * Cancels a deduction and gives its stock back, exactly once: concurrent cancellations queue on the
     * deduction's row and every later one finds it cancelled and changes nothing. The caller is its client, or an
     * operator (the ledger's actor either way).
     *
     * @throws DeductionNotFoundException when there is no such deduction that {@code caller} may see
     * @throws com.example.inventory.stock.StockLimitExceededException when giving the stock back would lift a
     *         product above the stock limit (restocked meanwhile)
     */
    public DeductionView cancel(String id, Caller caller) {
        return writes.write(() -> cancelNow(id, caller));
    }

    private DeductionView cancelNow(String id, Caller caller) {
        Deduction deduction = TimeOrderedUuid.parse(id).flatMap(deductions::findForUpdate)
                .filter(found -> caller.sees(found.clientId()))
                .orElseThrow(() -> DeductionNotFoundException.withId(id));
        if (!deduction.isCancelled()) {
            List<List<Allocated>> allocations = inventory.giveBack(deduction, caller.clientId());
            Instant now = now();
            deduction.markCancelled(now);
            deductions.flush();
            events.publishEvent(new DeductionCancelled(InventoryEvent.newId(), now, deduction.getId(),
                    deduction.orderId(), deduction.clientId(), OrderLineView.of(deduction.lines(), allocations)));
            log.debug("Deduction cancelled: order={} id={}", deduction.orderId(), deduction.getId());
        }
        return view(deduction);
    }

    /** A stored deduction as the API shows it, with where its units came from (its ledger entries say). */
    private DeductionView view(Deduction deduction) {
        return DeductionView.of(deduction, inventory.allocationsOf(deduction, MovementKind.DEDUCT));
    }

    /** The service's clock, to the microsecond PostgreSQL keeps: an answer shows what a later read will show. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
