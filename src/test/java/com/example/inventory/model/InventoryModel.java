package com.example.inventory.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The reference model: what the contract says the service holds and answers, in a few maps. Products, orders
 * and reservations are named by their index in the scenario's pools.
 */
final class InventoryModel {

    /** The answer the model expects: a status, and for errors the problem type's name. */
    record Expected(int status, @Nullable String problem) {

        static Expected ok(int status) {
            return new Expected(status, null);
        }

        static Expected problem(int status, String type) {
            return new Expected(status, type);
        }
    }

    static final class Product {
        long stock;
        long reserved;

        Product(long stock) {
            this.stock = stock;
        }
    }

    record Deduction(String id, Map<Integer, Integer> lines, boolean cancelled) {
    }

    static final class Reservation {
        final String id;
        final Map<Integer, Integer> lines;
        String status = "ACTIVE";
        Instant expiresAt;

        Reservation(String id, Map<Integer, Integer> lines, Instant expiresAt) {
            this.id = id;
            this.lines = lines;
            this.expiresAt = expiresAt;
        }

        boolean overdueAt(Instant now) {
            return status.equals("ACTIVE") && !now.isBefore(expiresAt);
        }
    }

    final Map<Integer, Product> products = new HashMap<>();
    final Map<Integer, Deduction> deductions = new HashMap<>();
    final Map<Integer, Reservation> reservations = new HashMap<>();

    InventoryModel(List<Integer> initialStock) {
        for (int i = 0; i < initialStock.size(); i++) {
            products.put(i, new Product(initialStock.get(i)));
        }
    }

    Expected restock(Op.Restock op) {
        products.get(op.product()).stock += op.quantity();
        return Expected.ok(200);
    }

    /** What a deduction request should get; {@code placed} records it when the service placed it. */
    Expected deduct(Op.Deduct op) {
        Deduction stored = deductions.get(op.order());
        if (stored != null) {
            return stored.lines().equals(op.lines()) ? Expected.ok(200) : Expected.problem(409, "order-conflict");
        }
        return fits(op.lines()) ? Expected.ok(201) : Expected.problem(409, "insufficient-stock");
    }

    void deducted(Op.Deduct op, String id) {
        op.lines().forEach((product, quantity) -> products.get(product).stock -= quantity);
        deductions.put(op.order(), new Deduction(id, op.lines(), false));
    }

    Expected cancel(Op.Cancel op) {
        Deduction stored = deductions.get(op.order());
        if (stored == null) {
            return Expected.problem(404, "deduction-not-found");
        }
        if (!stored.cancelled()) {
            stored.lines().forEach((product, quantity) -> products.get(product).stock += quantity);
            deductions.put(op.order(), new Deduction(stored.id(), stored.lines(), true));
        }
        return Expected.ok(200);
    }

    Expected reserve(Op.Reserve op) {
        Reservation stored = reservations.get(op.order());
        if (stored != null) {
            return stored.lines.equals(op.lines()) ? Expected.ok(200) : Expected.problem(409, "order-conflict");
        }
        return fits(op.lines()) ? Expected.ok(201) : Expected.problem(409, "insufficient-stock");
    }

    void reserved(Op.Reserve op, String id, Instant expiresAt) {
        op.lines().forEach((product, quantity) -> products.get(product).reserved += quantity);
        reservations.put(op.order(), new Reservation(id, op.lines(), expiresAt));
    }

    Expected confirm(Op.Confirm op, Instant now) {
        Reservation reservation = reservations.get(op.order());
        if (reservation == null) {
            return Expected.problem(404, "reservation-not-found");
        }
        switch (reservation.status) {
            case "CONFIRMED" -> {
                return Expected.ok(200);
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
        return deductions.containsKey(op.order()) ? Expected.problem(409, "order-conflict") : Expected.ok(200);
    }

    void confirmed(Op.Confirm op, String deductionId) {
        Reservation reservation = reservations.get(op.order());
        if (reservation.status.equals("CONFIRMED")) {
            return;
        }
        reservation.lines.forEach((product, quantity) -> {
            products.get(product).stock -= quantity;
            products.get(product).reserved -= quantity;
        });
        reservation.status = "CONFIRMED";
        deductions.put(op.order(), new Deduction(deductionId, reservation.lines, false));
    }

    Expected release(Op.Release op, Instant now) {
        Reservation reservation = reservations.get(op.order());
        if (reservation == null) {
            return Expected.problem(404, "reservation-not-found");
        }
        if (reservation.status.equals("CONFIRMED")) {
            return Expected.problem(409, "reservation-confirmed");
        }
        if (reservation.status.equals("ACTIVE")) {
            giveBack(reservation);
            reservation.status = reservation.overdueAt(now) ? "EXPIRED" : "RELEASED";
        }
        return Expected.ok(200);
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
            default -> reservation.overdueAt(now) ? Expected.problem(409, "reservation-expired") : Expected.ok(200);
        };
    }

    /** Every active reservation whose time is up at {@code now} expires, its units back. */
    void sweep(Instant now) {
        reservations.values().stream().filter(reservation -> reservation.overdueAt(now)).forEach(reservation -> {
            giveBack(reservation);
            reservation.status = "EXPIRED";
        });
    }

    private void giveBack(Reservation reservation) {
        reservation.lines.forEach((product, quantity) -> products.get(product).reserved -= quantity);
    }

    private boolean fits(Map<Integer, Integer> lines) {
        return lines.entrySet().stream().allMatch(line -> {
            Product product = products.get(line.getKey());
            return product.stock - product.reserved >= line.getValue();
        });
    }
}
