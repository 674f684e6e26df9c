/**
 * The batched placement mode: per-product queues whose drainers place whatever queued while the previous batch committed in one transaction, in arrival order, answering each waiting request only after that transaction ended.
 */
@NullMarked
package com.example.inventory.stock.placement.batch;

import org.jspecify.annotations.NullMarked;
