package com.example.inventory.stock.placement;

import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.OrderLine;
import com.example.inventory.stock.ProductNotFoundException;
import com.example.inventory.stock.StockOrder;
import com.example.inventory.stock.ledger.Ledger;
import com.example.inventory.stock.ledger.Movement;
import com.example.inventory.stock.model.Product;
import com.example.inventory.stock.model.ProductRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The locked mechanism: locks the products of some lines in one query, in ascending id order (waiting at most the
 * lock timeout, as every lock wait does), applies one movement per line on the entities, writes them, then records
 * the movements. Serves the pessimistic mode, restocks, cancellations, and the end of reservations.
 */
@Component
public class LockedStockChange {

    private final ProductRepository products;
    private final Ledger ledger;
    private final Clock clock;

    LockedStockChange(ProductRepository products, Ledger ledger, Clock clock) {
        this.products = products;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Must run inside a transaction.
     *
     * @return the changed products, in id order
     * @throws ProductNotFoundException for the first line whose SKU is unknown
     */
    public List<Product> apply(List<OrderLine> lines, MovementKind kind, @Nullable String reference, String actor) {
        return applyChanges(List.of(new Change(lines, reference, actor)), kind);
    }

    /**
     * Applies {@code kind} to the lines of several orders, each line's movement referencing its order, on behalf of
     * {@code actor} (or, when null, each order's own client): all of their products are locked in one query, in id
     * order, before any is changed. Must run inside a transaction.
     *
     * @throws ProductNotFoundException for the first line whose SKU is unknown
     */
    public void applyAll(List<? extends StockOrder> orders, MovementKind kind, @Nullable String actor) {
        applyChanges(orders.stream().map(order -> new Change(order.lines(), order.orderId(),
                actor != null ? actor : order.clientId())).toList(), kind);
    }

    private List<Product> applyChanges(List<Change> changes, MovementKind kind) {
        TreeSet<String> skus = new TreeSet<>();
        changes.forEach(change -> change.lines().forEach(line -> skus.add(line.sku())));
        List<Product> locked = skus.size() == 1 ? products.lockBySku(skus.first())
                : products.lockBySkusInIdOrder(skus);
        Map<String, Product> bySku = locked.stream().collect(Collectors.toMap(Product::getSku, Function.identity()));
        List<Movement> movements = new ArrayList<>();
        Instant now = clock.instant();
        for (Change change : changes) {
            for (OrderLine line : change.lines()) {
                if (!bySku.containsKey(line.sku())) {
                    throw ProductNotFoundException.of(line.sku());
                }
            }
            for (OrderLine line : change.lines()) {
                Product product = bySku.get(line.sku());
                product.apply(kind, line.quantity(), now);
                movements.add(Movement.of(product, kind, line.quantity(), change.reference(), change.actor()));
            }
        }
        products.flush();
        ledger.record(movements);
        return locked;
    }

    private record Change(List<OrderLine> lines, @Nullable String reference, String actor) {
    }
}
