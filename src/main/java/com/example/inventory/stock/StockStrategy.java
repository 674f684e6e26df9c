package com.example.inventory.stock;

/** One way of placing an order without overselling: an order in, an outcome out. */
interface StockStrategy {

    Strategy name();

    /**
     * Claims the order's id in {@code book} and applies the book's movement to every line of the order, all or
     * nothing, in one transaction that this strategy runs (and may retry).
     *
     * @throws ProductNotFoundException for the first line whose SKU is unknown
     * @throws InsufficientStockException for a line that asks for more than is available
     * @throws ContentionException when the strategy gives up on contention
     * @throws org.springframework.dao.PessimisticLockingFailureException when a lock wait ran into the timeout
     */
    <O extends StockOrder> Placement place(O order, OrderBook<O> book);
}
