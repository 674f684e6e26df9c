/** The stock core: products, their stock rule, the ledger, and the strategies that place orders. */
@NullMarked
package com.example.inventory.stock;

import org.jspecify.annotations.NullMarked;
