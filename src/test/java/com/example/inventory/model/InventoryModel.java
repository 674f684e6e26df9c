package com.example.inventory.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * The reference model: what the contract (v1.1, and v1.2 §2's stock per location) says the service holds and
 * answers, in a few maps. Products, orders and reservations are named by their index in the scenario's pools,
 * locations by their code ({@link #code} turns an {@link Op}'s location token into it).
 *
 * <p>A product is its rows, one per location where it is kept. The allocation rule is implemented here from the
 * contract's words, on purpose apart from the service's own ({@code LocationAllocation}): a second reading of the rule
 * that the service's answers must agree with. The model also keeps the ledger the contract implies: one entry per
 * product, location and change.
 */
final class InventoryModel {

    /** A location: its code and priority (lower is preferred; equal priorities are ordered by code). */
    record Location(String code, int priority) {
    }

    /** Preferred first: lower priority, then the code, character by character. */
    static final Comparator<Location> PREFERRED = Comparator.comparingInt(Location::priority)
            .thenComparing(Location::code);

    /** Units of a line at one location: one of the answer's {@code allocations}. */
    record Take(String location, int quantity) {
    }

    /**
     * A line as the service must show it: its quantity, the pinned location's code (null: allocated), and where its
     * units are, in the order taken.
     */
    record ShownLine(int quantity, @Nullable String location, List<Take> allocations) {
    }

    /** A line that cannot get its units: what the {@code insufficient-stock} problem must say of it. */
    record Shortage(int product, int requested, int available) {
    }

    /** One ledger entry as the model predicts it ({@code order} null for INITIAL and RESTOCK). */
    record Entry(String kind, String location, int quantity, @Nullable Integer order, long stockAfter) {
    }

    /**
     * The answer the model expects: a status; for errors the problem type's name; for an order (a deduction or a
     * reservation, placed, replayed, cancelled or decided) its status and lines; for {@code insufficient-stock} the
     * lines of which the service may name any (the contract does not say which of several); for
     * {@code location-not-found} the code; and a tag naming the corner of the rule it reached, for the run's tally.
     */
    record Expected(int status, @Nullable String problem, @Nullable String orderStatus,
                    @Nullable Map<Integer, ShownLine> lines, List<Shortage> shortages, @Nullable String location,
                    String tag) {

        static Expected ok(int status) {
            return new Expected(status, null, null, null, List.of(), null, "");
        }

        static Expected order(int status, String orderStatus, Map<Integer, ShownLine> lines, String tag) {
            return new Expected(status, null, orderStatus, lines, List.of(), null, tag);
        }

        static Expected problem(int status, String type) {
            return new Expected(status, type, null, null, List.of(), null, "");
        }

        static Expected shortage(List<Shortage> shortages, String tag) {
            return new Expected(409, "insufficient-stock", null, null, List.copyOf(shortages), null, tag);
        }

        static Expected locationNotFound(String code) {
            return new Expected(404, "location-not-found", null, null, List.of(), code, "");
        }

        Expected tagged(String tag) {
            return new Expected(status, problem, orderStatus, lines, shortages, location, tag);
        }
    }

    static final class Row {
        long stock;
        long reserved;

        long available() {
            return stock - reserved;
        }
    }

    static final class Product {
        /** Location code → row; a row once there stays. */
        final Map<String, Row> rows = new HashMap<>();
        final List<Entry> ledger = new ArrayList<>();

        long stock() {
            return rows.values().stream().mapToLong(row -> row.stock).sum();
        }

        long reserved() {
            return rows.values().stream().mapToLong(row -> row.reserved).sum();
        }
    }

    /** An order's lines as requested (product → line with its location token) and where their units went. */
    record Placed(Map<Integer, Op.Line> request, Map<Integer, List<Take>> allocations) {
    }

    record Deduction(String id, Placed placed, boolean cancelled) {
    }

    static final class Reservation {
        final String id;
        final Placed placed;
        String status = "ACTIVE";
        Instant expiresAt;

        Reservation(String id, Placed placed, Instant expiresAt) {
            this.id = id;
            this.placed = placed;
            this.expiresAt = expiresAt;
        }

        boolean overdueAt(Instant now) {
            return status.equals("ACTIVE") && !now.isBefore(expiresAt);
        }
    }

    /** Location token → location: the scenario's {@code L0}, {@code L1}, … and {@code DEFAULT}. */
    private final Map<String, Location> locations;
    private final String unknownCode;
    final Map<Integer, Product> products = new HashMap<>();
    final Map<Integer, Deduction> deductions = new HashMap<>();
    final Map<Integer, Reservation> reservations = new HashMap<>();

    /**
     * @param locations location token → location, {@code DEFAULT} included
     * @param unknownCode the code {@code NOWHERE} stands for: no location has it
     * @param stockings how each product of the pool is created
     */
    InventoryModel(Map<String, Location> locations, String unknownCode, List<Op.Stocking> stockings) {
        this.locations = Map.copyOf(locations);
        this.unknownCode = unknownCode;
        for (int i = 0; i < stockings.size(); i++) {
            Op.Stocking stocking = stockings.get(i);
            Product product = new Product();
            Map<String, Integer> given = stocking.stock() != null ? Map.of(Op.Place.DEFAULT, stocking.stock())
                    : stocking.locations();
            given.forEach((token, stock) -> {
                Row row = new Row();
                row.stock = stock;
                product.rows.put(code(token), row);
                if (stock > 0) {
                    product.ledger.add(new Entry("INITIAL", code(token), stock, null, stock));
                }
            });
            products.put(i, product);
        }
    }

    /** The code a location token stands for; {@code null} stays null (no location named). */
    @Nullable String code(@Nullable String token) {
        if (token == null) {
            return null;
        }
        if (token.equals(Op.Place.NOWHERE)) {
            return unknownCode;
        }
        Location location = locations.get(token);
        if (location == null) {
            throw new IllegalArgumentException("no location token " + token);
        }
        return location.code();
    }

    private int priority(String code) {
        return locations.values().stream().filter(location -> location.code().equals(code)).findFirst()
                .orElseThrow().priority();
    }

    /** The product's rows as its view must list them: by priority, then code. */
    List<Map.Entry<String, Row>> rowsShown(int product) {
        return products.get(product).rows.entrySet().stream()
                .sorted(Comparator.comparing(row -> new Location(row.getKey(), priority(row.getKey())), PREFERRED))
                .toList();
    }

    Expected restock(Op.Restock op) {
        if (Op.Place.NOWHERE.equals(op.at())) {
            return Expected.locationNotFound(unknownCode);
        }
        String code = op.at() == null ? code(Op.Place.DEFAULT) : code(op.at());
        Product product = products.get(op.product());
        boolean created = !product.rows.containsKey(code);
        Row row = product.rows.computeIfAbsent(code, ignored -> new Row());
        row.stock += op.quantity();
        product.ledger.add(new Entry("RESTOCK", code, op.quantity(), null, row.stock));
        return Expected.ok(200).tagged(created ? "new row" : "");
    }

    /** What a deduction request should get; {@link #deducted} records it when the service placed it. */
    Expected deduct(Op.Deduct op) {
        String unknown = unknownLocation(op.lines());
        if (unknown != null) {
            return Expected.locationNotFound(unknown);
        }
        Deduction stored = deductions.get(op.order());
        if (stored != null) {
            return stored.placed().request().equals(op.lines())
                    ? Expected.order(200, stored.cancelled() ? "CANCELLED" : "COMPLETED", shown(stored.placed()),
                    "replay")
                    : Expected.problem(409, "order-conflict");
        }
        return allocate(op.lines(), 201, "COMPLETED");
    }

    void deducted(Op.Deduct op, Expected expected, String id) {
        Placed placed = placed(op.lines(), expected);
        placed.allocations().forEach((product, takes) -> takes.forEach(take -> {
            Row row = row(product, take.location());
            row.stock -= take.quantity();
            products.get(product).ledger.add(new Entry("DEDUCT", take.location(), take.quantity(), op.order(),
                    row.stock));
        }));
        deductions.put(op.order(), new Deduction(id, placed, false));
    }

    Expected cancel(Op.Cancel op) {
        Deduction stored = deductions.get(op.order());
        if (stored == null) {
            return Expected.problem(404, "deduction-not-found");
        }
        if (!stored.cancelled()) {
            stored.placed().allocations().forEach((product, takes) -> takes.forEach(take -> {
                Row row = row(product, take.location());
                row.stock += take.quantity();
                products.get(product).ledger.add(new Entry("CANCEL", take.location(), take.quantity(), op.order(),
                        row.stock));
            }));
            deductions.put(op.order(), new Deduction(stored.id(), stored.placed(), true));
            return Expected.order(200, "CANCELLED", shown(stored.placed()), "");
        }
        return Expected.order(200, "CANCELLED", shown(stored.placed()), "again");
    }

    Expected reserve(Op.Reserve op) {
        String unknown = unknownLocation(op.lines());
        if (unknown != null) {
            return Expected.locationNotFound(unknown);
        }
        Reservation stored = reservations.get(op.order());
        if (stored != null) {
            return stored.placed.request().equals(op.lines())
                    ? Expected.order(200, stored.status, shown(stored.placed), "replay")
                    : Expected.problem(409, "order-conflict");
        }
        return allocate(op.lines(), 201, "ACTIVE");
    }

    void reserved(Op.Reserve op, Expected expected, String id, Instant expiresAt) {
        Placed placed = placed(op.lines(), expected);
        placed.allocations().forEach((product, takes) -> takes.forEach(take -> {
            Row row = row(product, take.location());
            row.reserved += take.quantity();
            products.get(product).ledger.add(new Entry("RESERVE", take.location(), take.quantity(), op.order(),
                    row.stock));
        }));
        reservations.put(op.order(), new Reservation(id, placed, expiresAt));
    }

    Expected confirm(Op.Confirm op, Instant now) {
        Reservation reservation = reservations.get(op.order());
        if (reservation == null) {
            return Expected.problem(404, "reservation-not-found");
        }
        switch (reservation.status) {
            case "CONFIRMED" -> {
                return Expected.order(200, "CONFIRMED", shown(reservation.placed), "again");
            }
            case "RELEASED" -> {
                return Expected.problem(409, "reservation-released");
            }
            case "EXPIRED" -> {
                return Expected.problem(409, "reservation-expired");
            }
            default -> {
            }
        }
        if (reservation.overdueAt(now)) {
            return Expected.problem(409, "reservation-expired");
        }
        return deductions.containsKey(op.order()) ? Expected.problem(409, "order-conflict")
                : Expected.order(200, "CONFIRMED", shown(reservation.placed), "");
    }

    void confirmed(Op.Confirm op, String deductionId) {
        Reservation reservation = reservations.get(op.order());
        if (reservation.status.equals("CONFIRMED")) {
            return;
        }
        reservation.placed.allocations().forEach((product, takes) -> takes.forEach(take -> {
            Row row = row(product, take.location());
            row.stock -= take.quantity();
            row.reserved -= take.quantity();
            products.get(product).ledger.add(new Entry("CONFIRM", take.location(), take.quantity(), op.order(),
                    row.stock));
        }));
        reservation.status = "CONFIRMED";
        deductions.put(op.order(), new Deduction(deductionId, reservation.placed, false));
    }

    Expected release(Op.Release op, Instant now) {
        Reservation reservation = reservations.get(op.order());
        if (reservation == null) {
            return Expected.problem(404, "reservation-not-found");
        }
        if (reservation.status.equals("CONFIRMED")) {
            return Expected.problem(409, "reservation-confirmed");
        }
        String tag = "again";
        if (reservation.status.equals("ACTIVE")) {
            giveBack(op.order(), reservation);
            tag = reservation.overdueAt(now) ? "overdue" : "";
            reservation.status = reservation.overdueAt(now) ? "EXPIRED" : "RELEASED";
        }
        return Expected.order(200, reservation.status, shown(reservation.placed), tag);
    }

    Expected extend(Op.Extend op, Instant now) {
        Reservation reservation = reservations.get(op.order());
        if (reservation == null) {
            return Expected.problem(404, "reservation-not-found");
        }
        return switch (reservation.status) {
            case "CONFIRMED" -> Expected.problem(409, "reservation-confirmed");
            case "RELEASED" -> Expected.problem(409, "reservation-released");
            case "EXPIRED" -> Expected.problem(409, "reservation-expired");
            default -> reservation.overdueAt(now) ? Expected.problem(409, "reservation-expired")
                    : Expected.order(200, "ACTIVE", shown(reservation.placed), "");
        };
    }

    /** Every active reservation whose time is up at {@code now} expires, its units back where they were held. */
    void sweep(Instant now) {
        reservations.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(reservation -> reservation.getValue().overdueAt(now)).forEach(reservation -> {
                    giveBack(reservation.getKey(), reservation.getValue());
                    reservation.getValue().status = "EXPIRED";
                });
    }

    private void giveBack(int order, Reservation reservation) {
        reservation.placed.allocations().forEach((product, takes) -> takes.forEach(take -> {
            Row row = row(product, take.location());
            row.reserved -= take.quantity();
            products.get(product).ledger.add(new Entry("RELEASE", take.location(), take.quantity(), order,
                    row.stock));
        }));
    }

    private Row row(int product, String code) {
        Row row = products.get(product).rows.get(code);
        if (row == null) {
            throw new IllegalStateException("product " + product + " has no row at " + code);
        }
        return row;
    }

    private @Nullable String unknownLocation(Map<Integer, Op.Line> lines) {
        return lines.values().stream().anyMatch(line -> Op.Place.NOWHERE.equals(line.at())) ? unknownCode : null;
    }

    /**
     * The allocation rule of contract v1.2 §2, all or nothing. A pinned line takes from its location only. The
     * unpinned lines: if one location can serve every one of them, the preferred such location serves them all;
     * otherwise each line in turn takes from its product's locations in priority order (then code), each giving what
     * it has available. Every line of an order is of another product, so no line's chances depend on another's: a
     * line that cannot get its units is short whatever the order of looking, and the order is refused, naming one of
     * them with what it could get where it was allowed to take from (a pinned line: that row's available, 0 without a
     * row; an unpinned one: the sum over the product's rows).
     */
    private Expected allocate(Map<Integer, Op.Line> lines, int status, String orderStatus) {
        List<Shortage> shortages = new ArrayList<>();
        boolean pinnedWithoutRow = false;
        Map<Integer, Op.Line> unpinned = new LinkedHashMap<>();
        for (Map.Entry<Integer, Op.Line> line : lines.entrySet()) {
            Product product = products.get(line.getKey());
            int quantity = line.getValue().quantity();
            if (line.getValue().at() == null) {
                unpinned.put(line.getKey(), line.getValue());
                long total = product.rows.values().stream().mapToLong(Row::available).sum();
                if (total < quantity) {
                    shortages.add(new Shortage(line.getKey(), quantity, (int) total));
                }
            } else {
                Row row = product.rows.get(code(line.getValue().at()));
                pinnedWithoutRow |= row == null;
                long available = row == null ? 0 : row.available();
                if (available < quantity) {
                    shortages.add(new Shortage(line.getKey(), quantity, (int) available));
                }
            }
        }
        if (!shortages.isEmpty()) {
            return Expected.shortage(shortages, pinnedWithoutRow ? "pinned, no row"
                    : shortages.size() > 1 ? "several lines" : "");
        }

        Map<Integer, List<Take>> takes = new TreeMap<>();
        lines.forEach((product, line) -> {
            if (line.at() != null) {
                takes.put(product, List.of(new Take(code(line.at()), line.quantity())));
            }
        });
        String tag = unpinned.isEmpty() ? "all pinned" : "";
        if (!unpinned.isEmpty()) {
            Location one = locations.values().stream().sorted(PREFERRED)
                    .filter(location -> unpinned.entrySet().stream().allMatch(line -> {
                        Row row = products.get(line.getKey()).rows.get(location.code());
                        return row != null && row.available() >= line.getValue().quantity();
                    }))
                    .findFirst().orElse(null);
            if (one != null) {
                unpinned.forEach((product, line) -> takes.put(product,
                        List.of(new Take(one.code(), line.quantity()))));
                tag = unpinned.size() > 1 ? "one location" : "";
            } else {
                tag = "split";
                unpinned.forEach((product, line) -> {
                    List<Take> parts = new ArrayList<>();
                    int missing = line.quantity();
                    for (Map.Entry<String, Row> row : rowsShown(product)) {
                        int part = (int) Math.min(missing, row.getValue().available());
                        if (part > 0) {
                            parts.add(new Take(row.getKey(), part));
                            missing -= part;
                        }
                    }
                    takes.put(product, List.copyOf(parts));
                });
            }
        }
        Map<Integer, ShownLine> shown = new TreeMap<>();
        lines.forEach((product, line) -> shown.put(product, new ShownLine(line.quantity(), code(line.at()),
                takes.get(product))));
        return Expected.order(status, orderStatus, shown, tag);
    }

    private Placed placed(Map<Integer, Op.Line> request, Expected expected) {
        Map<Integer, List<Take>> allocations = new TreeMap<>();
        expected.lines().forEach((product, line) -> allocations.put(product, line.allocations()));
        return new Placed(request, allocations);
    }

    private Map<Integer, ShownLine> shown(Placed placed) {
        Map<Integer, ShownLine> shown = new TreeMap<>();
        placed.request().forEach((product, line) -> shown.put(product, new ShownLine(line.quantity(),
                code(line.at()), placed.allocations().get(product))));
        return shown;
    }

    /** A creation naming {@code NOWHERE} among its locations: refused, nothing created. */
    Expected createNowhere() {
        return Expected.locationNotFound(unknownCode);
    }
}
