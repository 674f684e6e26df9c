package com.example.inventory.stock.placement.batch;

import com.example.inventory.stock.Allocated;
import com.example.inventory.stock.Claims;
import com.example.inventory.stock.InlineClaim;
import com.example.inventory.stock.InsufficientStockException;
import com.example.inventory.stock.OrderClaims;
import com.example.inventory.stock.Placement;
import com.example.inventory.stock.PlacementMode;
import com.example.inventory.stock.ProductNotFoundException;
import com.example.inventory.stock.StockLimitExceededException;
import com.example.inventory.stock.StockOrder;
import com.example.inventory.stock.event.StockEvents;
import com.example.inventory.stock.ledger.Ledger;
import com.example.inventory.stock.model.LocationStock;
import com.example.inventory.stock.model.LocationStockRepository;
import com.example.inventory.stock.model.StockStatements;
import com.example.inventory.stock.placement.ConditionalStockChange;
import com.example.inventory.stock.placement.StaleAllocationException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places a batch of orders in one transaction: claims every order id of a book in one statement, locks every stock
 * row of the batch's products in one query ((product id, location) order, as every other mode), allocates and applies
 * the orders in arrival order, each all or nothing, in memory ({@link Allocation}) — an order that does not fit is refused and its id
 * freed, and the orders behind it still get their chance — then writes the changed rows in one statement and the
 * ledger in another, and commits once. A batch of one is placed as the atomic mode places an order.
 */
@Component
class OrderBatch {

    /** Books are claimed in one fixed order, so two batches never wait on each other's claims in a circle. */
    private static final Comparator<OrderClaims<?>> CLAIM_ORDER = Comparator.comparing(book -> book.getClass().getName());

    private final LocationStockRepository rows;
    private final StockStatements statements;
    private final ConditionalStockChange conditionalStock;
    private final Ledger ledger;
    private final StockEvents events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OrderBatch(LocationStockRepository rows, StockStatements statements, ConditionalStockChange conditionalStock,
               Ledger ledger, StockEvents events, PlatformTransactionManager transactionManager, Clock clock) {
        this.rows = rows;
        this.statements = statements;
        this.conditionalStock = conditionalStock;
        this.ledger = ledger;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Decides every order of the batch ({@link QueuedOrder#decide} or {@link QueuedOrder#refuse}) in one
     * transaction. Each order's id appears at most once per book. When this throws, nothing was committed.
     */
    void place(List<QueuedOrder<?>> batch) {
        try {
            transactions.executeWithoutResult(status -> placeAll(batch, status, true));
        } catch (StaleAllocationException stale) {
            // A lone order one statement could not place but that fits: placed again, as a batch, on locked rows.
            transactions.executeWithoutResult(status -> placeAll(batch, status, false));
        }
    }

    private void placeAll(List<QueuedOrder<?>> batch, TransactionStatus status, boolean aloneAsAtomic) {
        if (aloneAsAtomic && batch.size() == 1 && batch.getFirst().lineCount() == 1
                && placedInOneStatement(batch.getFirst(), status)) {
            return;
        }
        List<QueuedOrder<?>> claimed = claim(batch);
        if (aloneAsAtomic && batch.size() == 1 && claimed.size() == 1 && claimed.getFirst().lineCount() == 1) {
            placeAlone(claimed.getFirst(), status);
            return;
        }
        Map<String, List<LocationStock>> locked = lock(claimed);
        Allocation allocation = Allocation.inArrivalOrder(claimed, locked, clock.instant());
        List<QueuedOrder<?>> refused = new ArrayList<>();
        for (int i = 0; i < claimed.size(); i++) {
            QueuedOrder<?> queued = claimed.get(i);
            RuntimeException refusal = allocation.refusal(i);
            if (refusal != null) {
                queued.refuse(refusal);
                refused.add(queued);
            } else {
                queued.decide(Placement.placed(PlacementMode.BATCHED, 1, allocation.allocations(i)));
            }
        }
        byBook(refused).forEach(OrderBatch::unclaim);
        write(allocation.changed());
        List<LocationStock> rows = new ArrayList<>();
        locked.values().forEach(rows::addAll);
        events.changedLocked(rows, allocation.movements(), ledger.record(allocation.movements()));
    }

    /**
     * A batch of one one-line order shares nothing, so its stock is changed as the atomic strategy changes it — one
     * conditional update, after the batch's claim (when its book offers no claim to make part of that statement:
     * {@link #placedInOneStatement}) — instead of paying for the lock, write and ledger statements a batch needs: a
     * lone order costs about what it costs elsewhere. An order that does not fit rolls the transaction back (its claim with it) and is refused. (A
     * lone multi-line order takes the batch's way: its three statements are no more than one update per line.) One
     * that fits but that no one statement can place (a line to split) throws {@link StaleAllocationException}: the
     * transaction rolls back and the order is placed again the batch's way.
     */
    private void placeAlone(QueuedOrder<?> queued, TransactionStatus status) {
        try {
            List<List<Allocated>> allocations = conditionalStock.apply(queued.order(), queued.book().movement());
            queued.decide(Placement.placed(PlacementMode.BATCHED, 1, allocations));
        } catch (InsufficientStockException | ProductNotFoundException | StockLimitExceededException refusal) {
            status.setRollbackOnly();
            queued.refuse(refusal);
        }
    }

    /**
     * A lone one-line order whose book offers its claim as part of a statement ({@link OrderClaims#inlineClaim}) is
     * claimed and placed in one statement, as the atomic strategy places it: an id claimed before changes nothing and
     * is answered as a replay; a line that does not fit rolls the transaction (its claim with it) back and is refused.
     *
     * @return false when its book offers no such claim (it is placed as {@link #placeAlone} places it)
     */
    private <O extends StockOrder> boolean placedInOneStatement(QueuedOrder<O> queued, TransactionStatus status) {
        Optional<InlineClaim> claim = queued.book().inlineClaim(queued.order(), PlacementMode.BATCHED, 1);
        if (claim.isEmpty()) {
            return false;
        }
        try {
            queued.decide(conditionalStock.claimAndApply(queued.order(), claim.get(), queued.book().movement())
                    .map(allocations -> Placement.placed(PlacementMode.BATCHED, 1, allocations))
                    .orElseGet(() -> Placement.claimedBefore(PlacementMode.BATCHED)));
        } catch (InsufficientStockException | ProductNotFoundException | StockLimitExceededException refusal) {
            status.setRollbackOnly();
            queued.refuse(refusal);
        }
        return true;
    }

    /** Claims the ids; an order whose id another order holds is decided as such and goes no further. */
    private List<QueuedOrder<?>> claim(List<QueuedOrder<?>> batch) {
        Set<QueuedOrder<?>> claimed = Collections.newSetFromMap(new IdentityHashMap<>());
        byBook(batch).forEach((book, orders) -> claimed.addAll(claimIn(book, orders)));
        List<QueuedOrder<?>> inArrivalOrder = new ArrayList<>(claimed.size());
        for (QueuedOrder<?> queued : batch) {
            if (claimed.contains(queued)) {
                inArrivalOrder.add(queued);
            } else if (!queued.isRefused()) {
                queued.decide(Placement.claimedBefore(PlacementMode.BATCHED));
            }
        }
        return inArrivalOrder;
    }

    private Map<String, List<LocationStock>> lock(List<QueuedOrder<?>> claimed) {
        TreeSet<String> skus = new TreeSet<>();
        claimed.forEach(queued -> queued.order().lines().forEach(line -> skus.add(line.sku())));
        Map<String, List<LocationStock>> bySku = new HashMap<>();
        if (!skus.isEmpty()) {
            (skus.size() == 1 ? rows.lockReadOnlyBySku(skus.first()) : rows.lockReadOnlyBySkusInOrder(skus))
                    .forEach(row -> bySku.computeIfAbsent(row.getSku(), sku -> new ArrayList<>(1)).add(row));
        }
        return bySku;
    }

    private void write(Set<LocationStock> changed) {
        if (changed.isEmpty()) {
            return;
        }
        Long[] ids = new Long[changed.size()];
        Integer[] stocks = new Integer[changed.size()];
        Integer[] reserved = new Integer[changed.size()];
        int i = 0;
        for (LocationStock row : changed) {
            ids[i] = row.getId();
            stocks[i] = row.getStock();
            reserved[i] = row.getReserved();
            i++;
        }
        int written = statements.writeLevels(ids, stocks, reserved);
        if (written != changed.size()) {
            throw new IllegalStateException("Wrote " + written + " of " + changed.size() + " locked stock rows");
        }
    }

    private static Map<OrderClaims<?>, List<QueuedOrder<?>>> byBook(List<QueuedOrder<?>> orders) {
        Map<OrderClaims<?>, List<QueuedOrder<?>>> byBook = new TreeMap<>(CLAIM_ORDER);
        orders.forEach(queued -> byBook.computeIfAbsent(queued.book(), book -> new ArrayList<>()).add(queued));
        return byBook;
    }

    @SuppressWarnings("unchecked")
    private static <O extends StockOrder> List<QueuedOrder<?>> claimIn(OrderClaims<O> book, List<QueuedOrder<?>> queued) {
        List<O> orders = queued.stream().map(q -> (O) q.order()).toList();
        Claims<O> claims = book.claim(orders, PlacementMode.BATCHED, 1);
        Set<O> claimed = Collections.newSetFromMap(new IdentityHashMap<>());
        claimed.addAll(claims.claimed());
        for (QueuedOrder<?> order : queued) {
            RuntimeException refusal = claims.refusalOf((O) order.order());
            if (refusal != null) {
                order.refuse(refusal);
            }
        }
        return queued.stream().filter(q -> claimed.contains(q.order())).toList();
    }

    @SuppressWarnings("unchecked")
    private static <O extends StockOrder> void unclaim(OrderClaims<O> book, List<QueuedOrder<?>> queued) {
        book.unclaim(queued.stream().map(q -> (O) q.order()).toList());
    }
}
