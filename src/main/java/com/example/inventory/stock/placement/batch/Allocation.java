package com.example.inventory.stock.placement.batch;

import com.example.inventory.stock.Allocated;
import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.OrderLine;
import com.example.inventory.stock.ledger.Movement;
import com.example.inventory.stock.model.LocationStock;
import com.example.inventory.stock.placement.OrderOnRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which orders of a batch fit, decided in memory: in arrival order, each order is allocated on the locked stock rows
 * as the orders before it left them ({@link OrderOnRows}, the one allocation rule) and applied, all of its lines or
 * none. Earlier orders win; an order that does not fit is refused, changes nothing, and does not stop the orders
 * behind it (a smaller one may still fit). Needs no database: the rows are the locked entities, changed by their own
 * stock rule.
 */
final class Allocation {

    /** An order as the allocation sees it: its id (the ledger's reference), its book's movement, its lines. */
    interface Request {

        String orderId();

        /** The order's client: the ledger's actor. */
        String clientId();

        MovementKind movement();

        List<OrderLine> lines();
    }

    private final List<@Nullable RuntimeException> refusals;
    private final List<List<List<Allocated>>> allocations;
    private final List<Movement> movements = new ArrayList<>();
    private final Set<LocationStock> changed = Collections.newSetFromMap(new LinkedHashMap<>());

    private Allocation(int size) {
        this.refusals = new ArrayList<>(size);
        this.allocations = new ArrayList<>(size);
    }

    /**
     * @param requests the batch's orders, in arrival order, each SKU at most once per order
     * @param locked every stock row of every line's product, by SKU (a SKU missing here names no product)
     * @param now the time of the changes
     */
    static Allocation inArrivalOrder(List<? extends Request> requests, Map<String, List<LocationStock>> locked,
                                     Instant now) {
        Allocation allocation = new Allocation(requests.size());
        for (Request request : requests) {
            allocation.place(request, locked, now);
        }
        return allocation;
    }

    /** Why the request at {@code index} (in the order given) was refused, or {@code null}: it was placed. */
    @Nullable RuntimeException refusal(int index) {
        return refusals.get(index);
    }

    /** Where the lines of the request at {@code index} took their units; empty when it was refused. */
    List<List<Allocated>> allocations(int index) {
        return allocations.get(index);
    }

    /** The ledger entries of the placed orders, in the order applied. */
    List<Movement> movements() {
        return movements;
    }

    /** The rows the placed orders changed, in the order of their first change. */
    Set<LocationStock> changed() {
        return changed;
    }

    private void place(Request request, Map<String, List<LocationStock>> locked, Instant now) {
        List<LocationStock> rows = new ArrayList<>();
        Set<String> skus = new LinkedHashSet<>();
        request.lines().forEach(line -> skus.add(line.sku()));
        skus.forEach(sku -> rows.addAll(locked.getOrDefault(sku, List.of())));
        OrderOnRows.Decision decision = OrderOnRows.allocate(request.lines(),
                rows.stream().map(OrderOnRows.Row::of).toList());
        if (decision instanceof OrderOnRows.Refused(RuntimeException refusal)) {
            refusals.add(refusal);
            allocations.add(List.of());
            return;
        }
        OrderOnRows.Applied applied = OrderOnRows.apply((OrderOnRows.Fits) decision, request.orderId(),
                request.clientId(), request.lines(), request.movement(), rows, now);
        refusals.add(null);
        allocations.add(applied.allocations());
        movements.addAll(applied.movements());
        changed.addAll(applied.changed());
    }
}
