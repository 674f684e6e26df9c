package com.example.inventory.stock.model;

import com.example.inventory.stock.InsufficientStockException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Where an order's units come from when a product is stocked at several locations (contract v1.2 §2), decided in
 * memory from what each (SKU, location) row has available, so that every strategy asks the same rule and it can be
 * tested without a database.
 *
 * <ol>
 *   <li><b>Pinned lines</b> take only from their location, first (they have no choice), in the order's order.</li>
 *   <li><b>Unpinned lines</b>, from what the pinned ones left: if one location can serve all of them, the preferred
 *       such location serves them all.</li>
 *   <li>Otherwise line by line, in the order's order: each line takes from the locations in preference order, each
 *       giving all it has left until the line has its units — split across several where the first cannot serve it
 *       alone.</li>
 * </ol>
 *
 * "Preferred" means lower {@code priority}, then the lower {@code code} ({@link String#compareTo}, i.e. ASCII order).
 * A single-line order that some location can serve whole is served whole by step 2, by the preferred such location.
 * Taking pinned lines first never refuses an order that some other assignment could fit.
 * <p>
 * All or nothing: the order {@link Fits} or a {@link Shortage} names the first line, in the order above (pinned lines
 * before unpinned ones, each in the order's order), that cannot get its units, and what it could get where it was
 * allowed to take from, after the lines before it. A location the caller does not know, a location where the SKU has
 * no row and a SKU with no rows at all count as 0 available (the caller turns unknown locations and products into
 * 404s before asking). Lines may name a SKU more than once (a pinned and an unpinned line of it, say): they share its
 * rows, each taking from what the lines before it left. With one location ({@code DEFAULT}) and no pinning this is
 * today's rule: the order fits when each line fits its one row, else the first line that does not is refused with that
 * row's available units.
 */
public final class LocationAllocation {

    private static final Comparator<Preference> PREFERRED = Comparator.comparingInt(Preference::priority)
            .thenComparing(Preference::code);

    /** A line of the order: {@code quantity} units of {@code sku}, pinned to {@code location}, or allocated if null. */
    public record Line(String sku, int quantity, @Nullable String location) {

        public Line {
            Objects.requireNonNull(sku, "sku");
            if (quantity <= 0) {
                throw new IllegalArgumentException("quantity must be positive: " + quantity);
            }
        }

        public static Line allocated(String sku, int quantity) {
            return new Line(sku, quantity, null);
        }

        public static Line pinned(String sku, int quantity, String location) {
            return new Line(sku, quantity, Objects.requireNonNull(location, "location"));
        }
    }

    /** A stock row as the rule sees it: what {@code location} (of {@code priority}) has available of {@code sku}. */
    public record Row(String sku, String location, int priority, int available) {

        public Row {
            Objects.requireNonNull(sku, "sku");
            Objects.requireNonNull(location, "location");
            if (available < 0) {
                throw new IllegalArgumentException("available must not be negative: " + available);
            }
        }
    }

    /** {@code quantity} units of a line taken from {@code location}: one of the answer's {@code allocations}. */
    public record Take(String location, int quantity) {
    }

    /** What the rule decided: the order {@link Fits}, or it does not for want of stock ({@link Shortage}). */
    public sealed interface Outcome permits Fits, Shortage {
    }

    /**
     * The order fits: for each line, by its index in the order, where its units come from, in the order taken. The
     * quantities of a line sum to its quantity; none is 0; a line names each location at most once.
     */
    public record Fits(List<List<Take>> lines) implements Outcome {

        public Fits {
            lines = lines.stream().map(List::copyOf).toList();
        }

        public List<Take> line(int index) {
            return lines.get(index);
        }
    }

    /**
     * The order does not fit and nothing is taken: line {@code line} (its index in the order) asks for
     * {@code requested} units of {@code sku} and could get only {@code available} where it was allowed to take from.
     */
    public record Shortage(int line, String sku, int requested, int available) implements Outcome {

        /** The {@code insufficient-stock} this shortage is. */
        public InsufficientStockException exception() {
            return InsufficientStockException.of(sku, requested, available);
        }
    }

    /** A location as the rule ranks it. */
    private record Preference(String code, int priority) {
    }

    private record Key(String sku, String location) {
    }

    private LocationAllocation() {
    }

    /**
     * Allocates an order's lines over the rows of its SKUs, all or nothing.
     *
     * @param lines the order's lines, in the order's order
     * @param rows the rows of the order's SKUs (at most one per SKU and location; a location has one priority)
     * @return where each line's units come from, or the first line that does not fit
     * @throws IllegalArgumentException when two rows name the same SKU and location, or one location with two
     *         priorities
     */
    public static Outcome allocate(List<Line> lines, Collection<Row> rows) {
        Map<Key, Integer> left = new HashMap<>();
        Map<String, Preference> locations = new HashMap<>();
        for (Row row : rows) {
            if (left.put(new Key(row.sku(), row.location()), row.available()) != null) {
                throw new IllegalArgumentException("two rows of " + row.sku() + " at " + row.location());
            }
            Preference location = new Preference(row.location(), row.priority());
            Preference known = locations.putIfAbsent(row.location(), location);
            if (known != null && !known.equals(location)) {
                throw new IllegalArgumentException("location " + row.location() + " has two priorities");
            }
        }
        List<String> preferred = locations.values().stream().sorted(PREFERRED).map(Preference::code).toList();

        List<List<Take>> takes = new ArrayList<>(lines.size());
        List<Integer> unpinned = new ArrayList<>();
        for (int index = 0; index < lines.size(); index++) {
            takes.add(new ArrayList<>(1));
            Line line = lines.get(index);
            if (line.location() == null) {
                unpinned.add(index);
                continue;
            }
            int available = left.getOrDefault(new Key(line.sku(), line.location()), 0);
            if (available < line.quantity()) {
                return new Shortage(index, line.sku(), line.quantity(), available);
            }
            take(left, takes.get(index), line.sku(), line.location(), line.quantity());
        }
        if (unpinned.isEmpty()) {
            return new Fits(takes);
        }

        String one = oneServingAll(lines, unpinned, preferred, left);
        if (one != null) {
            for (int index : unpinned) {
                take(left, takes.get(index), lines.get(index).sku(), one, lines.get(index).quantity());
            }
            return new Fits(takes);
        }

        for (int index : unpinned) {
            Line line = lines.get(index);
            // Sums in long: several rows may hold more than an int together. A shortage is below the quantity.
            long available = preferred.stream().mapToLong(location -> left.getOrDefault(new Key(line.sku(), location), 0))
                    .sum();
            if (available < line.quantity()) {
                return new Shortage(index, line.sku(), line.quantity(), (int) available);
            }
            int missing = line.quantity();
            for (String location : preferred) {
                int quantity = Math.min(missing, left.getOrDefault(new Key(line.sku(), location), 0));
                if (quantity > 0) {
                    take(left, takes.get(index), line.sku(), location, quantity);
                    missing -= quantity;
                }
            }
        }
        return new Fits(takes);
    }

    /** The preferred location that has, of every SKU, what all the unpinned lines together ask of it; or null. */
    private static @Nullable String oneServingAll(List<Line> lines, List<Integer> unpinned, List<String> preferred,
                                                  Map<Key, Integer> left) {
        Map<String, Long> asked = new LinkedHashMap<>();
        for (int index : unpinned) {
            asked.merge(lines.get(index).sku(), (long) lines.get(index).quantity(), Long::sum);
        }
        return preferred.stream()
                .filter(location -> asked.entrySet().stream()
                        .allMatch(sku -> left.getOrDefault(new Key(sku.getKey(), location), 0) >= sku.getValue()))
                .findFirst().orElse(null);
    }

    private static void take(Map<Key, Integer> left, List<Take> takes, String sku, String location, int quantity) {
        left.merge(new Key(sku, location), -quantity, Integer::sum);
        takes.add(new Take(location, quantity));
    }
}
