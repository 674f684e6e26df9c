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

        assertThatThrownBy(() -> jdbc.sql("UPDATE product SET stock = stock - 3 WHERE sku = ?").param(sku).update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("violates check constraint");
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO product (sku, name, stock) VALUES (?, 'x', -1)")
                .param(unique("NEG")).update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("violates check constraint");
        assertThat(jdbc.sql("SELECT stock FROM product WHERE sku = ?").param(sku).query(Integer.class).single())
                .isEqualTo(2);
    }

    @Test
    void stockAboveTheLimitIsRejectedBySql() {
        String sku = insertProduct(1_000_000_000);

        assertThatThrownBy(() -> jdbc.sql("UPDATE product SET stock = stock + 1 WHERE sku = ?").param(sku).update())
                .hasMessageContaining("product_stock_within_limit");
        assertThat(jdbc.sql("SELECT stock FROM product WHERE sku = ?").param(sku).query(Integer.class).single())
                .isEqualTo(1_000_000_000);
    }

    @Test
    void reservedStockIsBoundedBySql() {
        String sku = insertProduct(2);

        assertThatThrownBy(() -> jdbc.sql("UPDATE product SET reserved = 3 WHERE sku = ?").param(sku).update())
                .hasMessageContaining("product_reserved_within_stock");
        assertThatThrownBy(() -> jdbc.sql("UPDATE product SET reserved = -1 WHERE sku = ?").param(sku).update())
                .hasMessageContaining("product_reserved_non_negative");
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
                INSERT INTO stock_movement (product_id, kind, quantity, stock_after, actor)
                SELECT id, 'RESTOCK', 0, 4, 'tests' FROM product WHERE sku = ?""").param(sku).update())
                .hasMessageContaining("stock_movement_quantity_positive");
    }

    private String insertProduct(int stock) {
        String sku = unique("SQL");
        jdbc.sql("INSERT INTO product (sku, name, stock) VALUES (?, 'direct', ?)").params(sku, stock).update();
        return sku;
    }
}
