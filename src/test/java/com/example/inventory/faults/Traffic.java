package com.example.inventory.faults;

import com.example.inventory.HttpApi;
import com.example.inventory.stock.PlacementMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import com.example.inventory.HttpApi.Response;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

import static com.example.inventory.HttpApi.unique;
import static com.example.inventory.Ledgers.assertLedgerMatchesStock;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A steady mix of everything a shop sends — deductions with every strategy (single and multi-line), cancellations,
 * restocks, reservations and their confirmations and releases — from many clients against one or more instances,
 * with every answer written down. From the answers alone it tells what the database must hold: each 2xx changed
 * exactly what it says, each 4xx/5xx changed nothing.
 */
final class Traffic {

    /** The status recorded when no HTTP answer came back at all. */
    static final int NO_ANSWER = 0;

    /**
     * One request and its answer. {@code key} is the order id (deductions, reservations and their decisions) or the
     * SKU (restocks); {@code units} per SKU is what it moves if it succeeded; {@code target} the deduction or
     * reservation it acts on (cancel, confirm, release), {@code id} the one a 201 created.
     */
    record Sent(Operation operation, String key, PlacementMode strategy, Map<String, Integer> units, int status,
                @Nullable String target, @Nullable String id) {

        boolean succeeded() {
            return status >= 200 && status < 300;
        }

        /** Whether the client cannot tell from the answer what happened: no answer, or a 5xx it does not trust. */
        boolean unsettled() {
            return status == NO_ANSWER || status >= 500;
        }
    }

    enum Operation { DEDUCT, CANCEL, RESTOCK, RESERVE, CONFIRM, RELEASE }

    /**
     * What the clients send: everything a shop sends, each request with a strategy of its own; or only checkouts —
     * batched holds of one unit, each confirmed or released at once — so that decision batches commit all the time.
     */
    enum Mix { EVERYTHING, CHECKOUTS }

    private final List<HttpApi> instances;
    private final boolean restocks;
    private final Mix mix;
    private final List<String> skus;
    private final int initialStock;
    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());

    /**
     * Creates the products, each with {@code initialStock}, through the first instance.
     *
     * @param restocks whether to send restocks, which have no key a client could retry them by
     */
    Traffic(List<HttpApi> instances, int products, int initialStock, boolean restocks) {
        this(instances, products, initialStock, restocks, Mix.EVERYTHING);
    }

    Traffic(List<HttpApi> instances, int products, int initialStock, boolean restocks, Mix mix) {
        this.instances = instances;
        this.restocks = restocks;
        this.mix = mix;
        this.initialStock = initialStock;
        List<String> created = new ArrayList<>();
        for (int i = 0; i < products; i++) {
            String sku = unique("TRAFFIC");
            instances.getFirst().createProduct(sku, initialStock);
            created.add(sku);
        }
        this.skus = List.copyOf(created);
    }

    List<String> skus() {
        return skus;
    }

    List<Sent> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /** {@code clients} clients, each sending one request after another while {@code going} says so. */
    void run(int clients, BooleanSupplier going) throws Exception {
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int client = 0; client < clients; client++) {
                int index = client;
                done.add(threads.submit(() -> client(index, going)));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
    }

    private Void client(int index, BooleanSupplier going) {
        if (mix == Mix.CHECKOUTS) {
            return checkouts(index, going);
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<Sent> myDeductions = new ArrayList<>();
        List<Sent> myReservations = new ArrayList<>();
        while (going.getAsBoolean()) {
            HttpApi api = instances.get(random.nextInt(instances.size()));
            PlacementMode strategy = PlacementMode.values()[random.nextInt(PlacementMode.values().length)];
            int dice = random.nextInt(100);
            if (dice < 10 && !myDeductions.isEmpty()) {
                Sent deduction = myDeductions.remove(random.nextInt(myDeductions.size()));
                send(Operation.CANCEL, deduction.key(), strategy, deduction.units(), deduction.id(), api);
            } else if (dice < 18 && restocks) {
                String sku = skus.get(random.nextInt(skus.size()));
                send(Operation.RESTOCK, sku, strategy, Map.of(sku, 5), null, api);
            } else if (dice < 30) {
                Map<String, Integer> lines = lines(random);
                String order = unique("RES" + index);
                Sent reservation = send(Operation.RESERVE, order, strategy, lines, null, api);
                if (reservation.succeeded()) {
                    myReservations.add(reservation);
                }
            } else if (dice < 40 && !myReservations.isEmpty()) {
                Sent reservation = myReservations.remove(random.nextInt(myReservations.size()));
                Operation decision = random.nextBoolean() ? Operation.CONFIRM : Operation.RELEASE;
                send(decision, reservation.key(), strategy, reservation.units(), reservation.id(), api);
            } else {
                Map<String, Integer> lines = lines(random);
                String order = unique("ORD" + index);
                Sent deduction = send(Operation.DEDUCT, order, strategy, lines, null, api);
                if (deduction.succeeded()) {
                    myDeductions.add(deduction);
                }
            }
        }
        return null;
    }

    /** Batched holds of one unit of one product, each confirmed or released as soon as it is held. */
    private Void checkouts(int index, BooleanSupplier going) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (going.getAsBoolean()) {
            HttpApi api = instances.get(random.nextInt(instances.size()));
            String sku = skus.get(random.nextInt(skus.size()));
            Sent reservation = send(Operation.RESERVE, unique("CHK" + index), PlacementMode.BATCHED, Map.of(sku, 1),
                    null, api);
            if (reservation.succeeded() && going.getAsBoolean()) {
                send(random.nextBoolean() ? Operation.CONFIRM : Operation.RELEASE, reservation.key(),
                        PlacementMode.BATCHED, reservation.units(), reservation.id(), api);
            }
        }
        return null;
    }

    private Sent send(Operation operation, String key, PlacementMode strategy, Map<String, Integer> units,
                      @Nullable String target, HttpApi api) {
        Sent record = answer(operation, key, strategy, units, target, api);
        sent.add(record);
        return record;
    }

    /** Sends the request and writes its answer down (without keeping it). */
    private static Sent answer(Operation operation, String key, PlacementMode strategy, Map<String, Integer> units,
                               @Nullable String target, HttpApi api) {
        int status;
        String id = null;
        try {
            Response response = switch (operation) {
                case DEDUCT -> api.deduct(strategy.value(), key, pairs(units));
                case RESERVE -> api.reserve(strategy.value(), key, 600, pairs(units));
                case CANCEL -> api.post("/api/v1/deductions/" + target + "/cancel");
                case CONFIRM -> api.decide(target, "confirm");
                case RELEASE -> api.decide(target, "release");
                case RESTOCK -> api.post("/api/v1/products/" + key + "/restock", "{\"quantity\":5}");
            };
            status = response.status();
            if (status == 201) {
                id = response.json().get("id").asString();
            }
        } catch (IllegalStateException noAnswer) {
            status = NO_ANSWER;
        }
        return new Sent(operation, key, strategy, units, status, target, id);
    }

    /**
     * Does what a careful client does after a crash or an outage: sends every request whose answer it could not
     * trust (none, or 5xx) once more, with the same order id, and takes the new answer as the request's outcome.
     * Restocks have no key to retry them by, so a run that is to be retried sends none.
     *
     * @return how many requests were sent again
     */
    int retryUnsettled(HttpApi api) {
        if (restocks) {
            throw new IllegalStateException("restocks cannot be retried safely");
        }
        int retried = 0;
        synchronized (sent) {
            for (int i = 0; i < sent.size(); i++) {
                Sent first = sent.get(i);
                if (first.unsettled()) {
                    sent.set(i, answer(first.operation(), first.key(), first.strategy(), first.units(),
                            first.target(), api));
                    retried++;
                }
            }
        }
        return retried;
    }

    /** One or two distinct SKUs, one unit each: hot rows, and multi-line orders that cross. */
    private Map<String, Integer> lines(ThreadLocalRandom random) {
        Map<String, Integer> lines = new HashMap<>();
        lines.put(skus.get(random.nextInt(skus.size())), 1);
        if (random.nextInt(3) == 0) {
            lines.put(skus.get(random.nextInt(skus.size())), 1);
        }
        return lines;
    }

    private static Object[] pairs(Map<String, Integer> lines) {
        List<Object> pairs = new ArrayList<>();
        lines.forEach((sku, quantity) -> {
            pairs.add(sku);
            pairs.add(quantity);
        });
        return pairs.toArray();
    }

    /**
     * Checks the database against the answers: every product's stock and reserved units are what the successful
     * requests made of them (so no failed request changed anything, and no successful one was lost), every order
     * answered 2xx is stored once with all its lines and one ledger entry per line (never partly), every order
     * answered otherwise is not stored, and the ledger balances.
     */
    void assertDatabaseMatchesTheAnswers(JdbcClient jdbc) {
        Map<String, long[]> expected = new HashMap<>();
        skus.forEach(sku -> expected.put(sku, new long[] {initialStock, 0}));
        for (Sent request : sent()) {
            if (!request.succeeded()) {
                continue;
            }
            request.units().forEach((sku, units) -> {
                long[] levels = expected.get(sku);
                switch (request.operation()) {
                    case DEDUCT -> levels[0] -= units;
                    case CANCEL, RESTOCK -> levels[0] += units;
                    case RESERVE -> levels[1] += units;
                    case RELEASE -> levels[1] -= units;
                    case CONFIRM -> {
                        levels[0] -= units;
                        levels[1] -= units;
                    }
                }
            });
        }
        for (String sku : skus) {
            var row = jdbc.sql("SELECT sum(stock) AS stock, sum(reserved) AS reserved FROM location_stock WHERE sku = ?").param(sku).query().singleRow();
            assertThat(new long[] {((Number) row.get("stock")).longValue(), ((Number) row.get("reserved")).longValue()})
                    .as("stock and reserved of %s, from the answers", sku).containsExactly(expected.get(sku));
            assertLedgerMatchesStock(jdbc, sku);
        }
        for (Sent request : sent()) {
            if (request.operation() == Operation.DEDUCT || request.operation() == Operation.RESERVE) {
                String table = request.operation() == Operation.DEDUCT ? "deduction" : "reservation";
                int stored = jdbc.sql("SELECT count(*) FROM " + table + " WHERE order_id = ?").param(request.key())
                        .query(Integer.class).single();
                assertThat(stored).as("%s %s answered %d", table, request.key(), request.status())
                        .isEqualTo(request.succeeded() ? 1 : 0);
                if (request.succeeded()) {
                    int lines = jdbc.sql("SELECT count(*) FROM " + table + "_line l JOIN " + table + " o ON o.id = l."
                            + table + "_id WHERE o.order_id = ?").param(request.key()).query(Integer.class).single();
                    int movements = jdbc.sql("SELECT count(*) FROM stock_movement WHERE reference = ? AND kind = ?")
                            .params(request.key(), request.operation() == Operation.DEDUCT ? "DEDUCT" : "RESERVE")
                            .query(Integer.class).single();
                    assertThat(new int[] {lines, movements}).as("lines and ledger entries of %s", request.key())
                            .containsExactly(request.units().size(), request.units().size());
                }
            }
        }
    }

    /** Statuses counted, e.g. {@code {DEDUCT 201=812, DEDUCT 503=4, …}}. */
    Map<String, Integer> statusCounts() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        sent().forEach(request -> counts.merge(request.operation() + " " + request.status(), 1, Integer::sum));
        return counts;
    }
}
