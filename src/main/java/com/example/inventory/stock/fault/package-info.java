/**
 * What the stock core does when the database fails it: finding out whether a write whose connection broke committed, and the lock timeout every connection waits at most (and plain JDBC reporting it as a lock failure).
 */
@NullMarked
package com.example.inventory.stock.fault;

import org.jspecify.annotations.NullMarked;
