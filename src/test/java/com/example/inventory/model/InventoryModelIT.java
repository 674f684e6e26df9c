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
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.example.inventory.HttpApi;
import com.example.inventory.HttpApi.Response;
import com.example.inventory.Race;
import com.example.inventory.ServiceInstance;
import com.example.inventory.TestClock;
import com.example.inventory.TestDatabase;
import com.example.inventory.location.LocationApi;
import com.example.inventory.model.InventoryModel.Entry;
import com.example.inventory.model.InventoryModel.Expected;
import com.example.inventory.model.InventoryModel.Location;
import com.example.inventory.model.InventoryModel.ShownLine;
import com.example.inventory.model.InventoryModel.Shortage;
import com.example.inventory.model.InventoryModel.Take;
import com.example.inventory.model.Op.Place;
import com.example.inventory.model.Op.Stocking;
import com.example.inventory.reservation.ReservationService;
import com.example.inventory.stock.PlacementMode;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static com.example.inventory.HttpApi.unique;
import static com.example.inventory.Ledgers.assertLedgerMatchesStock;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of everything a client can do — create locations and products (with plain stock or with stock at
 * several locations), restock (at a location, maybe one where the product has no row yet), deduct and reserve with
 * each strategy (lines pinned to a location or allocated), replay, cancel, confirm, release, extend, time running
 * out, and name a location that does not exist — run against the service and against a small in-memory model of the
 * contract ({@link InventoryModel}); every answer (status, problem, an order's lines and allocations, what a refusal
 * says is available) and every product's rows must agree after every step, and at the end each product's ledger must
 * be the one the model wrote. A concurrent variant runs several random sequences at once and checks the final state,
 * per product and location, against the conservation laws and what the answers said. Each run prints its seed; a
 * failing case is shrunk to a minimal one by dropping operations, and reported with the seed that replays it
 * ({@link SeededProperty}), so that it can become a regular test.
 */
class InventoryModelIT {

    private static final int PRODUCTS = 3;
    private static final int ORDERS = 5;
    private static final String UNKNOWN_ID = "0190b6c4-0000-7000-8000-000000000000";
    /**
     * How location codes begin: some sort before {@code DEFAULT}, some after it, and some apart only in the ASCII order
     * of punctuation and case ({@code A-} before {@code A.} before {@code AB} before {@code Ab}), which a collation
     * other than the code's characters would order otherwise.
     */
    private static final List<String> TAGS = List.of("0", "A-", "A.", "AB", "Ab", "D", "DEFAULT-", "E", "a", "b-");
    private static final Map<String, Integer> answers = new ConcurrentHashMap<>();

    private static ServiceInstance service;
    private static HttpApi api;
    private static LocationApi locationApi;
    private static JdbcClient jdbc;

    record Scenario(List<Place> places, List<Stocking> products, List<Op> ops) {

        List<Scenario> smaller() {
            return SeededProperty.withoutRuns(ops).stream().map(fewer -> new Scenario(places, products, fewer))
                    .toList();
        }

        @Override
        public String toString() {
            return "locations " + places + ", products " + products + ", " + ops.size() + " operations:"
                    + lines(ops);
        }
    }

    record Concurrent(List<Place> places, List<Stocking> products, List<List<Op>> sequences) {

        /** Without one whole sequence, or without a run of one sequence's operations. */
        List<Concurrent> smaller() {
            List<Concurrent> smaller = new ArrayList<>();
            if (sequences.size() > 1) {
                for (int i = 0; i < sequences.size(); i++) {
                    List<List<Op>> fewer = new ArrayList<>(sequences);
                    fewer.remove(i);
                    smaller.add(new Concurrent(places, products, fewer));
                }
            }
            for (int i = 0; i < sequences.size(); i++) {
                for (List<Op> shorter : SeededProperty.withoutRuns(sequences.get(i))) {
                    if (!shorter.isEmpty()) {
                        List<List<Op>> fewer = new ArrayList<>(sequences);
                        fewer.set(i, shorter);
                        smaller.add(new Concurrent(places, products, fewer));
                    }
                }
            }
            return smaller;
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("locations " + places + ", products " + products + ", "
                    + sequences.size() + " concurrent sequences:");
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
        locationApi = new LocationApi(api);
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
            SeededProperty.check("everyAnswerAndEveryCounterAgreesWithTheModel", 40, random -> {
                List<Place> places = places(random);
                return new Scenario(places, stockings(random, places.size()),
                        operations(random, places.size(), 1, 40));
            }, Scenario::smaller, InventoryModelIT::agreesWithTheModel);
        } finally {
            printAnswers();
        }
    }

    @Test
    void concurrentSequencesKeepTheConservationLaws() {
        SeededProperty.check("concurrentSequencesKeepTheConservationLaws", 8, random -> {
            List<Place> places = places(random);
            List<Stocking> products = stockings(random, places.size());
            List<List<Op>> sequences = new ArrayList<>();
            for (int i = between(random, 2, 5); i > 0; i--) {
                sequences.add(operations(random, places.size(), 5, 25));
            }
            return new Concurrent(places, products, sequences);
        }, Concurrent::smaller, InventoryModelIT::keepsTheConservationLaws);
    }

    private static void agreesWithTheModel(Scenario scenario) {
        Names names = new Names(scenario.places());
        InventoryModel model = new InventoryModel(names.locations(), names.code(Place.NOWHERE), scenario.products());
        names.createLocations();
        for (int i = 0; i < PRODUCTS; i++) {
            Response created = create(names, i, scenario.products().get(i));
            assertThat(created.status()).as("creating product %d: %s", i, created).isEqualTo(201);
            assertViewAgrees(created.json(), model, i, "product %d as created", i);
        }
        for (Op op : scenario.ops()) {
            step(op, model, names);
            for (int i = 0; i < PRODUCTS; i++) {
                assertViewAgrees(locationApi.view(names.sku(i)), model, i, "product %d after %s", i, op);
            }
        }
        for (int i = 0; i < PRODUCTS; i++) {
            String sku = names.sku(i);
            List<Entry> ledger = locationApi.movements(sku).stream().map(entry -> new Entry(
                    entry.get("kind").asString(), entry.get("location").asString(), entry.get("quantity").asInt(),
                    entry.get("reference").isNull() ? null : names.orderIndex(entry.get("reference").asString()),
                    entry.get("stockAfter").asLong())).toList();
            assertThat(ledger).as("ledger of product %d (kind, location, quantity, order, stockAfter)", i)
                    .containsExactlyInAnyOrderElementsOf(model.products.get(i).ledger);
            locationApi.assertLedgerMatchesRows(sku);
            assertLedgerMatchesStock(jdbc, sku);
        }
    }

    /** The product view's figures and rows (by priority, then code) are the model's. */
    private static void assertViewAgrees(JsonNode view, InventoryModel model, int product, String description,
                                         Object... args) {
        InventoryModel.Product expected = model.products.get(product);
        List<String> rows = new ArrayList<>();
        view.get("locations").forEach(row -> rows.add(row.get("location").asString() + " "
                + row.get("stock").asLong() + "/" + row.get("reserved").asLong() + "/"
                + row.get("available").asLong()));
        List<String> expectedRows = model.rowsShown(product).stream().map(row -> row.getKey() + " "
                + row.getValue().stock + "/" + row.getValue().reserved + "/" + row.getValue().available()).toList();
        assertThat(rows).as(description + ": locations (stock/reserved/available) of %s", append(args, view))
                .containsExactlyElementsOf(expectedRows);
        assertThat(List.of(view.get("stock").asLong(), view.get("reserved").asLong(), view.get("available").asLong()))
                .as(description + ": stock, reserved, available of %s", append(args, view))
                .containsExactly(expected.stock(), expected.reserved(), expected.stock() - expected.reserved());
    }

    private static Object[] append(Object[] args, Object last) {
        Object[] all = new Object[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = last;
        return all;
    }

    private static void keepsTheConservationLaws(Concurrent scenario) throws Exception {
        List<List<Op>> sequences = scenario.sequences();
        Names names = new Names(scenario.places());
        names.createLocations();
        for (int i = 0; i < PRODUCTS; i++) {
            Response created = create(names, i, scenario.products().get(i));
            assertThat(created.status()).as("creating product %d: %s", i, created).isEqualTo(201);
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

        // Units per product and location code: restocked, and where each order id's answers said they went.
        List<Map<String, Long>> restocked = new ArrayList<>();
        for (int i = 0; i < PRODUCTS; i++) {
            restocked.add(new HashMap<>());
        }
        Map<String, Map<Integer, List<Take>>> deductionAllocations = new HashMap<>();
        Map<String, Map<Integer, List<Take>>> reservationAllocations = new HashMap<>();
        for (List<Answered> thread : answers) {
            for (Answered answered : thread) {
                Op op = answered.op();
                Response response = answered.response();
                assertThat(response.status()).as("%s: %s", op, response).isLessThan(500);
                if (op instanceof Op.Restock restock && response.status() == 200) {
                    restocked.get(restock.product()).merge(names.code(restock.at() == null ? Place.DEFAULT
                            : restock.at()), (long) restock.quantity(), Long::sum);
                }
                if (response.status() == 201) {
                    String table = op instanceof Op.Deduct ? "deduction" : "reservation";
                    assertThat(jdbc.sql("SELECT count(*) FROM " + table + " WHERE id = ?::uuid")
                            .param(response.json().get("id").asString()).query(Integer.class).single())
                            .as("%s answered 201 is stored", op).isEqualTo(1);
                }
                Map<Integer, Op.Line> request = op instanceof Op.Deduct deduct ? deduct.lines()
                        : op instanceof Op.Reserve reserve ? reserve.lines() : null;
                if (request != null && (response.status() == 201 || response.status() == 200)) {
                    Map<Integer, List<Take>> allocations = allocationsOf(response.json(), names);
                    assertAllocationsServe(request, allocations, names, op);
                    (op instanceof Op.Deduct ? deductionAllocations : reservationAllocations).merge(
                            response.json().get("id").asString(), allocations, (stored, again) -> {
                                assertThat(again).as("%s: a replay shows the same allocations", op).isEqualTo(stored);
                                return stored;
                            });
                }
                if (op instanceof Op.Confirm && response.status() == 200) {
                    Map<Integer, List<Take>> held = allocationsOf(response.json(), names);
                    reservationAllocations.merge(response.json().get("id").asString(), held, (stored, again) -> {
                        assertThat(again).as("%s: the confirmed reservation shows its allocations", op)
                                .isEqualTo(stored);
                        return stored;
                    });
                    deductionAllocations.merge(response.json().get("deductionId").asString(), held,
                            (stored, again) -> {
                                assertThat(again).as("%s: its deduction has the allocations held", op)
                                        .isEqualTo(stored);
                                return stored;
                            });
                }
            }
        }

        // What is left at each row: the initial stock and the restocks, less what COMPLETED deductions took; what
        // ACTIVE reservations hold, as stored (GET) and as their answers said.
        List<Map<String, Long>> stock = new ArrayList<>();
        List<Map<String, Long>> reserved = new ArrayList<>();
        for (int i = 0; i < PRODUCTS; i++) {
            Map<String, Long> rows = new HashMap<>();
            Stocking stocking = scenario.products().get(i);
            if (stocking.stock() != null) {
                rows.put(names.code(Place.DEFAULT), (long) stocking.stock());
            } else {
                stocking.locations().forEach((token, units) -> rows.put(names.code(token), (long) units));
            }
            restocked.get(i).forEach((code, units) -> rows.merge(code, units, Long::sum));
            stock.add(rows);
            reserved.add(new HashMap<>());
        }
        deductionAllocations.forEach((id, allocations) -> {
            JsonNode deduction = ok(api.get("/api/v1/deductions/" + id));
            assertThat(allocationsOf(deduction, names)).as("deduction %s read shows its allocations", id)
                    .isEqualTo(allocations);
            if (deduction.get("status").asString().equals("COMPLETED")) {
                allocations.forEach((product, takes) -> takes.forEach(take -> stock.get(product)
                        .merge(take.location(), (long) -take.quantity(), Long::sum)));
            }
        });
        reservationAllocations.forEach((id, allocations) -> {
            JsonNode reservation = ok(api.get("/api/v1/reservations/" + id));
            assertThat(allocationsOf(reservation, names)).as("reservation %s read shows its allocations", id)
                    .isEqualTo(allocations);
            if (reservation.get("status").asString().equals("ACTIVE")) {
                allocations.forEach((product, takes) -> takes.forEach(take -> reserved.get(product)
                        .merge(take.location(), (long) take.quantity(), Long::sum)));
            }
        });

        for (int i = 0; i < PRODUCTS; i++) {
            String sku = names.sku(i);
            Map<String, LocationApi.Row> rows = locationApi.rows(sku);
            assertThat(rows.keySet()).as("rows of product %d: where it was created or restocked", i)
                    .containsExactlyInAnyOrderElementsOf(stock.get(i).keySet());
            for (String code : rows.keySet()) {
                assertThat((long) rows.get(code).stock())
                        .as("stock of product %d at %s = initial + restocked − taken by completed deductions", i, code)
                        .isEqualTo(stock.get(i).get(code));
                assertThat((long) rows.get(code).reserved())
                        .as("reserved of product %d at %s = held there by active reservations", i, code)
                        .isEqualTo(reserved.get(i).getOrDefault(code, 0L));
            }
            long deducted = sum(sku, "deduction", "");
            long cancelled = sum(sku, "deduction", "AND o.status = 'CANCELLED'");
            long held = sum(sku, "reservation", "AND o.status = 'ACTIVE'");
            Stocking stocking = scenario.products().get(i);
            long initial = stocking.stock() != null ? stocking.stock()
                    : stocking.locations().values().stream().mapToLong(Integer::longValue).sum();
            long restocks = restocked.get(i).values().stream().mapToLong(Long::longValue).sum();
            int[] levels = api.levelsOf(sku);
            assertThat(levels[0]).as("stock of product %d = initial + restocked − deducted + cancelled", i)
                    .isEqualTo(initial + restocks - deducted + cancelled);
            assertThat(levels[1]).as("reserved of product %d = units of active reservations", i).isEqualTo(held);
            locationApi.assertLedgerMatchesRows(sku);
            assertLedgerMatchesStock(jdbc, sku);
        }
        assertThat(jdbc.sql("""
                SELECT count(*) FROM reservation r
                WHERE r.order_id LIKE ? AND r.status = 'CONFIRMED'
                  AND NOT EXISTS (SELECT 1 FROM deduction d WHERE d.order_id = r.order_id AND d.id = r.deduction_id)""")
                .param(names.prefix + "%").query(Integer.class).single())
                .as("every confirmed reservation has its deduction").isZero();
    }

    private static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /**
     * An order's allocations serve its request: each line's sum to its quantity, none is 0, each location at most
     * once, a pinned line's at its location only.
     */
    private static void assertAllocationsServe(Map<Integer, Op.Line> request, Map<Integer, List<Take>> allocations,
                                               Names names, Op op) {
        assertThat(allocations.keySet()).as("%s: its lines", op).isEqualTo(request.keySet());
        request.forEach((product, line) -> {
            List<Take> takes = allocations.get(product);
            assertThat(takes.stream().mapToInt(Take::quantity).sum()).as("%s: product %d's allocations %s", op,
                    product, takes).isEqualTo(line.quantity());
            assertThat(takes).as("%s: product %d's allocations", op, product)
                    .allSatisfy(take -> assertThat(take.quantity()).isPositive())
                    .extracting(Take::location).doesNotHaveDuplicates();
            if (line.at() != null) {
                assertThat(takes).as("%s: product %d's pinned line", op, product)
                        .containsExactly(new Take(names.code(line.at()), line.quantity()));
            }
        });
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
            case Op.CreateNowhere nowhere -> model.createNowhere();
        };
        Response response = send(op, names, deductionIds, reservationIds);
        answers.merge(op.getClass().getSimpleName() + " " + response.status()
                + (expected.problem() == null ? "" : " " + expected.problem())
                + (expected.tag().isEmpty() ? "" : " (" + expected.tag() + ")"), 1, Integer::sum);
        assertThat(response.status()).as("%s: %s", op, response).isEqualTo(expected.status());
        if (expected.problem() != null) {
            assertThat(response.problemType()).as("%s", op).isEqualTo(expected.problem());
        }
        assertBodyAgrees(op, expected, response, model, names);
        if (expected.lines() != null && (expected.status() == 201 || op instanceof Op.Confirm)) {
            // A read shows the lines as the answer did (a confirmation's deduction: the units held).
            String read = op instanceof Op.Deduct ? "/api/v1/deductions/" + response.json().get("id").asString()
                    : op instanceof Op.Reserve ? "/api/v1/reservations/" + response.json().get("id").asString()
                    : "/api/v1/deductions/" + response.json().get("deductionId").asString();
            InventoryModel.Deduction confirmed = op instanceof Op.Confirm confirm
                    ? model.deductions.get(confirm.order()) : null;
            String status = !(op instanceof Op.Confirm) ? expected.orderStatus()
                    : confirmed != null && confirmed.cancelled() ? "CANCELLED" : "COMPLETED";
            Response shown = api.get(read);
            assertThat(shown.status()).as("%s, then GET %s: %s", op, read, shown).isEqualTo(200);
            assertBodyAgrees(op, Expected.order(200, status, expected.lines(), ""), shown, model, names);
        }
        switch (op) {
            case Op.Deduct deduct when expected.status() == 201 -> model.deducted(deduct, expected,
                    response.json().get("id").asString());
            case Op.Reserve reserve when expected.status() == 201 -> model.reserved(reserve, expected,
                    response.json().get("id").asString(), Instant.parse(response.json().get("expiresAt").asString()));
            case Op.Confirm confirm when expected.status() == 200 -> model.confirmed(confirm,
                    response.json().get("deductionId").asString());
            case Op.Extend extend when expected.status() == 200 -> model.reservations.get(extend.order()).expiresAt =
                    Instant.parse(response.json().get("expiresAt").asString());
            case Op.Tick tick -> model.sweep(TestClock.shared().instant());
            case Op.CreateNowhere nowhere -> assertThat(api.get("/api/v1/products/" + names.sku(PRODUCTS)).status())
                    .as("%s created nothing", op).isEqualTo(404);
            default -> {
            }
        }
    }

    /** The members of the answer the model predicts: an order's status and lines, a problem's members, a product. */
    private static void assertBodyAgrees(Op op, Expected expected, Response response, InventoryModel model,
                                         Names names) {
        if (expected.lines() != null) {
            JsonNode order = response.json();
            assertThat(order.get("status").asString()).as("%s: status of %s", op, response)
                    .isEqualTo(expected.orderStatus());
            Map<Integer, ShownLine> lines = new TreeMap<>();
            for (JsonNode item : order.get("items")) {
                ShownLine previous = lines.put(names.productIndex(item.get("sku").asString()), new ShownLine(
                        item.get("quantity").asInt(), item.get("location").isNull() ? null
                        : item.get("location").asString(), takes(item)));
                assertThat(previous).as("%s: a SKU twice in %s", op, response).isNull();
            }
            assertThat(lines).as("%s: lines (quantity, pinned location, allocations) of %s", op, response)
                    .isEqualTo(expected.lines());
        }
        if ("insufficient-stock".equals(expected.problem())) {
            JsonNode problem = response.json();
            Shortage said = new Shortage(names.productIndex(problem.get("sku").asString()),
                    problem.get("requested").asInt(), problem.get("available").asInt());
            assertThat(expected.shortages()).as("%s: the line %s names (product, requested, available) is one "
                    + "that cannot get its units", op, response).contains(said);
        }
        if (expected.location() != null) {
            assertThat(response.json().get("location").asString()).as("%s: %s", op, response)
                    .isEqualTo(expected.location());
        }
        if (op instanceof Op.Restock restock && expected.status() == 200) {
            assertViewAgrees(response.json(), model, restock.product(), "%s answers the product", op);
        }
    }

    /** Each line's allocations, by product index. */
    private static Map<Integer, List<Take>> allocationsOf(JsonNode order, Names names) {
        Map<Integer, List<Take>> allocations = new TreeMap<>();
        for (JsonNode item : order.get("items")) {
            allocations.put(names.productIndex(item.get("sku").asString()), takes(item));
        }
        return allocations;
    }

    private static List<Take> takes(JsonNode item) {
        return LocationApi.allocations(item).stream().map(take -> new Take(take.location(), take.quantity()))
                .toList();
    }

    /** Sends what {@code op} asks for; a Tick moves the clock and sweeps, and answers 200. */
    private static Response send(Op op, Names names, Map<Integer, String> deductionIds,
                                 Map<Integer, String> reservationIds) {
        return switch (op) {
            case Op.Restock restock -> locationApi.restock(names.sku(restock.product()), names.code(restock.at()),
                    restock.quantity());
            case Op.Deduct deduct -> remember(locationApi.deduct(deduct.strategy().value(),
                    names.order(deduct.order()), names.lines(deduct.lines())), deduct.order(), deductionIds);
            case Op.Cancel cancel -> api.post("/api/v1/deductions/"
                    + deductionIds.getOrDefault(cancel.order(), UNKNOWN_ID) + "/cancel");
            case Op.Reserve reserve -> remember(locationApi.reserve(reserve.strategy().value(),
                    names.order(reserve.order()), reserve.ttlSeconds(), names.lines(reserve.lines())),
                    reserve.order(), reservationIds);
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
            case Op.CreateNowhere nowhere -> locationApi.postProduct(names.sku(PRODUCTS),
                    LocationApi.at(names.code(Place.token(0)), 1), LocationApi.at(names.code(Place.NOWHERE), 1));
        };
    }

    private static Response create(Names names, int product, Stocking stocking) {
        if (stocking.stock() != null) {
            return api.post("/api/v1/products", "{\"sku\":\"" + names.sku(product) + "\",\"name\":\"Model "
                    + product + "\",\"stock\":" + stocking.stock() + "}");
        }
        return locationApi.postProduct(names.sku(product), stocking.locations().entrySet().stream()
                .map(row -> LocationApi.at(names.code(row.getKey()), row.getValue()))
                .toArray(LocationApi.Stock[]::new));
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

    /** Two to four locations, of distinct tags and priorities 0–2: ties among them and with DEFAULT are common. */
    private static List<Place> places(Random random) {
        List<String> tags = new ArrayList<>(TAGS);
        Collections.shuffle(tags, random);
        List<Place> places = new ArrayList<>();
        for (int i = between(random, 2, 4); i > 0; i--) {
            places.add(new Place(tags.removeLast(), random.nextInt(3)));
        }
        return places;
    }

    /**
     * A quarter of the products with plain stock (a DEFAULT row), the others at some of the locations ({@code DEFAULT}
     * among them now and then), a quarter of their rows at 0.
     */
    private static List<Stocking> stockings(Random random, int places) {
        List<Stocking> stockings = new ArrayList<>();
        for (int i = 0; i < PRODUCTS; i++) {
            if (random.nextInt(4) == 0) {
                stockings.add(Stocking.plain(between(random, 0, 30)));
                continue;
            }
            Map<String, Integer> rows = new LinkedHashMap<>();
            while (rows.isEmpty()) {
                for (int place = 0; place < places; place++) {
                    if (random.nextInt(5) < 3) {
                        rows.put(Place.token(place), stock(random));
                    }
                }
                if (random.nextInt(10) < 3) {
                    rows.put(Place.DEFAULT, stock(random));
                }
            }
            stockings.add(Stocking.at(Collections.unmodifiableMap(rows)));
        }
        return stockings;
    }

    /** A row's initial stock: 0 a quarter of the time, else up to 10, so that lines of up to 8 often split. */
    private static int stock(Random random) {
        return random.nextInt(4) == 0 ? 0 : between(random, 1, 10);
    }

    /**
     * Between {@code min} and {@code max} operations, their number uniformly distributed. A quarter of the orders for
     * an order id that an earlier one of the sequence used repeat its lines (in reverse order half the time): replays,
     * and a deduction repeating a confirmed reservation's lines.
     */
    private static List<Op> operations(Random random, int places, int min, int max) {
        List<Op> ops = new ArrayList<>();
        Map<Integer, Map<Integer, Op.Line>> asked = new HashMap<>();
        for (int i = between(random, min, max); i > 0; i--) {
            Op op = operation(random, places, asked);
            if (op instanceof Op.Deduct deduct) {
                asked.put(deduct.order(), deduct.lines());
            } else if (op instanceof Op.Reserve reserve) {
                asked.put(reserve.order(), reserve.lines());
            }
            ops.add(op);
        }
        return ops;
    }

    /** Weighted 4 restock, 12 deduct, 4 cancel, 10 reserve, 6 confirm, 4 release, 2 extend, 4 tick, 1 hostile creation. */
    private static Op operation(Random random, int places, Map<Integer, Map<Integer, Op.Line>> asked) {
        int pick = random.nextInt(47);
        if (pick < 4) {
            return new Op.Restock(product(random), between(random, 1, 20), restockAt(random, places));
        } else if (pick < 16) {
            int order = order(random);
            return new Op.Deduct(strategy(random), order, lines(random, places, asked.get(order)));
        } else if (pick < 20) {
            return new Op.Cancel(order(random));
        } else if (pick < 30) {
            int order = order(random);
            return new Op.Reserve(strategy(random), order, lines(random, places, asked.get(order)), ttl(random));
        } else if (pick < 36) {
            return new Op.Confirm(order(random));
        } else if (pick < 40) {
            return new Op.Release(order(random));
        } else if (pick < 42) {
            return new Op.Extend(order(random), ttl(random));
        } else if (pick < 46) {
            return new Op.Tick(between(random, 1, 120));
        }
        return new Op.CreateNowhere();
    }

    /** Where a restock sends its units: no location named, DEFAULT named, one of the scenario's, or NOWHERE. */
    private static @Nullable String restockAt(Random random, int places) {
        int pick = random.nextInt(20);
        if (pick < 5) {
            return null;
        } else if (pick < 8) {
            return Place.DEFAULT;
        } else if (pick < 18) {
            return Place.token(random.nextInt(places));
        }
        return Place.NOWHERE;
    }

    /**
     * One to three lines, on distinct products, in a fixed order (so a replay sends the same request), three in ten
     * pinned (to one of the scenario's locations, DEFAULT, or now and then NOWHERE); or, a quarter of the time, the
     * lines an earlier order of the same id asked for.
     */
    private static Map<Integer, Op.Line> lines(Random random, int places, @Nullable Map<Integer, Op.Line> before) {
        if (before != null && random.nextInt(4) == 0) {
            if (before.size() == 1 || random.nextBoolean()) {
                return before;
            }
            List<Map.Entry<Integer, Op.Line>> reversed = new ArrayList<>(before.entrySet());
            Collections.reverse(reversed);
            Map<Integer, Op.Line> lines = new LinkedHashMap<>();
            reversed.forEach(line -> lines.put(line.getKey(), line.getValue()));
            return Collections.unmodifiableMap(lines);
        }
        List<Integer> products = new ArrayList<>();
        for (int i = 0; i < PRODUCTS; i++) {
            products.add(i);
        }
        Collections.shuffle(products, random);
        int count = random.nextInt(10) < 5 ? 1 : random.nextInt(10) < 6 ? 2 : 3;
        Map<Integer, Op.Line> lines = new LinkedHashMap<>();
        for (int product : products.subList(0, count)) {
            lines.put(product, new Op.Line(between(random, 1, 8), pin(random, places)));
        }
        return Collections.unmodifiableMap(lines);
    }

    private static @Nullable String pin(Random random, int places) {
        int pick = random.nextInt(100);
        if (pick < 70) {
            return null;
        } else if (pick < 91) {
            return Place.token(random.nextInt(places));
        } else if (pick < 97) {
            return Place.DEFAULT;
        }
        return Place.NOWHERE;
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
                .forEach(answer -> text.append("%n  %-52s %4d  %5.2f %%".formatted(answer.getKey(), answer.getValue(),
                        100.0 * answer.getValue() / total)));
        System.out.println(text);
    }

    /** The SKUs, order ids and location codes of one try: its own, so tries never meet. */
    private static final class Names {
        final String prefix = unique("M");
        /** Shared by the try's location codes, after their tags: their order is their tags'. */
        private final String id = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        private final List<Place> places;

        Names(List<Place> places) {
            this.places = places;
        }

        String sku(int product) {
            return prefix + "-P" + product;
        }

        int productIndex(String sku) {
            assertThat(sku).as("a SKU of this try").startsWith(prefix + "-P");
            return Integer.parseInt(sku.substring((prefix + "-P").length()));
        }

        String order(int order) {
            return prefix + "-O" + order;
        }

        int orderIndex(String orderId) {
            assertThat(orderId).as("an order id of this try").startsWith(prefix + "-O");
            return Integer.parseInt(orderId.substring((prefix + "-O").length()));
        }

        /** The code a location token stands for; null stays null (no location named). */
        @Nullable String code(@Nullable String token) {
            if (token == null) {
                return null;
            }
            return switch (token) {
                case Place.DEFAULT -> "DEFAULT";
                case Place.NOWHERE -> prefix + "-NOWHERE";
                default -> places.get(Integer.parseInt(token.substring(1))).tag() + id;
            };
        }

        /** Token → location, DEFAULT included, for the model. */
        Map<String, Location> locations() {
            Map<String, Location> locations = new HashMap<>();
            locations.put(Place.DEFAULT, new Location("DEFAULT", 0));
            for (int i = 0; i < places.size(); i++) {
                locations.put(Place.token(i), new Location(code(Place.token(i)), places.get(i).priority()));
            }
            return locations;
        }

        void createLocations() {
            for (int i = 0; i < places.size(); i++) {
                String code = code(Place.token(i));
                Response created = api.post("/api/v1/locations", "{\"code\":\"" + code + "\",\"name\":\"Model "
                        + code + "\",\"priority\":" + places.get(i).priority() + "}");
                assertThat(created.status()).as("creating location %s: %s", code, created).isEqualTo(201);
            }
        }

        LocationApi.Line[] lines(Map<Integer, Op.Line> lines) {
            return lines.entrySet().stream().map(line -> new LocationApi.Line(sku(line.getKey()),
                    line.getValue().quantity(), code(line.getValue().at()))).toArray(LocationApi.Line[]::new);
        }
    }
}
