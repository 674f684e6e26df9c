package com.example.inventory.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.example.inventory.HttpApi;
import com.example.inventory.HttpApi.Response;
import com.example.inventory.Race;
import com.example.inventory.ServiceInstance;
import com.example.inventory.TestClock;
import com.example.inventory.TestDatabase;
import com.example.inventory.model.InventoryModel.Expected;
import com.example.inventory.reservation.ReservationService;
import com.example.inventory.stock.PlacementMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.example.inventory.HttpApi.unique;
import static com.example.inventory.Ledgers.assertLedgerMatchesStock;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of everything a client can do — create, restock, deduct with each strategy, replay, cancel,
 * reserve, confirm, release, extend, and time running out — run against the service and against a small in-memory
 * model of the contract ({@link InventoryModel}); every answer and every product's counters must agree after every
 * step. A concurrent variant runs several random sequences at once and checks the final state against the
 * conservation laws. Each run prints its seed; a failing case is shrunk to a minimal one by dropping operations,
 * and reported with the seed that replays it ({@link SeededProperty}), so that it can become a regular test.
 */
class InventoryModelIT {

    private static final int PRODUCTS = 3;
    private static final int ORDERS = 5;
    private static final String UNKNOWN_ID = "0190b6c4-0000-7000-8000-000000000000";
    private static final Map<String, Integer> answers = new ConcurrentHashMap<>();

    private static ServiceInstance service;
    private static HttpApi api;
    private static JdbcClient jdbc;

    record Scenario(List<Integer> initialStock, List<Op> ops) {

        List<Scenario> smaller() {
            return SeededProperty.withoutRuns(ops).stream().map(fewer -> new Scenario(initialStock, fewer)).toList();
        }

        @Override
        public String toString() {
            return "initial stock " + initialStock + ", " + ops.size() + " operations:" + lines(ops);
        }
    }

    record Concurrent(List<Integer> initialStock, List<List<Op>> sequences) {

        /** Without one whole sequence, or without a run of one sequence's operations. */
        List<Concurrent> smaller() {
            List<Concurrent> smaller = new ArrayList<>();
            if (sequences.size() > 1) {
                for (int i = 0; i < sequences.size(); i++) {
                    List<List<Op>> fewer = new ArrayList<>(sequences);
                    fewer.remove(i);
                    smaller.add(new Concurrent(initialStock, fewer));
                }
            }
            for (int i = 0; i < sequences.size(); i++) {
                for (List<Op> shorter : SeededProperty.withoutRuns(sequences.get(i))) {
                    if (!shorter.isEmpty()) {
                        List<List<Op>> fewer = new ArrayList<>(sequences);
                        fewer.set(i, shorter);
                        smaller.add(new Concurrent(initialStock, fewer));
                    }
                }
            }
            return smaller;
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("initial stock " + initialStock + ", " + sequences.size()
                    + " concurrent sequences:");
            for (int i = 0; i < sequences.size(); i++) {
                text.append("\n thread ").append(i).append(':').append(lines(sequences.get(i)));
            }
            return text.toString();
        }
    }

    private static String lines(List<Op> ops) {
        return ops.stream().map(op -> "\n   " + op).collect(Collectors.joining());
    }

    @BeforeAll
    static void start() {
        // The sweep is one of the model's steps (Tick), so the schedule must not sweep on its own.
        service = ServiceInstance.start("inventory.reservation.sweep-interval=1h");
        api = service.api();
        TestDatabase database = TestDatabase.shared();
        jdbc = database.jdbc();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void everyAnswerAndEveryCounterAgreesWithTheModel() {
        try {
            SeededProperty.check("everyAnswerAndEveryCounterAgreesWithTheModel", 40,
                    random -> new Scenario(stocks(random), operations(random, 1, 40)), Scenario::smaller,
                    InventoryModelIT::agreesWithTheModel);
        } finally {
            printAnswers();
        }
    }

    @Test
    void concurrentSequencesKeepTheConservationLaws() {
        SeededProperty.check("concurrentSequencesKeepTheConservationLaws", 8, random -> {
            List<Integer> initialStock = stocks(random);
            List<List<Op>> sequences = new ArrayList<>();
            for (int i = between(random, 2, 5); i > 0; i--) {
                sequences.add(operations(random, 5, 25));
            }
            return new Concurrent(initialStock, sequences);
        }, Concurrent::smaller, InventoryModelIT::keepsTheConservationLaws);
    }

    private static void agreesWithTheModel(Scenario scenario) {
        Names names = new Names();
        InventoryModel model = new InventoryModel(scenario.initialStock());
        for (int i = 0; i < PRODUCTS; i++) {
            api.createProduct(names.sku(i), scenario.initialStock().get(i));
        }
        for (Op op : scenario.ops()) {
            step(op, model, names);
            for (int i = 0; i < PRODUCTS; i++) {
                InventoryModel.Product product = model.products.get(i);
                assertThat(api.levelsOf(names.sku(i))).as("product %d after %s", i, op).containsExactly(
                        (int) product.stock, (int) product.reserved, (int) (product.stock - product.reserved));
            }
        }
        for (int i = 0; i < PRODUCTS; i++) {
            assertLedgerMatchesStock(jdbc, names.sku(i));
        }
    }

    private static void keepsTheConservationLaws(Concurrent scenario) throws Exception {
        List<Integer> initialStock = scenario.initialStock();
        List<List<Op>> sequences = scenario.sequences();
        Names names = new Names();
        for (int i = 0; i < PRODUCTS; i++) {
            api.createProduct(names.sku(i), initialStock.get(i));
        }
        List<List<Answered>> answers = Race.run(sequences.size(), sequences.size(), thread -> {
            List<Answered> mine = new ArrayList<>();
            Map<Integer, String> deductionIds = new HashMap<>();
            Map<Integer, String> reservationIds = new HashMap<>();
            for (Op op : sequences.get(thread)) {
                mine.add(new Answered(op, send(op, names, deductionIds, reservationIds)));
            }
            return mine;
        });

        long[] restocked = new long[PRODUCTS];
        for (List<Answered> thread : answers) {
            for (Answered answered : thread) {
                assertThat(answered.response().status()).as("%s", answered.op()).isLessThan(500);
                if (answered.op() instanceof Op.Restock restock && answered.response().status() == 200) {
                    restocked[restock.product()] += restock.quantity();
                }
                if (answered.response().status() == 201) {
                    String table = answered.op() instanceof Op.Deduct ? "deduction" : "reservation";
                    assertThat(jdbc.sql("SELECT count(*) FROM " + table + " WHERE id = ?::uuid")
                            .param(answered.response().json().get("id").asString()).query(Integer.class).single())
                            .as("%s answered 201 is stored", answered.op()).isEqualTo(1);
                }
            }
        }
        for (int i = 0; i < PRODUCTS; i++) {
            String sku = names.sku(i);
            long deducted = sum(sku, "deduction", "");
            long cancelled = sum(sku, "deduction", "AND o.status = 'CANCELLED'");
            long held = sum(sku, "reservation", "AND o.status = 'ACTIVE'");
            int[] levels = api.levelsOf(sku);
            assertThat(levels[0]).as("stock of product %d = initial + restocked − deducted + cancelled", i)
                    .isEqualTo(initialStock.get(i) + restocked[i] - deducted + cancelled);
            assertThat(levels[1]).as("reserved of product %d = units of active reservations", i).isEqualTo(held);
            assertLedgerMatchesStock(jdbc, sku);
        }
        assertThat(jdbc.sql("""
                SELECT count(*) FROM reservation r
                WHERE r.order_id LIKE ? AND r.status = 'CONFIRMED'
                  AND NOT EXISTS (SELECT 1 FROM deduction d WHERE d.order_id = r.order_id AND d.id = r.deduction_id)""")
                .param(names.prefix + "%").query(Integer.class).single())
                .as("every confirmed reservation has its deduction").isZero();
    }

    private record Answered(Op op, Response response) {
    }

    /** Sends one step and checks its answer against the model, which it then brings up to date. */
    private static void step(Op op, InventoryModel model, Names names) {
        Map<Integer, String> deductionIds = new HashMap<>();
        model.deductions.forEach((order, deduction) -> deductionIds.put(order, deduction.id()));
        Map<Integer, String> reservationIds = new HashMap<>();
        model.reservations.forEach((order, reservation) -> reservationIds.put(order, reservation.id));
        Instant now = TestClock.shared().instant();
        Expected expected = switch (op) {
            case Op.Restock restock -> model.restock(restock);
            case Op.Deduct deduct -> model.deduct(deduct);
            case Op.Cancel cancel -> model.cancel(cancel);
            case Op.Reserve reserve -> model.reserve(reserve);
            case Op.Confirm confirm -> model.confirm(confirm, now);
            case Op.Release release -> model.release(release, now);
            case Op.Extend extend -> model.extend(extend, now);
            case Op.Tick tick -> Expected.ok(200);
        };
        Response response = send(op, names, deductionIds, reservationIds);
        answers.merge(op.getClass().getSimpleName() + " " + response.status()
                + (expected.problem() == null ? "" : " " + expected.problem()), 1, Integer::sum);
        assertThat(response.status()).as("%s: %s", op, response).isEqualTo(expected.status());
        if (expected.problem() != null) {
            assertThat(response.problemType()).as("%s", op).isEqualTo(expected.problem());
        }
        switch (op) {
            case Op.Deduct deduct when expected.status() == 201 -> model.deducted(deduct,
                    response.json().get("id").asString());
            case Op.Reserve reserve when expected.status() == 201 -> model.reserved(reserve,
                    response.json().get("id").asString(), Instant.parse(response.json().get("expiresAt").asString()));
            case Op.Confirm confirm when expected.status() == 200 -> model.confirmed(confirm,
                    response.json().get("deductionId").asString());
            case Op.Extend extend when expected.status() == 200 -> model.reservations.get(extend.order()).expiresAt =
                    Instant.parse(response.json().get("expiresAt").asString());
            case Op.Tick tick -> model.sweep(TestClock.shared().instant());
            default -> {
            }
        }
    }

    /** Sends what {@code op} asks for; a Tick moves the clock and sweeps, and answers 200. */
    private static Response send(Op op, Names names, Map<Integer, String> deductionIds,
                                 Map<Integer, String> reservationIds) {
        return switch (op) {
            case Op.Restock restock -> api.post("/api/v1/products/" + names.sku(restock.product()) + "/restock",
                    "{\"quantity\":" + restock.quantity() + "}");
            case Op.Deduct deduct -> remember(api.deduct(deduct.strategy().value(), names.order(deduct.order()),
                    names.pairs(deduct.lines())), deduct.order(), deductionIds);
            case Op.Cancel cancel -> api.post("/api/v1/deductions/"
                    + deductionIds.getOrDefault(cancel.order(), UNKNOWN_ID) + "/cancel");
            case Op.Reserve reserve -> remember(api.reserve(reserve.strategy().value(), names.order(reserve.order()),
                    reserve.ttlSeconds(), names.pairs(reserve.lines())), reserve.order(), reservationIds);
            case Op.Confirm confirm -> rememberDeduction(api.decide(
                    reservationIds.getOrDefault(confirm.order(), UNKNOWN_ID), "confirm"), confirm.order(),
                    deductionIds);
            case Op.Release release -> api.decide(reservationIds.getOrDefault(release.order(), UNKNOWN_ID), "release");
            case Op.Extend extend -> api.post("/api/v1/reservations/"
                    + reservationIds.getOrDefault(extend.order(), UNKNOWN_ID) + "/extend",
                    "{\"ttlSeconds\":" + extend.ttlSeconds() + "}");
            case Op.Tick tick -> {
                TestClock.shared().advance(Duration.ofSeconds(tick.seconds()));
                service.bean(ReservationService.class).expireOverdue(10_000);
                yield api.get("/actuator/health/readiness");
            }
        };
    }

    private static Response remember(Response response, int order, Map<Integer, String> ids) {
        if (response.status() == 201 || response.status() == 200) {
            ids.putIfAbsent(order, response.json().get("id").asString());
        }
        return response;
    }

    private static Response rememberDeduction(Response response, int order, Map<Integer, String> deductionIds) {
        if (response.status() == 200) {
            deductionIds.putIfAbsent(order, response.json().get("deductionId").asString());
        }
        return response;
    }

    /** Units of {@code sku} over the lines of this run's deductions or reservations matching {@code condition}. */
    private static long sum(String sku, String table, String condition) {
        return jdbc.sql("SELECT coalesce(sum(l.quantity), 0) FROM " + table + "_line l JOIN " + table
                + " o ON o.id = l." + table + "_id WHERE l.sku = ? " + condition).param(sku).query(Long.class)
                .single();
    }

    private static List<Integer> stocks(Random random) {
        List<Integer> stocks = new ArrayList<>();
        for (int i = 0; i < PRODUCTS; i++) {
            stocks.add(between(random, 0, 30));
        }
        return stocks;
    }

    /** Between {@code min} and {@code max} operations, their number uniformly distributed. */
    private static List<Op> operations(Random random, int min, int max) {
        List<Op> ops = new ArrayList<>();
        for (int i = between(random, min, max); i > 0; i--) {
            ops.add(operation(random));
        }
        return ops;
    }

    /** Weighted 2 restock, 6 deduct, 2 cancel, 5 reserve, 3 confirm, 2 release, 1 extend, 2 tick. */
    private static Op operation(Random random) {
        int pick = random.nextInt(23);
        if (pick < 2) {
            return new Op.Restock(product(random), between(random, 1, 20));
        } else if (pick < 8) {
            return new Op.Deduct(strategy(random), order(random), lines(random));
        } else if (pick < 10) {
            return new Op.Cancel(order(random));
        } else if (pick < 15) {
            return new Op.Reserve(strategy(random), order(random), lines(random), ttl(random));
        } else if (pick < 18) {
            return new Op.Confirm(order(random));
        } else if (pick < 20) {
            return new Op.Release(order(random));
        } else if (pick < 21) {
            return new Op.Extend(order(random), ttl(random));
        }
        return new Op.Tick(between(random, 1, 120));
    }

    /** One or two lines, on distinct products, in a fixed order (so a replay sends the same request). */
    private static Map<Integer, Integer> lines(Random random) {
        Map<Integer, Integer> lines = new LinkedHashMap<>();
        int first = product(random);
        lines.put(first, between(random, 1, 8));
        if (random.nextBoolean()) {
            lines.put((first + between(random, 1, PRODUCTS - 1)) % PRODUCTS, between(random, 1, 8));
        }
        return Collections.unmodifiableMap(lines);
    }

    private static int product(Random random) {
        return random.nextInt(PRODUCTS);
    }

    private static int order(Random random) {
        return random.nextInt(ORDERS);
    }

    private static PlacementMode strategy(Random random) {
        return PlacementMode.values()[random.nextInt(PlacementMode.values().length)];
    }

    private static int ttl(Random random) {
        return between(random, 30, 120);
    }

    private static int between(Random random, int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** How often each answer came, so that a run shows which corners of the contract it reached. */
    private static void printAnswers() {
        int total = answers.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder text = new StringBuilder("answers over " + total + " steps:");
        answers.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(answer -> text.append("%n  %-34s %4d  %5.2f %%".formatted(answer.getKey(), answer.getValue(),
                        100.0 * answer.getValue() / total)));
        System.out.println(text);
    }

    /** The SKUs and order ids of one try: its own, so tries never meet. */
    private static final class Names {
        final String prefix = unique("M");

        String sku(int product) {
            return prefix + "-P" + product;
        }

        String order(int order) {
            return prefix + "-O" + order;
        }

        Object[] pairs(Map<Integer, Integer> lines) {
            List<Object> pairs = new ArrayList<>();
            lines.forEach((product, quantity) -> {
                pairs.add(sku(product));
                pairs.add(quantity);
            });
            return pairs.toArray();
        }
    }
}
