package com.example.inventory.stock;

import com.example.inventory.common.InventoryLimits;
import com.example.inventory.stock.ledger.Ledger;
import com.example.inventory.stock.ledger.Ledger.OrderKey;
import com.example.inventory.stock.model.LocationRows;
import com.example.inventory.stock.placement.LockedStockChange;
import com.example.inventory.stock.placement.DecisionQueue;
import com.example.inventory.stock.placement.LockedStockChange.Change;
import com.example.inventory.stock.placement.LockedStockChange.Move;
import com.example.inventory.stock.placement.LockedStockChange.Target;
import com.example.inventory.stock.placement.Placers;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the features' orders change stock: an order is placed in one of the placement modes, and the units it took
 * or holds are given back, confirmed or released later, always under a row lock or a guarded update, in the same
 * transaction as their ledger entries. Where an order's units came from (its allocations) is what its placement's
 * ledger entries say, so every later change moves exactly those units of exactly those rows. Features keep their own
 * records ({@link OrderClaims}); a hold's decisions go through {@link #decide} ({@link DecisionBook}: in the batched
 * mode's queues, or a tracked transaction of their own), other later changes (a cancellation) run in
 * {@link TrackedTransactions}; the catalogue's changes go through {@link ProductStock}.
 */
@Service
public class InventoryService {

    private final Placers placers;
    private final LockedStockChange lockedStock;
    private final Ledger ledger;
    private final LocationRows locations;
    private final StockSettings settings;
    private final StockMetrics metrics;
    private final DecisionQueue decisionQueue;
    private final TrackedTransactions writes;

    InventoryService(Placers placers, LockedStockChange lockedStock, Ledger ledger, LocationRows locations,
                     StockSettings settings, StockMetrics metrics, DecisionQueue decisionQueue,
                     TrackedTransactions writes) {
        this.decisionQueue = decisionQueue;
        this.writes = writes;
        this.placers = placers;
        this.lockedStock = lockedStock;
        this.ledger = ledger;
        this.locations = locations;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** The mode that places an order whose request names {@code requested}: that one, or the default. */
    public PlacementMode strategyOr(@Nullable PlacementMode requested) {
        return requested != null ? requested : settings.strategy();
    }

    /**
     * Places an order: claims its id in {@code book}, allocates its lines over their products' locations and applies
     * the book's movement to the stock of every line, all or nothing, in the mode's own transaction(s). When the id is
     * claimed already, nothing changes and the placement says so; the feature answers from its stored order.
     *
     * @throws LocationNotFoundException for the first line that pins a location that does not exist
     * @throws ProductNotFoundException for the first line whose SKU is unknown
     * @throws InsufficientStockException for a line that asks for more than is available where it may take from
     * @throws ContentionException when the rows could not be had in time (lock timeout, retries used up)
     */
    public <O extends StockOrder> Placement place(O order, OrderClaims<O> book, PlacementMode strategy) {
        requirePinnedLocationsExist(order.lines());
        Placement placement;
        try {
            placement = placers.of(strategy).place(order, book);
        } catch (RuntimeException e) {
            if (ContentionException.isLockTimeout(e)) {
                metrics.lockTimeout(strategy);
                throw ContentionException.lockTimeout(e);
            }
            throw e;
        }
        if (placement.placed() && placement.allocations().isEmpty()) {
            // Committed, but its answers were lost with the connection (found out afterwards): the ledger has them.
            return Placement.placed(placement.strategy(), placement.attempts(), allocationsOf(order, book.movement()));
        }
        return placement;
    }

    private void requirePinnedLocationsExist(List<OrderLine> lines) {
        if (lines.stream().allMatch(line -> line.location() == null)) {
            return;
        }
        TreeSet<String> pinned = new TreeSet<>();
        lines.stream().map(OrderLine::location).filter(Objects::nonNull).forEach(pinned::add);
        if (pinned.isEmpty()) {
            return;
        }
        Set<String> known = locations.existing(pinned);
        lines.stream().map(OrderLine::location).filter(location -> location != null && !known.contains(location))
                .findFirst().ifPresent(location -> {
                    throw LocationNotFoundException.of(location);
                });
    }

    /**
     * Where the units of a placed order's lines came from, by the line's index in the order: what its placement's
     * ledger entries say.
     *
     * @param placedBy the movement that placed it: {@code DEDUCT} for a deduction (placed as one, or confirmed from a
     *        hold: its {@code CONFIRM} entries), {@code RESERVE} for a hold
     */
    public List<List<Allocated>> allocationsOf(StockOrder order, MovementKind placedBy) {
        return allocationsOf(List.of(order), placedBy).get(order);
    }

    /** {@link #allocationsOf(StockOrder, MovementKind)} of several orders, in one query. */
    public Map<StockOrder, List<List<Allocated>>> allocationsOf(List<? extends StockOrder> orders,
                                                                MovementKind placedBy) {
        Set<MovementKind> kinds = placedBy == MovementKind.DEDUCT
                ? EnumSet.of(MovementKind.DEDUCT, MovementKind.CONFIRM) : EnumSet.of(placedBy);
        Map<OrderKey, List<Ledger.Placed>> placed = ledger.placedBy(
                orders.stream().map(order -> new OrderKey(order.orderId(), order.clientId())).distinct().toList(),
                kinds);
        Map<StockOrder, List<List<Allocated>>> allocations = new IdentityHashMap<>();
        for (StockOrder order : orders) {
            List<Ledger.Placed> entries = placed.getOrDefault(new OrderKey(order.orderId(), order.clientId()),
                    List.of());
            List<List<Allocated>> lines = new ArrayList<>(order.lines().size());
            for (OrderLine line : order.lines()) {
                lines.add(entries.stream().filter(entry -> entry.sku().equals(line.sku()))
                        .map(entry -> new Allocated(entry.location(), entry.quantity())).toList());
            }
            allocations.put(order, lines);
        }
        return allocations;
    }

    /**
     * Gives the units of a deduction back to stock (a cancelled deduction), to exactly the rows they came from, under
     * their row locks, with one {@code CANCEL} movement per allocated part by {@code actor} (who cancelled: the order's
     * client or an operator), inside the caller's transaction.
     *
     * @return where its lines' units went back to
     * @throws StockLimitExceededException when a product's stock would exceed {@link InventoryLimits#MAX_STOCK}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<List<Allocated>> giveBack(StockOrder deducted, String actor) {
        List<List<Allocated>> allocations = allocationsOf(deducted, MovementKind.DEDUCT);
        lockedStock.apply(List.of(changeOf(deducted, allocations, actor)), MovementKind.CANCEL);
        return allocations;
    }

    /**
     * Takes a later decision on a placed order in {@code book}: under the batched mode it queues behind the orders
     * of {@code routingSku} and is taken with the decisions of the same book that queued beside it, in one
     * transaction; under any other mode, in a transaction of its own. Either way the transaction is tracked
     * ({@link TrackedTransactions}): when its connection fails, whether it committed is found out.
     *
     * @param strategy the mode that placed the order
     * @return what the decision came to, once its transaction committed
     * @throws RuntimeException the decision's refusal, or why its transaction failed
     */
    public <D, R> R decide(D decision, String routingSku, DecisionBook<D, R> book, PlacementMode strategy) {
        if (strategy == PlacementMode.BATCHED) {
            return decisionQueue.decide(decision, routingSku, book);
        }
        return writes.write(() -> book.decide(List.of(decision)).getFirst().orThrow());
    }

    /**
     * Ends some holds, each as a sale or given back, with every row they hold locked in one query, in order, inside
     * the caller's transaction. A sale: {@code stock} and {@code reserved} of exactly the rows that hold its units
     * both fall, one {@code CONFIRM} movement per allocated part by the order's client. Given back: {@code reserved}
     * falls ({@code available} rises), one {@code RELEASE} movement per allocated part by the hold's actor.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void endHolds(List<EndedHold> ended) {
        if (!ended.isEmpty()) {
            lockedStock.applyEach(ended.stream().map(hold -> new Move(changeOf(hold.order(), hold.allocations(),
                    hold.actor()), hold.sold() ? MovementKind.CONFIRM : MovementKind.RELEASE)).toList());
        }
    }

    /**
     * A hold that ends: {@code sold} (confirmed) or given back, by {@code actor}; its units are where
     * {@code allocations} say ({@link #allocationsOf}, {@code RESERVE}).
     */
    public record EndedHold(StockOrder order, List<List<Allocated>> allocations, boolean sold, String actor) {

        public static EndedHold sold(StockOrder order, List<List<Allocated>> allocations) {
            return new EndedHold(order, allocations, true, order.clientId());
        }

        public static EndedHold givenBack(StockOrder order, List<List<Allocated>> allocations, String actor) {
            return new EndedHold(order, allocations, false, actor);
        }
    }

    /**
     * Gives the units held for some orders back to {@code available} ({@code reserved} of the rows that hold them
     * falls), one {@code RELEASE} movement per allocated part by {@code actor}
     * ({@link com.example.inventory.common.Caller#SYSTEM} for the sweeper; null: each order's own client), inside the
     * caller's transaction. All their rows are locked in one query, in order, so releasing many holds at once cannot
     * deadlock with anything else.
     *
     * @return where each order's units were held, by order (identity)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<StockOrder, List<List<Allocated>>> release(List<? extends StockOrder> held, @Nullable String actor) {
        if (held.isEmpty()) {
            return Map.of();
        }
        Map<StockOrder, List<List<Allocated>>> allocations = allocationsOf(held, MovementKind.RESERVE);
        lockedStock.apply(held.stream().map(order -> changeOf(order, allocations.get(order),
                actor != null ? actor : order.clientId())).toList(), MovementKind.RELEASE);
        return allocations;
    }

    private static Change changeOf(StockOrder order, List<List<Allocated>> allocations, String actor) {
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < order.lines().size(); i++) {
            String sku = order.lines().get(i).sku();
            allocations.get(i).forEach(part -> targets.add(new Target(sku, part.location(), part.quantity())));
        }
        return new Change(targets, order.orderId(), actor);
    }
}
