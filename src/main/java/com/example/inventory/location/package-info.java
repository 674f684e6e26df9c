/** Locations (warehouses, stores) and their API: create, read one, read all; over the stock core's locations. */
@NullMarked
package com.example.inventory.location;

import org.jspecify.annotations.NullMarked;
