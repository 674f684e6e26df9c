package com.example.inventory.stock.event;

import com.example.inventory.common.InventoryEvent;
import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.ledger.Movement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One product's changes in one transaction, in ledger order, with its totals after the last of them: the events they
 * make. Walked entry by entry from the totals before the first, so that each crossing is reported once, with the
 * ledger entry that made it: {@code stock.depleted} when {@code available} reaches 0 from above,
 * {@code stock.replenished} when it rises from 0, {@code stock.low} when it falls from at least the threshold to below
 * it, and a {@code stock.restocked} per restock. A batch that keeps a product at 0 crosses nothing.
 */
record ProductChanges(String sku, @Nullable Integer threshold, long stockAfter, long reservedAfter,
                      List<Movement> movements, List<Long> positions) {

    ProductChanges {
        if (movements.size() != positions.size()) {
            throw new IllegalArgumentException(movements.size() + " movements, " + positions.size() + " positions");
        }
    }

    List<InventoryEvent> events(Instant at) {
        long stock = stockAfter;
        long reserved = reservedAfter;
        for (Movement movement : movements) {
            stock -= movement.kind().stockDelta(movement.quantity());
            reserved -= movement.kind().reservedDelta(movement.quantity());
        }
        List<InventoryEvent> events = new ArrayList<>(1);
        for (int i = 0; i < movements.size(); i++) {
            Movement movement = movements.get(i);
            long position = positions.get(i);
            MovementKind kind = movement.kind();
            long before = stock - reserved;
            stock += kind.stockDelta(movement.quantity());
            reserved += kind.reservedDelta(movement.quantity());
            long after = stock - reserved;
            if (kind == MovementKind.RESTOCK) {
                events.add(new StockRestocked(InventoryEvent.newId(), at, sku, movement.location(),
                        movement.quantity(), Math.toIntExact(stock), movement.stockAfter(), movement.actor(),
                        position));
            }
            if (threshold != null && before >= threshold && after < threshold) {
                events.add(new StockLow(InventoryEvent.newId(), at, sku, Math.toIntExact(after), threshold, position));
            }
            if (before > 0 && after == 0) {
                events.add(new StockDepleted(InventoryEvent.newId(), at, sku, Math.toIntExact(stock),
                        Math.toIntExact(reserved), position));
            } else if (before == 0 && after > 0) {
                events.add(new StockReplenished(InventoryEvent.newId(), at, sku, Math.toIntExact(after), position));
            }
        }
        return events;
    }
}
