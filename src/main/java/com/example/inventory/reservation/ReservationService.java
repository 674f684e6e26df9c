package com.example.inventory.reservation;

import com.example.inventory.common.Caller;
import com.example.inventory.common.InventoryEvent;
import com.example.inventory.common.TimeOrderedUuid;
import com.example.inventory.deduction.DeductionService;
import com.example.inventory.stock.Allocated;
import com.example.inventory.stock.ContentionException;
import com.example.inventory.stock.InsufficientStockException;
import com.example.inventory.stock.InventoryService;
import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.OncePerOrderId.Answer;
import com.example.inventory.stock.OncePerOrderId;
import com.example.inventory.stock.OrderConflictException;
import com.example.inventory.stock.OrderLine;
import com.example.inventory.stock.OrderLineView;
import com.example.inventory.stock.PlacementMode;
import com.example.inventory.stock.ProductNotFoundException;
import com.example.inventory.stock.StockOrder;
import com.example.inventory.stock.TrackedTransactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.example.inventory.reservation.ReservationMetrics.Outcome;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checkout holds: reserving takes units out of {@code available} at once (under any strategy, like a deduction);
 * a confirmation turns them into a deduction, a release or the expiry gives them back. Every decision is taken
 * under the reservation's row lock, so each reservation is decided exactly once.
 */
@Service
public class ReservationService {

    private static final Logger log = LoggerFactory.getLogger(ReservationService.class);

    private final ReservationRepository reservations;
    private final ReservationBook book;
    private final InventoryService inventory;
    private final OncePerOrderId once;
    private final DeductionService deductions;
    private final ReservationMetrics metrics;
    private final TrackedTransactions writes;
    private final ReservationSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReservationService(ReservationRepository reservations, ReservationBook book, InventoryService inventory,
                       OncePerOrderId once, DeductionService deductions, ReservationMetrics metrics,
                       TrackedTransactions writes, ReservationSettings settings, ApplicationEventPublisher events,
                       Clock clock) {
        this.writes = writes;
        this.events = events;
        this.settings = settings;
        this.reservations = reservations;
        this.book = book;
        this.inventory = inventory;
        this.once = once;
        this.deductions = deductions;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Holds the units of every line for {@code orderId} of {@code clientId} for {@code ttl}, or nothing. The order
     * id is the idempotency key, per client: a repeat returns the stored reservation, whatever its status, and holds
     * nothing more.
     *
     * @throws ProductNotFoundException when a line's SKU is unknown
     * @throws InsufficientStockException when a line asks for more than is available
     * @throws OrderConflictException when the order was reserved before with other lines
     * @throws HoldQuotaExceededException when the client would hold more units than its quota
     * @throws ContentionException when the rows could not be had in time
     * @throws ReservationLifetimeExceededException when {@code ttl} is longer than the maximum lifetime (only when
     *         {@code inventory.reservation.max-lifetime} is set below the longest ttl a request may ask for)
     */
    public Answer<ReservationView> reserve(String orderId, String clientId, List<OrderLine> lines, Duration ttl,
                                           @Nullable PlacementMode requested) {
        PlacementMode strategy = inventory.strategyOr(requested);
        Instant now = now();
        if (ttl.compareTo(settings.maxLifetime()) > 0) {
            throw ReservationLifetimeExceededException.creating(orderId, now.plus(settings.maxLifetime()));
        }
        ReservationOrder order = ReservationOrder.of(orderId, clientId, lines, now, ttl);
        OncePerOrderId.Result<Reservation> result;
        try {
            result = once.place(order, book, strategy,
                    id -> reservations.findByClientIdAndOrderId(clientId, id), "reserved");
        } catch (InsufficientStockException e) {
            throw counted(Outcome.INSUFFICIENT_STOCK, e);
        } catch (ProductNotFoundException e) {
            throw counted(Outcome.NOT_FOUND, e);
        } catch (OrderConflictException e) {
            throw counted(Outcome.ORDER_CONFLICT, e);
        } catch (ContentionException e) {
            throw counted(Outcome.CONTENTION, e);
        }
        if (result instanceof OncePerOrderId.Replayed<Reservation>(Reservation stored)) {
            metrics.count(Outcome.REPLAYED);
            return Answer.replayed(view(stored));
        }
        metrics.count(Outcome.RESERVED);
        log.debug("Reservation placed: order={} strategy={} expiresAt={}", orderId, strategy, order.expiresAt());
        OncePerOrderId.Placed<Reservation> placed = (OncePerOrderId.Placed<Reservation>) result;
        return Answer.placed(ReservationView.placed(order, placed.placement().allocations()));
    }

    /** @throws ReservationNotFoundException when there is no such reservation that {@code caller} may see */
    @Transactional(readOnly = true)
    public ReservationView get(String id, Caller caller) {
        return TimeOrderedUuid.parse(id).flatMap(reservations::findById)
                .filter(reservation -> caller.sees(reservation.clientId())).map(this::view)
                .orElseThrow(() -> ReservationNotFoundException.withId(id));
    }

    /**
     * The reservation of an order of {@code clientId} (null: the caller's own).
     *
     * @throws ReservationNotFoundException when the order was never reserved, or is one {@code caller} may not see
     */
    @Transactional(readOnly = true)
    public ReservationView forOrder(String orderId, @Nullable String clientId, Caller caller) {
        String owner = clientId != null ? clientId : caller.clientId();
        return (caller.sees(owner) ? reservations.findByClientIdAndOrderId(owner, orderId)
                : Optional.<Reservation>empty()).map(this::view)
                .orElseThrow(() -> ReservationNotFoundException.forOrder(orderId));
    }

    /**
     * Turns the hold into a sale: the units leave {@code stock}, and a completed deduction for the order id records
     * it. Repeating it changes nothing.
     *
     * @throws ReservationNotFoundException when there is no such reservation of the caller's
     * @throws ReservationStateException when it was released, or expired (its time is up, swept or not)
     * @throws OrderConflictException when the order id has a deduction already
     */
    public ReservationView confirm(String id, Caller caller) {
        return decided(() -> {
            Reservation reservation = lock(id, caller);
            List<List<Allocated>> held = inventory.allocationsOf(reservation, MovementKind.RESERVE);
            if (reservation.isConfirmed()) {
                return new Decision(ReservationView.of(reservation, held), null);
            }
            Instant now = now();
            UUID deductionId = TimeOrderedUuid.next();
            reservation.confirm(deductionId, now);
            // The deduction's claim before the client's hold counter, as a batch claims them: no lock cycle.
            deductions.recordConfirmed(deductionId, reservation, held, PlacementMode.of(reservation.getStrategy()),
                    now);
            book.unhold(List.of(reservation));
            inventory.confirm(reservation, held);
            return new Decision(ReservationView.of(reservation, held), Outcome.CONFIRMED);
        });
    }

    /**
     * Gives the held units back: the reservation is released (or expired, when its time was up already). Repeating
     * it, or releasing an expired reservation, changes nothing.
     *
     * @throws ReservationNotFoundException when there is no such reservation of the caller's
     * @throws ReservationStateException when it was confirmed
     */
    public ReservationView release(String id, Caller caller) {
        return decided(() -> {
            Reservation reservation = lock(id, caller);
            Instant now = now();
            if (!reservation.release(now)) {
                return new Decision(view(reservation), null);
            }
            book.unhold(List.of(reservation));
            List<List<Allocated>> held = inventory.release(List.of(reservation), caller.clientId()).get(reservation);
            ReservationView view = ReservationView.of(reservation, held);
            if (reservation.getStatus() == ReservationStatus.EXPIRED) {
                expired(reservation.getId(), reservation, held, now);
                return new Decision(view, Outcome.EXPIRED);
            }
            return new Decision(view, Outcome.RELEASED);
        });
    }

    /**
     * Holds the units for {@code ttl} from now, but never past the reservation's creation plus the maximum lifetime
     * ({@code inventory.reservation.max-lifetime}).
     *
     * @throws ReservationNotFoundException when there is no such reservation of the caller's
     * @throws ReservationStateException when it was confirmed, released, or expired (its time is up, swept or not)
     * @throws ReservationLifetimeExceededException when now + {@code ttl} is past its creation plus the maximum
     *         lifetime; nothing changes
     */
    public ReservationView extend(String id, Duration ttl, Caller caller) {
        return decided(() -> {
            Reservation reservation = lock(id, caller);
            Instant now = now();
            reservation.extend(now.plus(ttl), now, settings.maxLifetime());
            return new Decision(view(reservation), Outcome.EXTENDED);
        });
    }

    /**
     * Runs one decision in a tracked transaction (its commit is found out if the connection fails) and counts what it
     * came to once it has committed.
     */
    private ReservationView decided(Supplier<Decision> decision) {
        Decision decided;
        try {
            decided = writes.write(decision);
        } catch (ReservationStateException | ReservationLifetimeExceededException e) {
            throw counted(Outcome.REFUSED, e);
        } catch (OrderConflictException e) {
            throw counted(Outcome.ORDER_CONFLICT, e);
        }
        if (decided.outcome() != null) {
            metrics.count(decided.outcome());
            log.debug("Reservation decided: order={} id={} outcome={}", decided.reservation().orderId(),
                    decided.reservation().id(), decided.outcome().tag());
        }
        return decided.reservation();
    }

    /** What a decision left the reservation as, and what it did, if anything (null: it was decided before). */
    private record Decision(ReservationView reservation, @Nullable Outcome outcome) {
    }

    /**
     * Expires up to {@code limit} overdue reservations, giving their units back, in one transaction. Reservations
     * that another transaction holds (another instance's sweep, a confirmation, a release) are skipped: whoever
     * holds one decides it.
     *
     * @return how many it expired
     */
    @Transactional
    public int expireOverdue(int limit) {
        Instant now = now();
        List<ReservationOrder> overdue = book.expireOverdue(now, limit);
        if (overdue.isEmpty()) {
            return 0;
        }
        book.unhold(overdue);
        Map<StockOrder, List<List<Allocated>>> held = inventory.release(overdue, Caller.SYSTEM);
        overdue.forEach(reservation -> expired(reservation.id(), reservation, held.get(reservation), now));
        metrics.expired(overdue.size());
        log.info("Expired {} reservation(s)", overdue.size());
        return overdue.size();
    }

    /** Records that a hold ended as expired (published once its transaction commits). */
    private void expired(UUID id, StockOrder reservation, List<List<Allocated>> held, Instant at) {
        events.publishEvent(new ReservationExpired(InventoryEvent.newId(), at, id, reservation.orderId(),
                reservation.clientId(), OrderLineView.of(reservation.lines(), held)));
    }

    /** {active reservations, units they hold}. */
    @Transactional(readOnly = true)
    long[] activeHolds() {
        Object[] row = reservations.activeHolds().getFirst();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    /** A stored reservation as the API shows it, with where its units are held (its ledger entries say). */
    private ReservationView view(Reservation reservation) {
        return ReservationView.of(reservation, inventory.allocationsOf(reservation, MovementKind.RESERVE));
    }

    /** The caller's own reservation, locked: its decisions are its client's alone (not even an operator's). */
    private Reservation lock(String id, Caller caller) {
        return TimeOrderedUuid.parse(id).flatMap(reservations::findForUpdate)
                .filter(reservation -> reservation.clientId().equals(caller.clientId()))
                .orElseThrow(() -> ReservationNotFoundException.withId(id));
    }

    private RuntimeException counted(Outcome outcome, RuntimeException reason) {
        metrics.count(outcome);
        return reason;
    }

    /** The service's clock, to the microsecond PostgreSQL keeps. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
