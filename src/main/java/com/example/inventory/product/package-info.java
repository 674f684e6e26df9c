/** The product catalogue: its service and API (create, read, list, restock, ledger), over the stock core. */
@NullMarked
package com.example.inventory.product;

import org.jspecify.annotations.NullMarked;
