package com.example.inventory.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BooleanSupplier;

/**
 * The fallback load generator, for machines without wrk: N clients, each a virtual thread sending one request at a
 * time with the JDK's HttpClient and the next as soon as the answer is in. It runs in this JVM and costs several
 * times wrk's CPU per request, which on a small machine is taken from the service: the report says which client
 * measured. Latencies are those of a client that waits: not corrected for coordinated omission.
 */
final class JavaClient implements LoadClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI service;

    JavaClient(URI service) {
        this.service = service;
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public String describe() {
        return "the JDK's HttpClient on virtual threads, in the benchmark's JVM (no wrk on PATH, or --client java)";
    }

    @Override
    public Phase run(Traffic traffic, int clients, Duration limit) throws InterruptedException {
        long cpuBefore = ownCpuNanos();
        AtomicLongArray units = new AtomicLongArray(
                traffic instanceof Traffic.Deductions orders ? orders.workload().products() : 0);
        AtomicBoolean soldOut = new AtomicBoolean();
        boolean sale = traffic instanceof Traffic.Deductions orders && orders.untilSoldOut();
        long start = System.nanoTime();
        long end = start + limit.toNanos();
        BooleanSupplier going = () -> System.nanoTime() < end && !soldOut.get();
        List<Future<Tally>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int client = 0; client < clients; client++) {
                int id = client;
                results.add(threads.submit(() -> client(traffic, id, units, sale ? soldOut : null, going)));
            }
        }
        Tally merged = new Tally();
        for (Future<Tally> result : results) {
            try {
                merged.add(result.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("A load client failed", e.getCause());
            }
        }
        long finished = sale && merged.lastCreatedAtNanos > 0 ? merged.lastCreatedAtNanos : System.nanoTime();
        long[] deducted = new long[units.length()];
        for (int i = 0; i < deducted.length; i++) {
            deducted[i] = units.get(i);
        }
        return new Phase(merged, deducted, (finished - start) / 1e9, soldOut.get(), ownCpuNanos() - cpuBefore);
    }

    private Tally client(Traffic traffic, int id, AtomicLongArray units, AtomicBoolean soldOut,
                         BooleanSupplier going) {
        Tally tally = new Tally();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        URI uri = switch (traffic) {
            case Traffic.Deductions orders -> service.resolve("/api/v1/deductions?strategy="
                    + orders.strategy().value());
            case Traffic.Reads reads -> service.resolve("/api/v1/products/" + reads.sku());
        };
        for (long order = 1; going.getAsBoolean(); order++) {
            int[] lines = new int[0];
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT);
            if (traffic instanceof Traffic.Deductions orders) {
                lines = orders.orders().next(random);
                request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        body(orders.orderPrefix() + id + "-" + order, orders.workload(), lines)));
            }
            long started = System.nanoTime();
            int status;
            String body = "";
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

    private static long ownCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
