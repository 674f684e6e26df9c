package com.example.inventory.stock.placement;

import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.OrderLine;
import com.example.inventory.stock.ProductNotFoundException;
import com.example.inventory.stock.StockOrder;
import com.example.inventory.stock.ledger.Ledger;
import com.example.inventory.stock.model.Lines;
import com.example.inventory.stock.model.Product;
import com.example.inventory.stock.model.StockLevels;
import com.example.inventory.stock.model.StockStatements;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The conditional mechanism: per line, in product id order, one {@code UPDATE} that applies the movement only if the
 * result keeps the stock rule, with its ledger entry in the same statement. Serves the atomic strategy, and the
 * batched strategy when a batch holds a single order.
 */
@Component
public class ConditionalStockChange {

    private final StockStatements statements;
    private final Ledger ledger;

    ConditionalStockChange(StockStatements statements, Ledger ledger) {
        this.statements = statements;
        this.ledger = ledger;
    }

    /**
     * Must run inside a transaction; a line that does not fit throws, and the caller rolls back the lines before it.
     *
     * @throws ProductNotFoundException for the first line whose SKU is unknown
     * @throws InsufficientStockException for a line that asks for more than is available
     */
    public void apply(StockOrder order, MovementKind kind) {
        List<OrderLine> lines = order.lines();
        for (OrderLine line : lines.size() == 1 ? lines : inIdOrder(lines)) {
            int quantity = line.quantity();
            if (!ledger.changeIfWithinBounds(line.sku(), kind, quantity, order.orderId(), order.clientId())) {
                StockLevels levels = statements.levelsOf(line.sku())
                        .orElseThrow(() -> ProductNotFoundException.of(line.sku()));
                throw Product.refusalOf(kind, line.sku(), quantity, levels);
            }
        }
    }

    /**
     * The lines in ascending product id order, the one global lock order. A single line needs no order (one row
     * cannot deadlock), which saves this query on the most common orders.
     *
     * @throws ProductNotFoundException for the first line whose SKU is unknown
     */
    private List<OrderLine> inIdOrder(List<OrderLine> lines) {
        List<String> skus = statements.skusInIdOrder(Lines.skus(lines));
        Lines.requireAllFound(lines, skus, sku -> sku);
        Map<String, Integer> quantities = Lines.quantitiesBySku(lines);
        return skus.stream().map(sku -> new OrderLine(sku, quantities.get(sku))).toList();
    }
}
