/**
 * Products, their stock rows per location and the stock rule: the stock row that applies a movement or refuses it, the one rule of levels (0 ≤ reserved ≤ stock ≤ the limit) that the entity, the conditional SQL and the database constraint share, the plain statements that read and write product and stock rows on the hot paths and those of the location table, and the rule that allocates an order's lines over a product's locations.
 */
@NullMarked
package com.example.inventory.stock.model;

import org.jspecify.annotations.NullMarked;
