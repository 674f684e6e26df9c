package com.example.inventory.product;

import com.example.inventory.common.InventoryLimits;
import com.example.inventory.stock.DuplicateSkuException;
import com.example.inventory.stock.MovementView;
import com.example.inventory.stock.ProductNotFoundException;
import com.example.inventory.stock.ProductStock;
import com.example.inventory.stock.ProductView;
import com.example.inventory.stock.StockLimitExceededException;
import com.example.inventory.stock.TrackedTransactions;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The product catalogue: creates products, restocks them, reads them and their ledgers. The products and their
 * stock are the stock core's ({@link ProductStock}); each write here is one tracked transaction, so that its outcome
 * is known even when its connection fails on the way.
 */
@Service
public class CatalogService {

    private final ProductStock stock;
    private final TrackedTransactions writes;

    CatalogService(ProductStock stock, TrackedTransactions writes) {
        this.stock = stock;
        this.writes = writes;
    }

    /**
     * Creates a product with its initial stock, recorded in its ledger as an {@code INITIAL} movement.
     *
     * @throws DuplicateSkuException when the SKU is taken, also when two creations race for it
     */
    public ProductView create(String sku, String name, int initialStock) {
        return writes.write(() -> stock.create(sku, name, initialStock));
    }

    /** @throws ProductNotFoundException when no product has the SKU */
    public ProductView product(String sku) {
        return stock.find(sku).orElseThrow(() -> ProductNotFoundException.of(sku));
    }

    /** One page of the catalogue, sorted by SKU. */
    @Transactional(readOnly = true)
    public Page<ProductView> products(int page, int size) {
        return stock.page(page, size);
    }

    /**
     * The ledger of one product, newest first.
     *
     * @throws ProductNotFoundException when no product has the SKU
     */
    @Transactional(readOnly = true)
    public Page<MovementView> movements(String sku, int page, int size) {
        return stock.movements(sku, page, size).orElseThrow(() -> ProductNotFoundException.of(sku));
    }

    /**
     * The ledger of one product from below the entry {@code before} (its id), newest first, at most {@code size}
     * entries: a keyset page, as cheap deep in the ledger as at its start.
     *
     * @throws ProductNotFoundException when no product has the SKU
     */
    @Transactional(readOnly = true)
    public List<MovementView> movementsBefore(String sku, long before, int size) {
        return stock.movementsBefore(sku, before, size).orElseThrow(() -> ProductNotFoundException.of(sku));
    }

    /**
     * Raises a product's stock, recorded as a {@code RESTOCK} movement, under the product's row lock: concurrent
     * restocks (and orders) never lose an update.
     *
     * @throws ProductNotFoundException when no product has the SKU
     * @throws StockLimitExceededException when the stock would exceed {@link InventoryLimits#MAX_STOCK}
     */
    public ProductView restock(String sku, int quantity) {
        return writes.write(() -> stock.restock(sku, quantity));
    }
}
