/**
 * What the stock core does when the database fails it: recognising an unreachable database, finding out whether a write whose connection broke committed, and the lock timeout every connection waits at most.
 */
@NullMarked
package com.example.inventory.stock.fault;

import org.jspecify.annotations.NullMarked;
