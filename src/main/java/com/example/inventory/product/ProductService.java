package com.example.inventory.product;

import com.example.inventory.ledger.Ledger;
import com.example.inventory.ledger.MovementKind;
import com.example.inventory.ledger.MovementView;
import com.example.inventory.persistence.Constraints;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The product catalogue: creating products, reading them and restocking them. */
@Service
public class ProductService {

    private final ProductRepository products;
    private final Ledger ledger;

    ProductService(ProductRepository products, Ledger ledger) {
        this.products = products;
        this.ledger = ledger;
    }

    /**
     * Creates a product with its initial stock and records that stock as an {@code INITIAL} movement.
     *
     * @throws DuplicateSkuException when the SKU is taken, also when two creations race for it
     */
    @Transactional
    public ProductView create(String sku, String name, int stock) {
        if (products.existsBySku(sku)) {
            throw DuplicateSkuException.of(sku);
        }
        Product product;
        try {
            product = products.saveAndFlush(new Product(sku, name, stock));
        } catch (DataIntegrityViolationException e) {
            if (Constraints.violated(e, "product_sku_key")) {
                throw DuplicateSkuException.of(sku);
            }
            throw e;
        }
        if (stock > 0) {
            ledger.record(product.getId(), MovementKind.INITIAL, stock, stock, null);
        }
        return ProductView.of(product);
    }

    /** @throws ProductNotFoundException when no product has the SKU */
    @Transactional(readOnly = true)
    public ProductView get(String sku) {
        return ProductView.of(find(sku));
    }

    /** One page of the catalogue, sorted by SKU. */
    @Transactional(readOnly = true)
    public Page<ProductView> list(int page, int size) {
        return products.findAll(PageRequest.of(page, size, Sort.by("sku"))).map(ProductView::of);
    }

    /**
     * Raises a product's stock and records a {@code RESTOCK} movement in the same transaction. The row is
     * locked first, so concurrent restocks (and deductions) never lose an update.
     *
     * @throws ProductNotFoundException when no product has the SKU
     * @throws StockLimitExceededException when the stock would exceed {@link Product#MAX_STOCK}
     */
    @Transactional
    public ProductView restock(String sku, int quantity) {
        Product product = products.findBySkuForUpdate(sku).orElseThrow(() -> ProductNotFoundException.of(sku));
        product.restock(quantity);
        products.flush();
        ledger.record(product.getId(), MovementKind.RESTOCK, quantity, product.getStock(), null);
        return ProductView.of(product);
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

    private Product find(String sku) {
        return products.findBySku(sku).orElseThrow(() -> ProductNotFoundException.of(sku));
    }
}
