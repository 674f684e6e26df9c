package com.example.inventory.stock.placement;

import com.example.inventory.stock.OrderClaims;
import com.example.inventory.stock.Placement;
import com.example.inventory.stock.PlacementMode;
import com.example.inventory.stock.StockOrder;

/** One way of placing an order without overselling: an order in, an outcome out. */
public interface Placer {

    PlacementMode name();

    /**
     * Claims the order's id in {@code book} and applies the book's movement to every line of the order, all or
     * nothing, in one transaction that this strategy runs (and may retry).
     *
     * @throws ProductNotFoundException for the first line whose SKU is unknown
     * @throws InsufficientStockException for a line that asks for more than is available
     * @throws ContentionException when the strategy gives up on contention
     * @throws org.springframework.dao.PessimisticLockingFailureException when a lock wait ran into the timeout
     */
    <O extends StockOrder> Placement place(O order, OrderClaims<O> book);
}
