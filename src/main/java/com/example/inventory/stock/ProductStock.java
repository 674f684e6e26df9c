package com.example.inventory.stock;

import com.example.inventory.common.InventoryLimits;
import com.example.inventory.stock.ledger.Ledger;
import com.example.inventory.stock.ledger.Movement;
import com.example.inventory.stock.model.Product;
import com.example.inventory.stock.model.ProductRepository;
import com.example.inventory.stock.model.StockStatements;
import com.example.inventory.stock.placement.LockedStockChange;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the catalogue may do with the stock core: create a product with its initial stock, restock it, read
 * products and their ledgers. Creating and restocking are stock changes like any other — under the product's row
 * lock (or its unique SKU), in the same transaction as their ledger entry — so the core makes them, inside the
 * caller's transaction.
 */
@Component
public class ProductStock {

    private final ProductRepository products;
    private final StockStatements statements;
    private final LockedStockChange lockedStock;
    private final Ledger ledger;
    private final Clock clock;

    ProductStock(ProductRepository products, StockStatements statements, LockedStockChange lockedStock, Ledger ledger,
                 Clock clock) {
        this.products = products;
        this.statements = statements;
        this.lockedStock = lockedStock;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Creates a product with its initial stock and records that stock as an {@code INITIAL} movement by
     * {@code actor}.
     *
     * @throws DuplicateSkuException when the SKU is taken, also when two creations race for it
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ProductView create(String sku, String name, int stock, @Nullable Integer lowStockThreshold, String actor) {
        Product product = new Product(sku, name, stock, lowStockThreshold, clock.instant());
        long id = statements.insertUnlessSkuTaken(product).orElseThrow(() -> DuplicateSkuException.of(sku));
        if (stock > 0) {
            ledger.record(List.of(new Movement(id, MovementKind.INITIAL, stock, stock, null, actor)));
        }
        return ProductView.of(product);
    }

    /**
     * Raises a product's stock and records a {@code RESTOCK} movement by {@code actor}, under the product's row
     * lock, so concurrent
     * restocks (and orders) never lose an update.
     *
     * @throws ProductNotFoundException when no product has the SKU
     * @throws StockLimitExceededException when the stock would exceed {@link InventoryLimits#MAX_STOCK}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ProductView restock(String sku, int quantity, String actor) {
        return ProductView.of(lockedStock.apply(List.of(new OrderLine(sku, quantity)), MovementKind.RESTOCK, null,
                actor).getFirst());
    }

    /**
     * Changes what describes a product, not its stock: its name when {@code name} is given, its low-stock threshold
     * when {@code threshold} is given ({@link ThresholdChange#value()} null clears it). No ledger entry: no unit
     * moves. Under the product's row lock, as a restock, so that it never overwrites a concurrent change of the
     * stock (nor one of these) with what it read before; the version and {@code updatedAt} move only when a value did.
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
        return ProductView.of(product);
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
        return products.findAll(PageRequest.of(page, size, Sort.by("sku"))).map(ProductView::of);
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
