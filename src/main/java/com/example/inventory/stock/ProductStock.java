package com.example.inventory.stock;

import com.example.inventory.common.InventoryLimits;
import com.example.inventory.stock.ledger.Ledger;
import com.example.inventory.stock.ledger.Movement;
import com.example.inventory.stock.model.Location;
import com.example.inventory.stock.model.LocationRows;
import com.example.inventory.stock.model.Product;
import com.example.inventory.stock.model.ProductRepository;
import com.example.inventory.stock.model.StockStatements;
import com.example.inventory.stock.placement.LockedStockChange;
import com.example.inventory.stock.placement.LockedStockChange.Change;
import com.example.inventory.stock.placement.LockedStockChange.Target;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the catalogue may do with the stock core: create a product with its initial stock, restock it, read
 * products and their ledgers. Creating and restocking are stock changes like any other — under the locks of the
 * product's stock rows (or its unique SKU), in the same transaction as their ledger entries — so the core makes them, inside the
 * caller's transaction.
 */
@Component
public class ProductStock {

    private final ProductRepository products;
    private final StockStatements statements;
    private final LocationRows locationRows;
    private final LockedStockChange lockedStock;
    private final Ledger ledger;
    private final Clock clock;

    ProductStock(ProductRepository products, StockStatements statements, LocationRows locationRows,
                 LockedStockChange lockedStock, Ledger ledger, Clock clock) {
        this.products = products;
        this.locationRows = locationRows;
        this.statements = statements;
        this.lockedStock = lockedStock;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Creates a product with its initial stock at each of {@code locations} (in the order given; {@link
     * Location#DEFAULT} alone for a product created with one stock figure) and records each location's stock as an
     * {@code INITIAL} movement by {@code actor}.
     *
     * @param locations the initial stock by location, each location once, at least one
     * @throws DuplicateSkuException when the SKU is taken, also when two creations race for it
     * @throws LocationNotFoundException for the first location that does not exist; nothing is created
     * @throws StockLimitExceededException when the stock, summed over the locations, exceeds
     *         {@link InventoryLimits#MAX_STOCK}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ProductView create(String sku, String name, Map<String, Integer> locations,
                              @Nullable Integer lowStockThreshold, String actor) {
        if (locations.isEmpty()) {
            throw new IllegalArgumentException("A product is created at one location at least");
        }
        long total = locations.values().stream().mapToLong(Integer::longValue).sum();
        if (total > InventoryLimits.MAX_STOCK) {
            throw StockLimitExceededException.of(sku, 0, Math.toIntExact(Math.min(total, Integer.MAX_VALUE)));
        }
        Set<String> known = locationRows.existing(locations.keySet());
        locations.keySet().stream().filter(location -> !known.contains(location)).findFirst().ifPresent(location -> {
            throw LocationNotFoundException.of(location);
        });
        Instant now = clock.instant();
        Product product = new Product(sku, name, lowStockThreshold, now);
        long id = statements.insertUnlessSkuTaken(product).orElseThrow(() -> DuplicateSkuException.of(sku));
        statements.insertRows(id, sku, locations.keySet().toArray(String[]::new),
                locations.values().toArray(Integer[]::new), product.getUpdatedAt());
        List<Movement> initial = new ArrayList<>();
        locations.forEach((location, stock) -> {
            if (stock > 0) {
                initial.add(new Movement(id, location, MovementKind.INITIAL, stock, stock, null, actor));
            }
        });
        ledger.record(initial);
        return statements.view(sku).orElseThrow();
    }

    /**
     * Raises a product's stock at {@code location} (a row is made there if the product has none) and records a
     * {@code RESTOCK} movement by {@code actor}, under the locks of the product's stock rows, so concurrent restocks (and orders)
     * never lose an update.
     *
     * @throws ProductNotFoundException when no product has the SKU
     * @throws LocationNotFoundException when the location does not exist
     * @throws StockLimitExceededException when the stock, summed over the product's locations, would exceed
     *         {@link InventoryLimits#MAX_STOCK}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ProductView restock(String sku, int quantity, String location, String actor) {
        if (locationRows.find(location).isEmpty()) {
            throw LocationNotFoundException.of(location);
        }
        if (!statements.ensureRow(sku, location)) {
            throw ProductNotFoundException.of(sku);
        }
        lockedStock.apply(List.of(new Change(List.of(new Target(sku, location, quantity)), null, actor)),
                MovementKind.RESTOCK);
        return statements.view(sku).orElseThrow();
    }

    /**
     * Changes what describes a product, not its stock: its name when {@code name} is given, its low-stock threshold
     * when {@code threshold} is given ({@link ThresholdChange#value()} null clears it). No ledger entry: no unit
     * moves. Under the product's row lock, so that two changes never overwrite each other with what they read before
     * (its stock is in other rows, which this does not touch); the version and {@code updatedAt} move only when a
     * value did.
     *
     * @throws ProductNotFoundException when no product has the SKU
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ProductView describe(String sku, @Nullable String name, @Nullable ThresholdChange threshold) {
        Product product = products.lockBySku(sku).stream().findFirst()
                .orElseThrow(() -> ProductNotFoundException.of(sku));
        if (product.describe(name, threshold, clock.instant())) {
            products.flush();
        }
        return statements.view(sku).orElseThrow();
    }

    /**
     * The product with this SKU: one statement, outside any transaction (a single row is consistent by itself), so
     * that the most frequent request of all opens no ORM session and sends no {@code BEGIN} or {@code COMMIT}.
     */
    public Optional<ProductView> find(String sku) {
        return statements.view(sku);
    }

    /** One page of the catalogue, sorted by SKU. */
    public Page<ProductView> page(int page, int size) {
        Page<Product> products = this.products.findAll(PageRequest.of(page, size, Sort.by("sku")));
        List<ProductView> views = statements.views(products.map(Product::getId).toList());
        return new PageImpl<>(views, products.getPageable(), products.getTotalElements());
    }

    /** The ledger of one product, newest first; empty when no product has the SKU. */
    public Optional<Page<MovementView>> movements(String sku, int page, int size) {
        return products.findBySku(sku)
                .map(product -> ledger.movementsOf(product.getId(), product.getSku(), page, size));
    }

    /**
     * The ledger of one product from below the entry {@code before}, newest first, at most {@code size} entries;
     * empty when no product has the SKU.
     */
    public Optional<List<MovementView>> movementsBefore(String sku, long before, int size) {
        return products.findBySku(sku)
                .map(product -> ledger.movementsBefore(product.getId(), product.getSku(), before, size));
    }
}
