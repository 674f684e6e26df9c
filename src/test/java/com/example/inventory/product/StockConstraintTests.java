package com.example.inventory.product;

import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import com.example.inventory.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.example.inventory.HttpApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The database refuses impossible stock even when the application is bypassed. */
@IntegrationTest
class StockConstraintTests {

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void negativeStockIsRejectedBySql() {
        String sku = insertProduct(2);

        assertThatThrownBy(() -> jdbc.sql("UPDATE location_stock SET stock = stock - 3 WHERE sku = ?").param(sku)
                .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("violates check constraint");
        assertThatThrownBy(() -> insertRow(insertProduct(), "DEFAULT", -1))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("violates check constraint");
        assertThat(stockOf(sku)).isEqualTo(2);
    }

    @Test
    void stockAboveTheLimitIsRejectedBySql() {
        String sku = insertProduct(1_000_000_000);

        assertThatThrownBy(() -> jdbc.sql("UPDATE location_stock SET stock = stock + 1 WHERE sku = ?").param(sku)
                .update())
                .hasMessageContaining("location_stock_stock_within_limit");
        assertThat(stockOf(sku)).isEqualTo(1_000_000_000);
    }

    @Test
    void reservedStockIsBoundedBySql() {
        String sku = insertProduct(2);

        assertThatThrownBy(() -> jdbc.sql("UPDATE location_stock SET reserved = 3 WHERE sku = ?").param(sku).update())
                .hasMessageContaining("location_stock_reserved_within_stock");
        assertThatThrownBy(() -> jdbc.sql("UPDATE location_stock SET reserved = -1 WHERE sku = ?").param(sku)
                .update())
                .hasMessageContaining("location_stock_reserved_non_negative");
    }

    @Test
    void aStockRowNamesAProductByItsIdAndSkuTogetherAndALocationThatExists() {
        String sku = insertProduct(2);
        String other = insertProduct();

        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO location_stock (product_id, sku, location, stock)
                SELECT id, ?, 'DEFAULT', 1 FROM product WHERE sku = ?""").params(other, sku).update())
                .hasMessageContaining("location_stock_product");
        assertThatThrownBy(() -> insertRow(sku, "NO-SUCH-LOCATION", 1))
                .hasMessageContaining("foreign key");
        assertThatThrownBy(() -> insertRow(sku, "DEFAULT", 1))
                .hasMessageContaining("location_stock_sku_location_key");
    }

    /** Even for the schema's owner; the service's role may not even try (DatabaseRolesTests). */
    @Test
    void ledgerIsAppendOnly() {
        String sku = unique("LEDGER");
        new HttpApi(port).createProduct(sku, 4);
        JdbcClient owner = TestDatabase.shared().jdbc(TestDatabase.shared().owner());

        assertThatThrownBy(() -> owner.sql("""
                UPDATE stock_movement SET quantity = 1
                WHERE product_id = (SELECT id FROM product WHERE sku = ?)""").param(sku).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.sql("""
                DELETE FROM stock_movement WHERE product_id = (SELECT id FROM product WHERE sku = ?)""")
                .param(sku).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO stock_movement (product_id, location, kind, quantity, stock_after, actor)
                SELECT id, 'DEFAULT', 'RESTOCK', 0, 4, 'tests' FROM product WHERE sku = ?""").param(sku).update())
                .hasMessageContaining("stock_movement_quantity_positive");
    }

    /** A product with {@code stock} units at DEFAULT, written straight to the tables. */
    private String insertProduct(int stock) {
        String sku = insertProduct();
        insertRow(sku, "DEFAULT", stock);
        return sku;
    }

    /** A product without a stock row. */
    private String insertProduct() {
        String sku = unique("SQL");
        jdbc.sql("INSERT INTO product (sku, name) VALUES (?, 'direct')").param(sku).update();
        return sku;
    }

    private void insertRow(String sku, String location, int stock) {
        jdbc.sql("""
                INSERT INTO location_stock (product_id, sku, location, stock)
                SELECT id, sku, ?, ? FROM product WHERE sku = ?""").params(location, stock, sku).update();
    }

    private int stockOf(String sku) {
        return jdbc.sql("SELECT stock FROM location_stock WHERE sku = ?").param(sku).query(Integer.class).single();
    }
}
