package com.example.inventory.stock.placement;

import com.example.inventory.stock.Allocated;
import com.example.inventory.stock.InsufficientStockException;
import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.OrderLine;
import com.example.inventory.stock.ProductNotFoundException;
import com.example.inventory.stock.ledger.Movement;
import com.example.inventory.stock.model.LocationAllocation;
import com.example.inventory.stock.model.LocationStock;
import com.example.inventory.stock.model.StockRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An order's lines allocated over its products' stock rows ({@link LocationAllocation}, the one rule) and, when they
 * fit, applied to the rows in memory: what every strategy does between getting the rows and writing them. The rows
 * are the caller's: locked, read for an optimistic attempt, or read without a lock to choose conditional updates.
 */
public final class OrderOnRows {

    private OrderOnRows() {
    }

    /** Where an order's units would come from, or why they would not. */
    public sealed interface Decision permits Fits, Refused {
    }

    /** Each line's units, by the line's index in the order. */
    public record Fits(List<List<Allocated>> allocations) implements Decision {
    }

    /** The order does not fit (a line's product is unknown, or its units are not available where it may take them). */
    public record Refused(RuntimeException refusal) implements Decision {
    }

    /** Where an applied order's lines' units came from, its ledger entries, and the rows it changed. */
    public record Applied(List<List<Allocated>> allocations, List<Movement> movements, List<LocationStock> changed) {
    }

    /**
     * Decides where the order's units come from.
     *
     * @param rows the rows of the order's SKUs as they are (every row of each product)
     */
    public static Decision allocate(List<OrderLine> lines, Collection<? extends Row> rows) {
        Decision withoutChoice = withoutChoice(lines, rows);
        if (withoutChoice != null) {
            return withoutChoice;
        }
        Map<String, Boolean> known = new HashMap<>();
        List<LocationAllocation.Row> available = new ArrayList<>(rows.size());
        for (Row row : rows) {
            known.put(row.sku(), true);
            available.add(new LocationAllocation.Row(row.sku(), row.location(), row.priority(), row.available()));
        }
        List<LocationAllocation.Line> wanted = new ArrayList<>(lines.size());
        for (OrderLine line : lines) {
            if (!known.containsKey(line.sku())) {
                return new Refused(ProductNotFoundException.of(line.sku()));
            }
            wanted.add(new LocationAllocation.Line(line.sku(), line.quantity(), line.location()));
        }
        return switch (LocationAllocation.allocate(wanted, available)) {
            case LocationAllocation.Shortage shortage -> new Refused(shortage.exception());
            case LocationAllocation.Fits fits -> new Fits(fits.lines().stream()
                    .map(takes -> takes.stream().map(take -> new Allocated(take.location(), take.quantity())).toList())
                    .toList());
        };
    }

    /**
     * The rule's answer when it has no choice to make: no line pins a location and each line's product has one row,
     * so each line can take only from it — the one location that serves them all when every line fits it, else the
     * first line that does not is refused with what its row has. Null when there is a choice (or an unknown SKU). It
     * is every order of a one-location shop, decided without the general rule's maps; {@code LocationAllocationTests}
     * and the strategies' tests hold both ways to the same answers.
     */
    private static @Nullable Decision withoutChoice(List<OrderLine> lines, Collection<? extends Row> rows) {
        if (rows.size() != lines.size()) {
            return null;
        }
        Row[] only = new Row[lines.size()];
        for (int i = 0; i < only.length; i++) {
            OrderLine line = lines.get(i);
            if (line.location() != null) {
                return null;
            }
            for (Row row : rows) {
                if (row.sku().equals(line.sku())) {
                    if (only[i] != null) {
                        return null;
                    }
                    only[i] = row;
                }
            }
            if (only[i] == null) {
                return null;
            }
        }
        List<List<Allocated>> allocations = new ArrayList<>(only.length);
        for (int i = 0; i < only.length; i++) {
            OrderLine line = lines.get(i);
            if (only[i].available() < line.quantity()) {
                return new Refused(InsufficientStockException.of(line.sku(), line.quantity(), only[i].available()));
            }
            allocations.add(List.of(new Allocated(only[i].location(), line.quantity())));
        }
        return new Fits(allocations);
    }

    /**
     * Allocates the order over the rows and applies {@code kind} (a movement that takes available units) to them, all
     * lines or none.
     *
     * @param rows every row of the order's SKUs, changed in place when the order fits
     * @throws ProductNotFoundException for the first line whose SKU has no rows
     * @throws com.example.inventory.stock.InsufficientStockException for the first line that does not fit
     */
    public static Applied apply(String orderId, String clientId, List<OrderLine> lines, MovementKind kind,
                                List<LocationStock> rows, Instant now) {
        Decision decision = allocate(lines, rows.stream().map(Row::of).toList());
        if (decision instanceof Refused(RuntimeException refusal)) {
            throw refusal;
        }
        return apply((Fits) decision, orderId, clientId, lines, kind, rows, now);
    }

    /** Applies an allocation that fits {@code rows} as they are now, changing them in place. */
    public static Applied apply(Fits fits, String orderId, String clientId, List<OrderLine> lines, MovementKind kind,
                                List<LocationStock> rows, Instant now) {
        List<Movement> movements = new ArrayList<>();
        List<LocationStock> changed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String sku = lines.get(i).sku();
            for (Allocated take : fits.allocations().get(i)) {
                LocationStock row = rowAt(rows, sku, take.location());
                row.apply(kind, take.quantity(), now);
                movements.add(Movement.of(row, kind, take.quantity(), orderId, clientId));
                changed.add(row);
            }
        }
        return new Applied(fits.allocations(), movements, changed);
    }

    /** The row of {@code sku} at {@code location}: a few rows per order, so a scan. */
    private static LocationStock rowAt(List<LocationStock> rows, String sku, String location) {
        for (LocationStock row : rows) {
            if (row.getSku().equals(sku) && row.getLocation().equals(location)) {
                return row;
            }
        }
        throw new IllegalStateException("No row of " + sku + " at " + location + " for an allocation made on them");
    }

    /** A stock row as allocation reads it. */
    public record Row(String sku, String location, int priority, int available) {

        public static Row of(LocationStock row) {
            return new Row(row.getSku(), row.getLocation(), row.getPriority(), row.getAvailable());
        }

        public static Row of(StockRow row) {
            return new Row(row.sku(), row.location(), row.priority(), row.available());
        }
    }
}
