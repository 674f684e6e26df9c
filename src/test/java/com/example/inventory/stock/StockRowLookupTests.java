package com.example.inventory.stock;

import com.example.inventory.IntegrationTest;
import com.example.inventory.stock.event.StockEvents;
import com.example.inventory.stock.ledger.Movement;
import com.example.inventory.stock.model.LocationStock;
import com.example.inventory.stock.model.StockStatements;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A product's stock rows are found through an index, whatever the size of the catalogue: the product view (every
 * product read), a restock to a new location and the events of a product kept at several locations each read their
 * product's rows, not the whole {@code location_stock} table. When they joined it by product id (which no index
 * leads with), every product read over 10,000 products cost PostgreSQL 14 ms and the read ceiling fell threefold.
 * Counted by PostgreSQL itself ({@code pg_stat_xact_user_tables}, this transaction's sequential scans), in a
 * transaction that seeds a catalogue of 5,000 products and is rolled back.
 */
@IntegrationTest
class StockRowLookupTests {

    private static final int CATALOGUE = 5_000;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    StockStatements statements;

    @Autowired
    StockEvents events;

    @Test
    void aProductsRowsAreReadWithoutScanningEveryProductsRows() {
        String prefix = "LOOKUP-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String sku = prefix + 17;
        String store = prefix + "STORE";
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.sql("INSERT INTO product (sku, name) SELECT ? || g, 'Catalogue' FROM generate_series(0, ?) g")
                    .params(prefix, CATALOGUE - 1).update();
            jdbc.sql("""
                    INSERT INTO location_stock (product_id, sku, location, stock)
                    SELECT id, sku, 'DEFAULT', 100 FROM product WHERE sku LIKE ? || '%'""").param(prefix).update();
            jdbc.sql("INSERT INTO location (code, name, priority) VALUES (?, 'Store', 5)").param(store).update();
            long productId = jdbc.sql("SELECT id FROM product WHERE sku = ?").param(sku).query(Long.class).single();
            long scansBefore = sequentialScansOfStockRows();

            ProductView view = statements.view(sku).orElseThrow();
            List<ProductView> views = statements.views(List.of(productId));
            boolean added = statements.ensureRow(sku, store);
            Instant now = Instant.now();
            events.changedRead(List.of(new LocationStock(productId, sku, "DEFAULT", 0, 99, now),
                            new LocationStock(productId, sku, store, 5, 0, now)),
                    List.of(new Movement(productId, "DEFAULT", MovementKind.DEDUCT, 1, 99, null, "test")),
                    List.of(1L));

            assertThat(sequentialScansOfStockRows()).as("sequential scans of location_stock")
                    .isEqualTo(scansBefore);
            assertThat(view.sku()).isEqualTo(sku);
            assertThat(view.stock()).isEqualTo(100);
            assertThat(views).extracting(ProductView::sku).containsExactly(sku);
            assertThat(added).isTrue();
            assertThat(statements.view(sku).orElseThrow().locations()).hasSize(2);
        });
    }

    private long sequentialScansOfStockRows() {
        return jdbc.sql("SELECT seq_scan FROM pg_stat_xact_user_tables WHERE relname = 'location_stock'")
                .query(Long.class).optional().orElse(0L);
    }
}
