/**
 * The append-only ledger: the one writer of stock_movement (an entry per line and movement, in the transaction of the change it records), its reads, and the drift check that compares every product with the sums of its entries.
 */
@NullMarked
package com.example.inventory.stock.ledger;

import org.jspecify.annotations.NullMarked;
