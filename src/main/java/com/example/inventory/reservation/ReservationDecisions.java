package com.example.inventory.reservation;

import com.example.inventory.common.InventoryEvent;
import com.example.inventory.common.TimeOrderedUuid;
import com.example.inventory.deduction.DeductionService;
import com.example.inventory.deduction.DeductionService.ConfirmedHold;
import com.example.inventory.reservation.ReservationMetrics.Outcome;
import com.example.inventory.stock.Allocated;
import com.example.inventory.stock.DecisionBook;
import com.example.inventory.stock.InventoryService;
import com.example.inventory.stock.InventoryService.EndedHold;
import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.OrderConflictException;
import com.example.inventory.stock.OrderLineView;
import com.example.inventory.stock.PlacementMode;
import com.example.inventory.stock.StockOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A hold's decisions — confirm, release, extend — taken together: every reservation of a batch is locked in one query
 * (id order), each decision is taken on its reservation in the order asked (so of two on one reservation the second
 * sees the first's outcome: each reservation is decided exactly once), then the confirmed ones' deductions are
 * recorded in one statement, their clients' hold counters lowered in one, and every row they hold changed under one
 * lock query with one ledger statement ({@link InventoryService#endHolds}). The lock order is the one of a single
 * decision: reservation rows, deduction claims, hold counters, stock rows.
 */
@Component
class ReservationDecisions implements DecisionBook<ReservationDecisions.Ask, ReservationDecisions.Decision> {

    private final ReservationRepository reservations;
    private final ReservationBook book;
    private final InventoryService inventory;
    private final DeductionService deductions;
    private final ReservationSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReservationDecisions(ReservationRepository reservations, ReservationBook book, InventoryService inventory,
                         DeductionService deductions, ReservationSettings settings, ApplicationEventPublisher events,
                         Clock clock) {
        this.reservations = reservations;
        this.book = book;
        this.inventory = inventory;
        this.deductions = deductions;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<Decided<Decision>> decide(List<Ask> asked) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Set<UUID> ids = new LinkedHashSet<>();
        asked.forEach(ask -> ids.add(ask.id()));
        Map<UUID, Reservation> locked = new HashMap<>();
        reservations.findAllForUpdate(ids).forEach(reservation -> locked.put(reservation.getId(), reservation));
        Map<StockOrder, List<List<Allocated>>> held = inventory.allocationsOf(List.copyOf(locked.values()),
                MovementKind.RESERVE);
        List<Decided<Decision>> decided = new ArrayList<>(asked.size());
        Map<Reservation, UUID> confirmed = new IdentityHashMap<>();
        List<Reservation> ended = new ArrayList<>();
        Map<Reservation, String> endedBy = new IdentityHashMap<>();
        for (Ask ask : asked) {
            Reservation reservation = locked.get(ask.id());
            if (reservation == null || !reservation.clientId().equals(ask.clientId())) {
                // Its decisions are its client's alone (not even an operator's).
                decided.add(Decided.refused(ReservationNotFoundException.withId(ask.id().toString())));
                continue;
            }
            List<List<Allocated>> units = held.get(reservation);
            try {
                decided.add(Decided.done(switch (ask.kind()) {
                    case CONFIRM -> {
                        if (reservation.isConfirmed()) {
                            yield new Decision(ReservationView.of(reservation, units), null);
                        }
                        UUID deductionId = TimeOrderedUuid.next();
                        reservation.confirm(deductionId, now);
                        confirmed.put(reservation, deductionId);
                        yield new Decision(ReservationView.of(reservation, units), Outcome.CONFIRMED);
                    }
                    case RELEASE -> {
                        if (!reservation.release(now)) {
                            yield new Decision(ReservationView.of(reservation, units), null);
                        }
                        ended.add(reservation);
                        endedBy.put(reservation, ask.clientId());
                        yield new Decision(ReservationView.of(reservation, units),
                                reservation.getStatus() == ReservationStatus.EXPIRED ? Outcome.EXPIRED
                                        : Outcome.RELEASED);
                    }
                    case EXTEND -> {
                        reservation.extend(now.plus(ask.ttl()), now, settings.maxLifetime());
                        yield new Decision(ReservationView.of(reservation, units), Outcome.EXTENDED);
                    }
                }));
            } catch (ReservationStateException | ReservationLifetimeExceededException refusal) {
                // Refused before its reservation changed: nothing to undo.
                decided.add(Decided.refused(refusal));
            }
        }
        recordDeductions(confirmed, asked.size(), now);
        List<Reservation> decidedHolds = new ArrayList<>(confirmed.keySet());
        decidedHolds.addAll(ended);
        book.unhold(decidedHolds);
        List<EndedHold> endedHolds = new ArrayList<>(decidedHolds.size());
        confirmed.keySet().forEach(reservation -> endedHolds.add(EndedHold.sold(reservation, held.get(reservation))));
        ended.forEach(reservation -> endedHolds.add(EndedHold.givenBack(reservation, held.get(reservation),
                endedBy.get(reservation))));
        inventory.endHolds(endedHolds);
        ended.stream().filter(reservation -> reservation.getStatus() == ReservationStatus.EXPIRED)
                .forEach(reservation -> expired(reservation.getId(), reservation, held.get(reservation), now));
        return decided;
    }

    /**
     * The confirmed holds' deductions, in one statement. A taken order id (the order was deducted directly) refuses
     * its confirmation, which has changed its reservation by now: a lone decision throws (its transaction rolls
     * back), a batch is taken again decision by decision.
     */
    private void recordDeductions(Map<Reservation, UUID> confirmed, int batchSize, Instant now) {
        if (confirmed.isEmpty()) {
            return;
        }
        List<ConfirmedHold> holds = new ArrayList<>(confirmed.size());
        confirmed.forEach((reservation, deductionId) -> holds.add(new ConfirmedHold(deductionId, reservation,
                PlacementMode.of(reservation.getStrategy()))));
        List<StockOrder> taken = deductions.recordConfirmed(holds, now);
        if (taken.isEmpty()) {
            return;
        }
        if (batchSize == 1) {
            throw OrderConflictException.alreadyDeducted(taken.getFirst().orderId());
        }
        throw new DecideEachAlone("The order id of a confirmed reservation has a deduction already");
    }

    /** Records that a hold ended as expired (published once its transaction commits). */
    void expired(UUID id, StockOrder reservation, List<List<Allocated>> held, Instant at) {
        events.publishEvent(new ReservationExpired(InventoryEvent.newId(), at, id, reservation.orderId(),
                reservation.clientId(), OrderLineView.of(reservation.lines(), held)));
    }

    /** A decision asked of reservation {@code id} by client {@code clientId}; {@code ttl} only to extend. */
    record Ask(UUID id, Kind kind, String clientId, @Nullable Duration ttl) {

        @Override
        public Duration ttl() {
            if (ttl == null) {
                throw new IllegalStateException("Only an extension has a ttl");
            }
            return ttl;
        }
    }

    enum Kind {
        CONFIRM, RELEASE, EXTEND
    }

    /** What a decision left the reservation as, and what it did, if anything (null: it was decided before). */
    record Decision(ReservationView reservation, @Nullable Outcome outcome) {
    }
}
