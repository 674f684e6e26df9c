/** Reservations: checkout holds with a time limit, each confirmed into a deduction, released or expired, once. */
@NullMarked
package com.example.inventory.reservation;

import org.jspecify.annotations.NullMarked;
