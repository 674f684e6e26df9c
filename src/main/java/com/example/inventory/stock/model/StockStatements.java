package com.example.inventory.stock.model;

import com.example.inventory.stock.ProductView;
import com.example.inventory.stock.StockAtLocation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stock core's statements on product and stock rows on the hot paths, in plain JDBC: each is one statement that
 * the ORM would only wrap in parsing and binding of its own. They run in the caller's transaction (the JPA
 * transaction manager shares its connection). Entities stay with the repositories; ledger entries with the ledger.
 */
@Component
public class StockStatements {

    private static final String SET_DELTAS = """
                UPDATE location_stock
                   SET stock = stock + :stockDelta, reserved = reserved + :reservedDelta, version = version + 1,
                       updated_at = clock_timestamp()
            """;

    private static final String RETURNING = " RETURNING product_id, location, stock, reserved, product_locations";

    /**
     * Applies a movement's deltas ({@code :stockDelta}, {@code :reservedDelta}) to the row of the SKU {@code :sku} at
     * {@code :location} if the result keeps the rule of {@link StockLevels}, and returns the changed row's
     * {@code product_id}, {@code location}, new {@code stock} and {@code reserved}, and {@code product_locations}; no
     * row when it would not fit or there is no such row. Not a statement of its own: the ledger runs it together with
     * its entry, as one.
     */
    public static final String CHANGE_AT_LOCATION_IF_WITHIN_BOUNDS = SET_DELTAS + """
                 WHERE sku = :sku AND location = :location AND (""" + StockLevels.WITHIN_BOUNDS_AFTER_DELTAS_SQL + ")"
            + RETURNING;

    /**
     * Takes {@code :quantity} available units of the SKU {@code :sku} from its preferred location (by priority, then
     * code) that has them, as {@link #CHANGE_AT_LOCATION_IF_WITHIN_BOUNDS} does at a given one: the allocation of a
     * single line that one location can serve, in the one statement that takes it. The row is chosen from the
     * statement's snapshot; if it no longer has the units once its lock is had, no row changes (and the caller
     * allocates again on the locked rows).
     */
    public static final String CHANGE_AT_PREFERRED_LOCATION_IF_WITHIN_BOUNDS = SET_DELTAS + """
                 WHERE id = (SELECT s.id FROM location_stock s JOIN location l ON l.code = s.location
                              WHERE s.sku = :sku AND s.stock - s.reserved >= :quantity
                              ORDER BY l.priority, s.location LIMIT 1)
                   AND (""" + StockLevels.WITHIN_BOUNDS_AFTER_DELTAS_SQL + ")" + RETURNING;

    /**
     * {@code change} (one of this class's conditional changes) that also requires {@code condition}, an SQL condition
     * on no row (such as {@code EXISTS (SELECT 1 FROM claimed)}, for a change that must not happen unless an order's id
     * was claimed in the same statement): when it is false, no row changes.
     */
    public static String onlyIf(String change, String condition) {
        if (!change.endsWith(RETURNING)) {
            throw new IllegalArgumentException("Not a conditional change of this class: " + change);
        }
        return change.substring(0, change.length() - RETURNING.length()) + "\n   AND (" + condition + ")"
                + RETURNING;
    }

    private static final String ROWS_OF = """
            SELECT s.product_id, s.sku, s.location, l.priority, s.stock, s.reserved
              FROM location_stock s JOIN location l ON l.code = s.location
             WHERE s.sku = ANY (?)
             ORDER BY s.product_id, s.location""";

    private static final RowMapper<StockRow> STOCK_ROW = (row, number) -> new StockRow(row.getLong("product_id"),
            row.getString("sku"), row.getString("location"), row.getInt("priority"), row.getInt("stock"),
            row.getInt("reserved"));

    /*
     * Stock rows are found by SKU, never by product id: (sku, location) is their only index besides the primary key
     * (the foreign key keeps the two in agreement): a join by product id would read the whole table for each product.
     */
    private static final String VIEW = """
            SELECT p.id, p.sku, p.name, p.low_stock_threshold, p.version, p.updated_at,
                   s.location, s.stock, s.reserved, s.version AS row_version, s.updated_at AS row_updated_at
              FROM product p
              LEFT JOIN location_stock s ON s.sku = p.sku
              LEFT JOIN location l ON l.code = s.location
             WHERE %s
             ORDER BY p.sku, l.priority, s.location""";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    StockStatements(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /**
     * Stores a new product, unless another one has its SKU: {@code INSERT … ON CONFLICT (sku) DO NOTHING}, so that a
     * creation that loses a race for its SKU is told so by the answer, not by a failed statement (which would abort
     * the transaction and be logged by the driver's layers as an error).
     *
     * @param product a product not stored yet, built by its constructor
     * @return the new product's id, or empty when the SKU is taken
     */
    public Optional<Long> insertUnlessSkuTaken(Product product) {
        OffsetDateTime at = product.getUpdatedAt().atOffset(ZoneOffset.UTC);
        return jdbc.sql("""
                INSERT INTO product (sku, name, low_stock_threshold, version, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (sku) DO NOTHING
                RETURNING id""")
                .params(product.getSku(), product.getName(), product.getLowStockThreshold(), product.getVersion(), at,
                        at)
                .query(Long.class).optional();
    }

    /** Stores a new product's stock rows, one per location, in one statement. */
    public void insertRows(long productId, String sku, String[] locations, Integer[] stocks, Instant at) {
        jdbc.sql("""
                INSERT INTO location_stock (product_id, sku, location, stock, reserved, version, updated_at,
                                            product_locations)
                SELECT ?, ?, row.location, row.stock, 0, 0, ?, ? FROM unnest(?::varchar[], ?::integer[]) AS row (location, stock)""")
                .params(productId, sku, at.atOffset(ZoneOffset.UTC), locations.length, locations, stocks).update();
    }

    /**
     * Gives the product with this SKU an empty row at {@code location} unless it has one: a restock may bring a product
     * to a location it was never kept at. The product's rows are locked first, in lock order; a new row then updates
     * them (their count of the product's locations, and so their version): a transaction that changed one of them
     * without locking the others waits for it, and one that read them to change them later finds them changed.
     *
     * @return whether a product has the SKU
     */
    public boolean ensureRow(String sku, String location) {
        return jdbc.sql("""
                WITH product AS (SELECT id, sku FROM product WHERE sku = ?),
                     others AS (SELECT count(*) AS locations
                                  FROM (SELECT id FROM location_stock WHERE sku = (SELECT sku FROM product)
                                         ORDER BY location FOR NO KEY UPDATE) locked),
                     added AS (INSERT INTO location_stock (product_id, sku, location, stock, reserved, version, updated_at,
                                                          product_locations)
                               SELECT id, sku, ?, 0, 0, 0, clock_timestamp(), (SELECT locations FROM others) + 1
                                 FROM product
                               ON CONFLICT (sku, location) DO NOTHING
                               RETURNING sku, product_locations),
                     counted AS (UPDATE location_stock s
                                    SET product_locations = added.product_locations, version = s.version + 1,
                                        updated_at = clock_timestamp()
                                   FROM added WHERE s.sku = added.sku)
                SELECT count(*) FROM product""").params(sku, location).query(Long.class).single() > 0;
    }

    /**
     * The stock rows of some SKUs as they are now, without locks, in (product id, location) order: what an allocation
     * is tried on before the rows it picks are changed by conditional updates.
     */
    public List<StockRow> rowsOf(Collection<String> skus) {
        return jdbc.sql(ROWS_OF).param(skus.toArray(String[]::new))
                .query(STOCK_ROW).list();
    }

    /**
     * The stock rows of some SKUs, locked ({@code FOR NO KEY UPDATE}) in (product id, location) order, as
     * {@link LocationStockRepository}'s queries lock them: for a strategy that works in plain JDBC.
     */
    public List<StockRow> lockRowsOf(Collection<String> skus) {
        return jdbc.sql(ROWS_OF + " FOR NO KEY UPDATE OF s").param(skus.toArray(String[]::new))
                .query(STOCK_ROW).list();
    }

    /**
     * The product with this SKU as the API shows it: one statement, outside any transaction when the caller has none
     * (a statement sees one snapshot), so that the most frequent request of all opens no ORM session and sends no
     * {@code BEGIN} or {@code COMMIT}.
     */
    public Optional<ProductView> view(String sku) {
        return views("p.sku = ?", sku).stream().findFirst();
    }

    /** The products with these ids as the API shows them, by SKU. */
    public List<ProductView> views(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return views("p.id = ANY (?)", (Object) ids.toArray(Long[]::new));
    }

    private List<ProductView> views(String where, Object parameter) {
        Map<Long, ViewBuilder> byId = new LinkedHashMap<>();
        jdbc.sql(VIEW.formatted(where)).param(parameter).query((row, number) -> {
            long id = row.getLong("id");
            ViewBuilder product = byId.get(id);
            if (product == null) {
                product = new ViewBuilder(row.getString("sku"), row.getString("name"),
                        row.getObject("low_stock_threshold", Integer.class), row.getLong("version"),
                        row.getObject("updated_at", OffsetDateTime.class).toInstant());
                byId.put(id, product);
            }
            String location = row.getString("location");
            if (location != null) {
                product.add(location, row.getInt("stock"), row.getInt("reserved"), row.getLong("row_version"),
                        row.getObject("row_updated_at", OffsetDateTime.class).toInstant());
            }
            return null;
        }).list();
        return byId.values().stream().map(ViewBuilder::build).toList();
    }

    /**
     * Writes new stock and reserved values of many stock rows, locked by this transaction, in one statement.
     *
     * @return the number of rows written
     */
    public int writeLevels(Long[] ids, Integer[] stocks, Integer[] reserved) {
        return jdbc.sql("""
                UPDATE location_stock s
                   SET stock = changed.stock, reserved = changed.reserved, version = s.version + 1,
                       updated_at = clock_timestamp()
                  FROM unnest(?::bigint[], ?::integer[], ?::integer[]) AS changed (id, stock, reserved)
                 WHERE s.id = changed.id""").params(ids, stocks, reserved).update();
    }

    /**
     * Writes rows changed without locks if no other transaction changed them since they were read: one
     * {@code UPDATE … WHERE id = ? AND version = ?} per row, in the order given (the callers' lock order, (product id,
     * location): an update locks its row, and rows must be locked in that one order), sent together in one round trip.
     *
     * @return whether every row was still as read (else the transaction must roll back: some rows may be written)
     */
    public boolean writeIfUnchanged(List<LocationStock> rows) {
        int[][] written = jdbcTemplate.batchUpdate("""
                UPDATE location_stock SET stock = ?, reserved = ?, version = version + 1, updated_at = clock_timestamp()
                 WHERE id = ? AND version = ?""", rows, rows.size(), (statement, row) -> {
            statement.setInt(1, row.getStock());
            statement.setInt(2, row.getReserved());
            statement.setLong(3, row.getId());
            statement.setLong(4, row.getVersion());
        });
        for (int[] counts : written) {
            for (int count : counts) {
                if (count != 1) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A product's view gathered from its rows: the stock figures are the rows' sums, the version the product's own
     * plus its rows' (it rises with every change of either), the time of the last change the latest of them.
     */
    private static final class ViewBuilder {

        private final String sku;
        private final String name;
        private final @Nullable Integer lowStockThreshold;
        private long version;
        private Instant updatedAt;
        private final List<StockAtLocation> locations = new ArrayList<>(1);

        ViewBuilder(String sku, String name, @Nullable Integer lowStockThreshold, long version, Instant updatedAt) {
            this.sku = sku;
            this.name = name;
            this.lowStockThreshold = lowStockThreshold;
            this.version = version;
            this.updatedAt = updatedAt;
        }

        void add(String location, int stock, int reserved, long rowVersion, Instant rowUpdatedAt) {
            locations.add(StockAtLocation.of(location, stock, reserved));
            version += rowVersion;
            if (rowUpdatedAt.isAfter(updatedAt)) {
                updatedAt = rowUpdatedAt;
            }
        }

        ProductView build() {
            return ProductView.of(sku, name, lowStockThreshold, locations, version, updatedAt);
        }
    }
}
