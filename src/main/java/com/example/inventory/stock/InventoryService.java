package com.example.inventory.stock;

import com.example.inventory.common.InventoryLimits;
import com.example.inventory.stock.fault.Constraints;
import com.example.inventory.stock.ledger.Ledger;
import com.example.inventory.stock.ledger.Movement;
import com.example.inventory.stock.model.Product;
import com.example.inventory.stock.model.ProductRepository;
import com.example.inventory.stock.model.StockStatements;
import com.example.inventory.stock.placement.LockedStockChange;
import com.example.inventory.stock.placement.Placer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stock core's one public face: every change of a product's stock goes through here, under a row lock or a
 * version check, in the same transaction as its ledger entry. Features ({@code deduction}, {@code reservation})
 * keep their own records and place their orders through {@link #place}.
 */
@Service
public class InventoryService {

    private final ProductRepository products;
    private final Ledger ledger;
    private final LockedStockChange lockedStock;
    private final StockSettings settings;
    private final StockMetrics metrics;
    private final TrackedTransactions writes;
    private final StockStatements statements;
    private final Map<PlacementMode, Placer> strategies = new EnumMap<>(PlacementMode.class);
    private final java.time.Clock clock;

    InventoryService(ProductRepository products, Ledger ledger, LockedStockChange lockedStock, StockSettings settings,
                     StockMetrics metrics, TrackedTransactions writes, StockStatements statements,
                     List<Placer> strategies, java.time.Clock clock) {
        this.clock = clock;
        this.writes = writes;
        this.statements = statements;
        this.products = products;
        this.ledger = ledger;
        this.lockedStock = lockedStock;
        this.settings = settings;
        this.metrics = metrics;
        for (Placer strategy : strategies) {
            if (this.strategies.put(strategy.name(), strategy) != null) {
                throw new IllegalStateException("Two implementations of strategy " + strategy.name());
            }
        }
        for (PlacementMode strategy : PlacementMode.values()) {
            if (!this.strategies.containsKey(strategy)) {
                throw new IllegalStateException("No implementation of strategy " + strategy);
            }
        }
    }

    /**
     * Creates a product with its initial stock and records that stock as an {@code INITIAL} movement.
     *
     * @throws DuplicateSkuException when the SKU is taken, also when two creations race for it
     */
    public ProductView create(String sku, String name, int stock) {
        return writes.write(() -> createNow(sku, name, stock));
    }

    private ProductView createNow(String sku, String name, int stock) {
        if (products.existsBySku(sku)) {
            throw DuplicateSkuException.of(sku);
        }
        Product product;
        try {
            product = products.saveAndFlush(new Product(sku, name, stock, clock.instant()));
        } catch (DataIntegrityViolationException e) {
            if (Constraints.violated(e, "product_sku_key")) {
                throw DuplicateSkuException.of(sku);
            }
            throw e;
        }
        if (stock > 0) {
            ledger.record(List.of(new Movement(product.getId(), MovementKind.INITIAL, stock, stock, null)));
        }
        return ProductView.of(product);
    }

    /** @throws ProductNotFoundException when no product has the SKU */
    public ProductView product(String sku) {
        return statements.view(sku).orElseThrow(() -> ProductNotFoundException.of(sku));
    }

    /** One page of the catalogue, sorted by SKU. */
    @Transactional(readOnly = true)
    public Page<ProductView> products(int page, int size) {
        return products.findAll(PageRequest.of(page, size, Sort.by("sku"))).map(ProductView::of);
    }

    /**
     * The ledger of one product, newest first.
     *
     * @throws ProductNotFoundException when no product has the SKU
     */
    @Transactional(readOnly = true)
    public Page<MovementView> movements(String sku, int page, int size) {
        Product product = find(sku);
        return ledger.movementsOf(product.getId(), product.getSku(), page, size);
    }

    /**
     * Raises a product's stock and records a {@code RESTOCK} movement, under the product's row lock, so concurrent
     * restocks (and orders) never lose an update.
     *
     * @throws ProductNotFoundException when no product has the SKU
     * @throws StockLimitExceededException when the stock would exceed {@link InventoryLimits#MAX_STOCK}
     */
    public ProductView restock(String sku, int quantity) {
        return writes.write(() -> ProductView.of(
                lockedStock.apply(List.of(new OrderLine(sku, quantity)), MovementKind.RESTOCK, null).getFirst()));
    }

    /** The strategy that places an order whose request names {@code requested}: that one, or the default. */
    public PlacementMode strategyOr(@Nullable PlacementMode requested) {
        return requested != null ? requested : settings.strategy();
    }

    /**
     * Places an order: claims its id in {@code book} and applies the book's movement to the stock of every line, all
     * or nothing, in the strategy's own transaction(s). When the id is claimed already, nothing changes and the
     * placement says so; the feature answers from its stored order.
     *
     * @throws ProductNotFoundException for the first line whose SKU is unknown
     * @throws InsufficientStockException for a line that asks for more than is available
     * @throws ContentionException when the rows could not be had in time (lock timeout, retries used up)
     */
    public <O extends StockOrder> Placement place(O order, OrderClaims<O> book, PlacementMode strategy) {
        try {
            return strategies.get(strategy).place(order, book);
        } catch (PessimisticLockingFailureException | QueryTimeoutException e) {
            metrics.lockTimeout(strategy);
            throw ContentionException.lockTimeout(e);
        }
    }

    /**
     * Gives the units of {@code lines} back to stock (a cancelled deduction) under the products' row locks, with
     * one {@code CANCEL} movement per line, inside the caller's transaction.
     *
     * @throws StockLimitExceededException when a product's stock would exceed {@link InventoryLimits#MAX_STOCK}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void giveBack(List<OrderLine> lines, String orderId) {
        lockedStock.apply(lines, MovementKind.CANCEL, orderId);
    }

    /**
     * Turns the units held for an order into a sale: {@code stock} and {@code reserved} both fall by each line's
     * quantity, one {@code CONFIRM} movement per line, under the products' row locks, inside the caller's
     * transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void confirm(StockOrder held) {
        lockedStock.applyAll(List.of(held), MovementKind.CONFIRM);
    }

    /**
     * Gives the units held for some orders back to {@code available} ({@code reserved} falls), one {@code RELEASE}
     * movement per line, inside the caller's transaction. All their products are locked in one query, in id
     * order, so releasing many holds at once cannot deadlock with anything else.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(List<? extends StockOrder> held) {
        if (!held.isEmpty()) {
            lockedStock.applyAll(held, MovementKind.RELEASE);
        }
    }

    private Product find(String sku) {
        return products.findBySku(sku).orElseThrow(() -> ProductNotFoundException.of(sku));
    }
}
