package com.example.inventory.deduction.strategy;

import java.util.List;
import java.util.function.IntFunction;

import com.example.inventory.deduction.OrderLine;
import com.example.inventory.deduction.Strategy;

/**
 * One way of taking stock for an order without overselling. A strategy decides both how the product rows are
 * changed ({@link #takeStock}) and how transactions are attempted ({@link #inTransactions}): once, or again after
 * a conflict.
 */
public interface DeductionStrategy {

    Strategy name();

    /**
     * Runs {@code attempt} in a new transaction, and again in another new transaction as long as this strategy
     * retries the failure of the previous one. Attempts are numbered from 1.
     *
     * @throws com.example.inventory.deduction.ContentionException when the strategy gives up on contention
     */
    <T> T inTransactions(IntFunction<T> attempt);

    /**
     * Takes the stock of every line inside the current transaction, all or nothing, and records one
     * {@code DEDUCT} movement per line referencing {@code orderId}.
     *
     * @throws com.example.inventory.product.ProductNotFoundException for the first line whose SKU is unknown
     * @throws com.example.inventory.product.InsufficientStockException for a line that asks for more than is available
     */
    void takeStock(List<OrderLine> lines, String orderId);
}
