/** The product catalogue API: create, read, list, restock, ledger. */
@NullMarked
package com.example.inventory.product;

import org.jspecify.annotations.NullMarked;
