package com.example.inventory.stock.model;

import com.example.inventory.IntegrationTest;
import com.example.inventory.common.InventoryLimits;
import com.example.inventory.stock.MovementKind;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stock rule exists three times — in Java (the entity), in SQL (the atomic strategy's conditional update) and
 * as the table's CHECK constraints — and all three say the same about every edge of the range.
 */
@IntegrationTest
class StockRuleTests {

    private static final int MAX = InventoryLimits.MAX_STOCK;
    private static final long[] EDGES = {-1, 0, 1, 2, 7, MAX - 1, MAX, MAX + 1L};
    private static final int[] QUANTITIES = {1, 2, 3, 7, MAX - 1, MAX};

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theConditionalUpdateAndTheEntityAgreeOnEveryMovement() {
        List<Case> cases = new ArrayList<>();
        for (long stock : EDGES) {
            for (long reserved : EDGES) {
                StockLevels before = new StockLevels(stock, reserved);
                if (!before.withinBounds()) {
                    continue;
                }
                for (MovementKind kind : MovementKind.values()) {
                    for (int quantity : QUANTITIES) {
                        cases.add(new Case(before, kind, quantity));
                    }
                }
            }
        }
        assertThat(cases).hasSizeGreaterThan(500);

        for (Case c : cases) {
            boolean sqlSays = jdbc.sql("SELECT " + StockLevels.WITHIN_BOUNDS_AFTER_DELTAS_SQL
                            + " FROM (SELECT cast(:stock AS bigint) AS stock, cast(:reserved AS bigint) AS reserved)"
                            + " AS product")
                    .param("stock", c.before().stock()).param("reserved", c.before().reserved())
                    .param("stockDelta", c.kind().stockDelta(c.quantity()))
                    .param("reservedDelta", c.kind().reservedDelta(c.quantity()))
                    .query(Boolean.class).single();
            boolean javaSays = c.before().after(c.kind(), c.quantity()).withinBounds();
            assertThat(sqlSays).as("%s", c).isEqualTo(javaSays);
        }
    }

    @Test
    void theTableChecksTheSameRule() {
        for (long stock : EDGES) {
            for (long reserved : EDGES) {
                boolean javaSays = new StockLevels(stock, reserved).withinBounds();
                boolean tableAccepts = Boolean.TRUE.equals(transactions.execute(status -> {
                    status.setRollbackOnly();
                    try {
                        jdbc.sql("INSERT INTO product (sku, name) VALUES ('RULE-CHECK', 'x')").update();
                        jdbc.sql("""
                                INSERT INTO location_stock (product_id, sku, location, stock, reserved)
                                SELECT id, sku, 'DEFAULT', ?, ? FROM product WHERE sku = 'RULE-CHECK'""")
                                .params(stock, reserved).update();
                        return true;
                    } catch (DataIntegrityViolationException refused) {
                        return false;
                    }
                }));
                assertThat(tableAccepts).as("stock %d, reserved %d", stock, reserved).isEqualTo(javaSays);
            }
        }
    }

    private record Case(StockLevels before, MovementKind kind, int quantity) {
    }
}
