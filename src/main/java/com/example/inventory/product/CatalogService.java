package com.example.inventory.product;

import com.example.inventory.common.InventoryLimits;
import com.example.inventory.stock.DuplicateSkuException;
import com.example.inventory.stock.MovementView;
import com.example.inventory.stock.LocationNotFoundException;
import com.example.inventory.stock.Locations;
import com.example.inventory.stock.ProductNotFoundException;
import com.example.inventory.stock.ProductStock;
import com.example.inventory.stock.ProductView;
import com.example.inventory.stock.StockLimitExceededException;
import com.example.inventory.stock.ThresholdChange;
import com.example.inventory.stock.TrackedTransactions;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The product catalogue: creates products, restocks them, changes their names and low-stock thresholds, reads them
 * and their ledgers. The products and their
 * stock are the stock core's ({@link ProductStock}); each write here is one tracked transaction, so that its outcome
 * is known even when its connection fails on the way.
 */
@Service
public class CatalogService {

    /** The status of a restock's answer, stored with its key. */
    private static final int OK = 200;

    private final ProductStock stock;
    private final TrackedTransactions writes;
    private final RestockKeys keys;
    private final JsonMapper json;
    private final Clock clock;

    CatalogService(ProductStock stock, TrackedTransactions writes, RestockKeys keys, JsonMapper json, Clock clock) {
        this.stock = stock;
        this.writes = writes;
        this.keys = keys;
        this.json = json;
        this.clock = clock;
    }

    /** What a restock with an idempotency key answered: status and product, and whether it repeats a stored answer. */
    record Restocked(int status, ProductView product, boolean replayed) {
    }

    /**
     * Creates a product with its initial stock at each location given, recorded in its ledger as {@code INITIAL}
     * movements by {@code actor}.
     *
     * @throws DuplicateSkuException when the SKU is taken, also when two creations race for it
     * @throws LocationNotFoundException when a location does not exist
     */
    public ProductView create(String sku, String name, Map<String, Integer> stockByLocation,
                              @Nullable Integer lowStockThreshold, String actor) {
        return writes.write(() -> stock.create(sku, name, stockByLocation, lowStockThreshold, actor));
    }

    /**
     * Changes a product's name (when {@code name} is given) and its low-stock threshold (when {@code threshold} is
     * given; its value null clears it), under the product's row lock, so that it loses no concurrent change of the
     * stock. No ledger entry: no unit moves. Nothing given, or the values the product has, changes nothing (not its
     * version either).
     *
     * @throws ProductNotFoundException when no product has the SKU
     */
    public ProductView describe(String sku, @Nullable String name, @Nullable ThresholdChange threshold) {
        return writes.write(() -> stock.describe(sku, name, threshold));
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
     * Raises a product's stock at {@code location}, recorded as a {@code RESTOCK} movement by {@code actor}, under the
     * locks of the product's stock rows: concurrent restocks (and orders) never lose an update.
     *
     * @throws ProductNotFoundException when no product has the SKU
     * @throws LocationNotFoundException when the location does not exist
     * @throws StockLimitExceededException when the stock would exceed {@link InventoryLimits#MAX_STOCK}
     */
    public ProductView restock(String sku, int quantity, String location, String actor) {
        return writes.write(() -> stock.restock(sku, quantity, location, actor));
    }

    /**
     * Restocks once per idempotency key of the client: the first request with the key restocks (as
     * {@link #restock(String, int, String, String)}) and stores its answer in the same transaction; a later one with the same key and
     * the same request (SKU, quantity and location) restocks nothing and answers the stored product, replayed. A restock that
     * fails stores nothing, so the key stays free.
     *
     * <p>The key is claimed first, without waiting (an advisory lock held until the transaction ends): a second
     * request while the first is in flight is refused at once rather than queued behind it.
     *
     * @throws IdempotencyKeyInUseException when a request with the same key is in flight
     * @throws IdempotencyKeyReusedException when the key was used for another request
     * @throws ProductNotFoundException when no product has the SKU
     * @throws StockLimitExceededException when the stock would exceed {@link InventoryLimits#MAX_STOCK}
     */
    Restocked restock(String sku, int quantity, String location, String clientId, IdempotencyKey key) {
        // A restock to DEFAULT is written as before locations were, so that a key stored then still matches.
        String request = "POST /api/v1/products/" + sku + "/restock {\"quantity\":" + quantity
                + (location.equals(Locations.DEFAULT) ? "" : ",\"location\":\"" + location + "\"") + "}";
        return writes.write(() -> {
            if (!keys.tryClaim(clientId, key)) {
                throw IdempotencyKeyInUseException.of(key);
            }
            var stored = keys.find(clientId, key);
            if (stored.isPresent()) {
                if (!stored.get().request().equals(request)) {
                    throw IdempotencyKeyReusedException.of(key);
                }
                return new Restocked(stored.get().status(), json.readValue(stored.get().body(), ProductView.class),
                        true);
            }
            ProductView restocked = stock.restock(sku, quantity, location, clientId);
            keys.store(clientId, key, request, OK, json.writeValueAsString(restocked),
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
            return new Restocked(OK, restocked, false);
        });
    }
}
