package com.example.inventory.stock.placement.batch;

import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.OrderLine;
import com.example.inventory.stock.ProductNotFoundException;
import com.example.inventory.stock.ledger.Movement;
import com.example.inventory.stock.model.Product;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which orders of a batch fit, decided in memory: in arrival order, each order is applied to the locked products as
 * the orders before it left them, all of its lines or none. Earlier orders win; an order that does not fit is
 * refused, changes nothing, and does not stop the orders behind it (a smaller one may still fit). Needs no database:
 * the products are the locked entities, changed by their own stock rule ({@link Product#apply}).
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

    /** One line of a placed order, applied: the product's stock right after it, as the ledger records it. */
    record Applied(Product product, MovementKind kind, int quantity, int stockAfter, String reference, String actor) {

        Movement movement() {
            return new Movement(product.getId(), kind, quantity, stockAfter, reference, actor);
        }
    }

    private final List<@Nullable RuntimeException> refusals;
    private final List<Applied> applied = new ArrayList<>();
    private final Set<Product> changed = Collections.newSetFromMap(new LinkedHashMap<>());

    private Allocation(int size) {
        this.refusals = new ArrayList<>(size);
    }

    /**
     * @param requests the batch's orders, in arrival order, each SKU at most once per order
     * @param locked the products of every line, by SKU (a SKU missing here names no product)
     * @param now the time of the changes
     */
    static Allocation inArrivalOrder(List<? extends Request> requests, Map<String, Product> locked, Instant now) {
        Allocation allocation = new Allocation(requests.size());
        for (Request request : requests) {
            RuntimeException refusal = refusal(request, locked);
            allocation.refusals.add(refusal);
            if (refusal == null) {
                allocation.apply(request, locked, now);
            }
        }
        return allocation;
    }

    /** Why the request at {@code index} (in the order given) was refused, or {@code null}: it was placed. */
    @Nullable RuntimeException refusal(int index) {
        return refusals.get(index);
    }

    /** Every line of the placed orders, in the order applied. */
    List<Applied> applied() {
        return applied;
    }

    /** The ledger entries of the placed orders, in the order applied. */
    List<Movement> movements() {
        return applied.stream().map(Applied::movement).toList();
    }

    /** The products the placed orders changed, in the order of their first change. */
    Set<Product> changed() {
        return changed;
    }

    private void apply(Request request, Map<String, Product> locked, Instant now) {
        MovementKind kind = request.movement();
        for (OrderLine line : request.lines()) {
            Product product = locked.get(line.sku());
            if (product == null) {
                throw new IllegalStateException("No locked product " + line.sku() + " for a fitting order");
            }
            product.apply(kind, line.quantity(), now);
            applied.add(new Applied(product, kind, line.quantity(), product.getStock(), request.orderId(),
                    request.clientId()));
            changed.add(product);
        }
    }

    /** Why the request does not fit the stock as the orders before it left it, or {@code null}. */
    private static @Nullable RuntimeException refusal(Request request, Map<String, Product> locked) {
        for (OrderLine line : request.lines()) {
            Product product = locked.get(line.sku());
            if (product == null) {
                return ProductNotFoundException.of(line.sku());
            }
            RuntimeException refusal = product.refusal(request.movement(), line.quantity());
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }
}
