package com.example.inventory.model;

import com.example.inventory.HttpApi;
import com.example.inventory.Race;
import com.example.inventory.ServiceInstance;
import com.example.inventory.TestClock;
import com.example.inventory.TestDatabase;
import com.example.inventory.reservation.ReservationService;
import com.example.inventory.stock.PlacementMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.example.inventory.HttpApi.Response;
import com.example.inventory.model.InventoryModel.Expected;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.springframework.jdbc.core.simple.JdbcClient;

import static com.example.inventory.HttpApi.unique;
import static com.example.inventory.Ledgers.assertLedgerMatchesStock;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of everything a client can do — create, restock, deduct with each strategy, replay, cancel,
 * reserve, confirm, release, extend, and time running out — run against the service and against a small in-memory
 * model of the contract ({@link InventoryModel}); every answer and every product's counters must agree after every
 * step. A concurrent variant runs several random sequences at once and checks the final state against the
 * conservation laws. jqwik shrinks a failing sequence to a minimal one, which then becomes a regular test.
 */
class InventoryModelIT {

    private static final int PRODUCTS = 3;
    private static final int ORDERS = 5;
    private static final String UNKNOWN_ID = "0190b6c4-0000-7000-8000-000000000000";

    private static ServiceInstance service;
    private static HttpApi api;
    private static JdbcClient jdbc;

    record Scenario(List<Integer> initialStock, List<Op> ops) {
    }

    @BeforeContainer
    static void start() {
        // The sweep is one of the model's steps (Tick), so the schedule must not sweep on its own.
        service = ServiceInstance.start("inventory.reservation.sweep-interval=1h");
        api = service.api();
        TestDatabase database = TestDatabase.shared();
        jdbc = database.jdbc();
    }

    @AfterContainer
    static void stop() {
        service.close();
    }

    @Property(tries = 40, edgeCases = EdgeCasesMode.NONE)
    void everyAnswerAndEveryCounterAgreesWithTheModel(@ForAll("scenarios") Scenario scenario) {
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

    @Property(tries = 8, edgeCases = EdgeCasesMode.NONE)
    void concurrentSequencesKeepTheConservationLaws(@ForAll("stocks") List<Integer> initialStock,
                                                    @ForAll("sequences") List<List<Op>> sequences)
            throws Exception {
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
        Statistics.label("answers").collect(op.getClass().getSimpleName() + " " + response.status()
                + (expected.problem() == null ? "" : " " + expected.problem()));
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

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(stocks(), operation().list().ofMinSize(1).ofMaxSize(40)
                .withSizeDistribution(RandomDistribution.uniform())).as(Scenario::new);
    }

    @Provide
    Arbitrary<List<Integer>> stocks() {
        return Arbitraries.integers().between(0, 30).list().ofSize(PRODUCTS);
    }

    @Provide
    Arbitrary<List<List<Op>>> sequences() {
        return operation().list().ofMinSize(5).ofMaxSize(25).withSizeDistribution(RandomDistribution.uniform())
                .list().ofMinSize(2).ofMaxSize(5);
    }

    private static Arbitrary<Op> operation() {
        Arbitrary<Integer> product = Arbitraries.integers().between(0, PRODUCTS - 1);
        Arbitrary<Integer> order = Arbitraries.integers().between(0, ORDERS - 1);
        Arbitrary<PlacementMode> strategy = Arbitraries.of(PlacementMode.class);
        Arbitrary<Map<Integer, Integer>> lines = Arbitraries.maps(product, Arbitraries.integers().between(1, 8))
                .ofMinSize(1).ofMaxSize(2);
        Arbitrary<Integer> ttl = Arbitraries.integers().between(30, 120);
        return Arbitraries.frequencyOf(
                Tuple.of(2, Combinators.combine(product, Arbitraries.integers().between(1, 20)).as(Op.Restock::new)),
                Tuple.of(6, Combinators.combine(strategy, order, lines).as(Op.Deduct::new)),
                Tuple.of(2, order.map(Op.Cancel::new)),
                Tuple.of(5, Combinators.combine(strategy, order, lines, ttl).as(Op.Reserve::new)),
                Tuple.of(3, order.map(Op.Confirm::new)),
                Tuple.of(2, order.map(Op.Release::new)),
                Tuple.of(1, Combinators.combine(order, ttl).as(Op.Extend::new)),
                Tuple.of(2, Arbitraries.integers().between(1, 120).map(Op.Tick::new)));
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
