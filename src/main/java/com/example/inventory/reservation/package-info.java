/**
 * Reservations: checkout holds with a time limit, placed once per order id (as deductions are, by {@link
 * com.example.inventory.stock.OncePerOrderId}), each confirmed into a deduction, released or expired, once; the
 * entity guards every transition. {@code ReservationBook} owns the SQL of the {@code reservation} and
 * {@code reservation_line} tables that placing an order writes; the sweeper expires overdue holds every
 * {@code inventory.reservation.sweep-interval}.
 */
@NullMarked
package com.example.inventory.reservation;

import org.jspecify.annotations.NullMarked;
