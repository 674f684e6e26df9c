package com.example.inventory.stock;

import java.util.List;

/** An order as the stock core sees it: an id that is placed at most once, and the lines it asks for. */
public interface StockOrder {

    String orderId();

    /** One line per SKU, each with a positive quantity. */
    List<OrderLine> lines();
}
