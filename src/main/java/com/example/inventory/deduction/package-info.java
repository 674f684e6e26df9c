/**
 * Deductions: orders that take stock, once per order id (a repeat is a replay or an order conflict, by the stock
 * core's {@link com.example.inventory.stock.OncePerOrderId}), and their cancellation. {@code DeductionBook} owns the
 * SQL of the {@code deduction} and {@code deduction_line} tables that placing an order writes.
 */
@NullMarked
package com.example.inventory.deduction;

import org.jspecify.annotations.NullMarked;
