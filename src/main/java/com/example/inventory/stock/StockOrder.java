package com.example.inventory.stock;

import java.util.List;

/** An order as the stock core sees it: an id that is placed at most once, and the lines it asks for. */
public interface StockOrder {

    String orderId();

    /** The OAuth2 client whose order this is: order ids are unique per client, and it is the ledger's actor. */
    String clientId();

    /** One line per SKU, each with a positive quantity. */
    List<OrderLine> lines();
}
