package com.example.inventory.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BooleanSupplier;

import com.example.inventory.stock.Strategy;

/**
 * A closed-loop load: N clients, each a virtual thread sending one deduction at a time and the next as soon as
 * the answer is in. Every latency goes into an HdrHistogram; every 201 adds its units to the per-product tally
 * the invariant check compares with the database. Closed loop means latencies are those of a client that waits:
 * they are not corrected for coordinated omission.
 */
final class LoadGenerator {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI deductions;
    private final int clients;

    LoadGenerator(HttpClient http, URI serviceBase, int clients) {
        this.http = http;
        this.deductions = serviceBase.resolve("/api/v1/deductions");
        this.clients = clients;
    }

    /** The outcome of one warm-up + measured run. */
    record Outcome(Tally warmup, Tally measured, double measuredSeconds, AtomicLongArray unitsDeducted,
                   boolean soldOut) {

        long created() {
            return warmup.count(201) + measured.count(201);
        }
    }

    /**
     * Warms up for {@code warmup} on the workload's warm-up orders, then measures for {@code measure} or, for a
     * sell-out workload, until a client is told the stock is gone (409) or {@code sellOutLimit} passes.
     */
    Outcome run(Workload workload, Strategy strategy, String orderPrefix, Duration warmup, Duration measure,
                Duration sellOutLimit) throws InterruptedException {
        AtomicLongArray units = new AtomicLongArray(workload.products());
        URI uri = URI.create(deductions + "?strategy=" + strategy.value());
        Tally warmupTally = new Tally();
        if (!warmup.isZero()) {
            long warmupEnd = System.nanoTime() + warmup.toNanos();
            warmupTally = phase(uri, workload, workload.warmupOrders(), orderPrefix + "w", units, null,
                    () -> System.nanoTime() < warmupEnd);
        }
        AtomicBoolean soldOut = new AtomicBoolean();
        long start = System.nanoTime();
        long end = start + (workload.untilSoldOut() ? sellOutLimit : measure).toNanos();
        BooleanSupplier going = () -> System.nanoTime() < end && !soldOut.get();
        Tally measured = phase(uri, workload, workload.measuredOrders(), orderPrefix + "m", units,
                workload.untilSoldOut() ? soldOut : null, going);
        long finished = workload.untilSoldOut() && measured.lastCreatedAtNanos > 0
                ? measured.lastCreatedAtNanos : System.nanoTime();
        return new Outcome(warmupTally, measured, (finished - start) / 1e9, units, soldOut.get());
    }

    private Tally phase(URI uri, Workload workload, Workload.Orders orders, String orderPrefix, AtomicLongArray units,
                        AtomicBoolean soldOut, BooleanSupplier going) throws InterruptedException {
        List<Future<Tally>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int client = 0; client < clients; client++) {
                String clientPrefix = orderPrefix + client + "-";
                results.add(threads.submit(() -> client(uri, workload, orders, clientPrefix, units, soldOut, going)));
            }
        }
        Tally merged = new Tally();
        for (Future<Tally> result : results) {
            try {
                merged.add(result.get());
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("A load client failed", e.getCause());
            }
        }
        return merged;
    }

    private Tally client(URI uri, Workload workload, Workload.Orders orders, String orderPrefix, AtomicLongArray units,
                         AtomicBoolean soldOut, BooleanSupplier going) {
        Tally tally = new Tally();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (long order = 0; going.getAsBoolean(); order++) {
            int[] lines = orders.next(random);
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(orderPrefix + order, workload, lines))).build();
            long started = System.nanoTime();
            int status;
            String body = "";
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                body = response.body();
            } catch (IOException e) {
                status = Tally.NO_ANSWER;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long completed = System.nanoTime();
            tally.record(status, (completed - started) / 1_000, status == 201 ? attemptsIn(body) : 0, completed);
            if (status == 201) {
                for (int product : lines) {
                    units.incrementAndGet(product);
                }
            } else if (status == 409 && soldOut != null) {
                soldOut.set(true);
            }
        }
        return tally;
    }

    private static String body(String orderId, Workload workload, int[] lines) {
        StringBuilder body = new StringBuilder(64 + 48 * lines.length)
                .append("{\"orderId\":\"").append(orderId).append("\",\"items\":[");
        for (int i = 0; i < lines.length; i++) {
            body.append(i == 0 ? "" : ",").append("{\"sku\":\"").append(workload.sku(lines[i]))
                    .append("\",\"quantity\":1}");
        }
        return body.append("]}").toString();
    }

    /** {@code attempts} of a deduction body; a plain scan, as parsing every body would load the shared CPU. */
    static int attemptsIn(String body) {
        int key = body.indexOf("\"attempts\":");
        if (key < 0) {
            return 0;
        }
        int at = key + "\"attempts\":".length();
        int value = 0;
        while (at < body.length() && Character.isDigit(body.charAt(at))) {
            value = value * 10 + (body.charAt(at++) - '0');
        }
        return value;
    }
}
