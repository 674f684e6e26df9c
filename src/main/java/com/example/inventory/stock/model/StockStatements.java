package com.example.inventory.stock.model;

import com.example.inventory.stock.ProductView;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stock core's statements on product rows on the hot paths, in plain JDBC: each is one statement that the ORM
 * would only wrap in parsing and binding of its own. They run in the caller's transaction (the JPA transaction
 * manager shares its connection). Entities stay with {@link ProductRepository}; ledger entries with the ledger.
 */
@Component
public class StockStatements {

    /**
     * Applies a movement's deltas ({@code :stockDelta}, {@code :reservedDelta}) to the product with the SKU
     * {@code :sku} if the result keeps the rule of {@link StockLevels}, and returns the changed row's {@code id} and
     * new {@code stock}; no row when it would not fit. Not a statement of its own: the ledger runs it together with
     * its entry, as one ({@code Ledger#changeIfWithinBounds}).
     */
    public static final String CHANGE_IF_WITHIN_BOUNDS = """
                UPDATE product
                   SET stock = stock + :stockDelta, reserved = reserved + :reservedDelta, version = version + 1,
                       updated_at = clock_timestamp()
                 WHERE sku = :sku AND (""" + StockLevels.WITHIN_BOUNDS_AFTER_DELTAS_SQL + """
            )
             RETURNING id, stock""";

    private final JdbcClient jdbc;

    StockStatements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a new product, unless another one has its SKU: {@code INSERT … ON CONFLICT (sku) DO NOTHING}, so that a
     * creation that loses a race for its SKU is told so by the answer, not by a failed statement (which would abort
     * the transaction and be logged by the driver's layers as an error).
     *
     * @param product a product not stored yet, built by its constructor (which keeps the stock rule)
     * @return the new product's id, or empty when the SKU is taken
     */
    public Optional<Long> insertUnlessSkuTaken(Product product) {
        OffsetDateTime at = product.getUpdatedAt().atOffset(ZoneOffset.UTC);
        return jdbc.sql("""
                INSERT INTO product (sku, name, stock, reserved, low_stock_threshold, version, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (sku) DO NOTHING
                RETURNING id""")
                .params(product.getSku(), product.getName(), product.getStock(), product.getReserved(),
                        product.getLowStockThreshold(), product.getVersion(), at, at)
                .query(Long.class).optional();
    }

    /** The SKUs among {@code skus} that name products, in ascending product id order: the lock order. */
    public List<String> skusInIdOrder(Collection<String> skus) {
        return jdbc.sql("SELECT sku FROM product WHERE sku = ANY (?) ORDER BY id")
                .param(skus.toArray(String[]::new)).query(String.class).list();
    }

    /**
     * The product with this SKU as the API shows it: one statement, outside any transaction (a single row is
     * consistent by itself), so that the most frequent request of all opens no ORM session and sends no
     * {@code BEGIN} or {@code COMMIT}.
     */
    public Optional<ProductView> view(String sku) {
        return jdbc.sql("""
                SELECT sku, name, stock, reserved, low_stock_threshold, version, updated_at FROM product WHERE sku = ?""")
                .param(sku)
                .query((row, number) -> ProductView.of(row.getString("sku"), row.getString("name"),
                        row.getInt("stock"), row.getInt("reserved"), row.getObject("low_stock_threshold", Integer.class),
                        row.getLong("version"),
                        row.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    public Optional<StockLevels> levelsOf(String sku) {
        return jdbc.sql("SELECT stock, reserved FROM product WHERE sku = ?").param(sku)
                .query((row, number) -> new StockLevels(row.getLong("stock"), row.getLong("reserved"))).optional();
    }

    /**
     * Writes new stock and reserved values of many products, locked by this transaction, in one statement.
     *
     * @return the number of products written
     */
    public int writeLevels(Long[] ids, Integer[] stocks, Integer[] reserved) {
        return jdbc.sql("""
                UPDATE product p
                   SET stock = changed.stock, reserved = changed.reserved, version = p.version + 1,
                       updated_at = clock_timestamp()
                  FROM unnest(?::bigint[], ?::integer[], ?::integer[]) AS changed (id, stock, reserved)
                 WHERE p.id = changed.id""").params(ids, stocks, reserved).update();
    }
}
