package com.example.inventory.reservation;

import com.example.inventory.common.Caller;
import com.example.inventory.common.TimeOrderedUuid;
import com.example.inventory.stock.Allocated;
import com.example.inventory.stock.ContentionException;
import com.example.inventory.stock.InsufficientStockException;
import com.example.inventory.stock.InventoryService;
import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.OncePerOrderId.Answer;
import com.example.inventory.stock.OncePerOrderId;
import com.example.inventory.stock.OrderConflictException;
import com.example.inventory.stock.OrderLine;
import com.example.inventory.stock.PlacementMode;
import com.example.inventory.stock.ProductNotFoundException;
import com.example.inventory.stock.StockOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.example.inventory.reservation.ReservationDecisions.Ask;
import com.example.inventory.reservation.ReservationDecisions.Decision;
import com.example.inventory.reservation.ReservationDecisions.Kind;
import com.example.inventory.reservation.ReservationMetrics.Outcome;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checkout holds: reserving takes units out of {@code available} at once (under any strategy, like a deduction);
 * a confirmation turns them into a deduction, a release or the expiry gives them back. Every decision is taken
 * under the reservation's row lock ({@link ReservationDecisions}; the sweeper skips rows another transaction holds),
 * so each reservation is decided exactly once; under the batched strategy a product's decisions queue with its orders
 * and share a transaction.
 */
@Service
public class ReservationService {

    private static final Logger log = LoggerFactory.getLogger(ReservationService.class);

    private final ReservationRepository reservations;
    private final ReservationBook book;
    private final ReservationDecisions decisions;
    private final InventoryService inventory;
    private final OncePerOrderId once;
    private final ReservationMetrics metrics;
    private final ReservationSettings settings;
    private final Clock clock;

    ReservationService(ReservationRepository reservations, ReservationBook book, ReservationDecisions decisions,
                       InventoryService inventory, OncePerOrderId once, ReservationMetrics metrics,
                       ReservationSettings settings, Clock clock) {
        this.reservations = reservations;
        this.book = book;
        this.decisions = decisions;
        this.inventory = inventory;
        this.once = once;
        this.metrics = metrics;
        this.settings = settings;
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
        return decided(id, caller, Kind.CONFIRM, null);
    }

    /**
     * Gives the held units back: the reservation is released (or expired, when its time was up already). Repeating
     * it, or releasing an expired reservation, changes nothing.
     *
     * @throws ReservationNotFoundException when there is no such reservation of the caller's
     * @throws ReservationStateException when it was confirmed
     */
    public ReservationView release(String id, Caller caller) {
        return decided(id, caller, Kind.RELEASE, null);
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
        return decided(id, caller, Kind.EXTEND, ttl);
    }

    /**
     * Takes one decision ({@link ReservationDecisions}) the way the strategy that placed the reservation takes them
     * ({@link InventoryService#decide}: batched, in its product's queue) and counts what it came to once it has
     * committed. Only the caller's own reservation: its decisions are its client's alone (not even an operator's).
     */
    private ReservationView decided(String id, Caller caller, Kind kind, @Nullable Duration ttl) {
        Optional<UUID> reservationId = TimeOrderedUuid.parse(id);
        ReservationBook.Route route = reservationId.flatMap(book::routeOf)
                .filter(found -> found.clientId().equals(caller.clientId()))
                .orElseThrow(() -> ReservationNotFoundException.withId(id));
        Decision decided;
        try {
            decided = inventory.decide(new Ask(reservationId.get(), kind, caller.clientId(), ttl), route.firstSku(),
                    decisions, route.strategy());
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
        overdue.forEach(reservation -> decisions.expired(reservation.id(), reservation, held.get(reservation), now));
        metrics.expired(overdue.size());
        log.info("Expired {} reservation(s)", overdue.size());
        return overdue.size();
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

    private RuntimeException counted(Outcome outcome, RuntimeException reason) {
        metrics.count(outcome);
        return reason;
    }

    /** The service's clock, to the microsecond PostgreSQL keeps. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
