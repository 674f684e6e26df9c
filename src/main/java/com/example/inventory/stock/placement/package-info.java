/**
 * How an order is placed without overselling: one Placer per placement mode (pessimistic, optimistic, atomic; batched in its own package), and the two mechanisms they share: the locked change (rows locked in id order, then changed) and the conditional change (one guarded UPDATE per line).
 */
@NullMarked
package com.example.inventory.stock.placement;

import org.jspecify.annotations.NullMarked;
