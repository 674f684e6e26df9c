/**
 * The stock core's events room: which events a transaction's stock changes make ({@code StockEvents}, called by every
 * path that changes stock after its ledger entries are written) and the event records themselves (depleted,
 * replenished, low, restocked). It reads the ledger's entries and the model's rows; nothing below it reads it.
 */
@NullMarked
package com.example.inventory.stock.event;

import org.jspecify.annotations.NullMarked;
