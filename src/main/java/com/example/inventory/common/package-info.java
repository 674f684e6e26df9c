/**
 * The shared kernel that the web layer, the stock core and the features all read: the contract's limits, the ids records are keyed by, and the API's problem types with the one place that writes a problem body. It depends on nothing of the service.
 */
@NullMarked
package com.example.inventory.common;

import org.jspecify.annotations.NullMarked;
