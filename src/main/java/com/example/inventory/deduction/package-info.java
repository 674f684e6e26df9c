/** Deductions: orders that take stock, once per order id, and their cancellation. */
@NullMarked
package com.example.inventory.deduction;

import org.jspecify.annotations.NullMarked;
