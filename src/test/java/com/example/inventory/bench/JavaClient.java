package com.example.inventory.bench;

import com.example.inventory.ServiceJar;
import com.example.localauth.LocalClient;

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
import java.util.random.RandomGenerator;

/**
 * The fallback load generator, for machines without wrk: N clients, each a virtual thread sending one request at a
 * time with the JDK's HttpClient and the next as soon as the answer is in. It runs in this JVM and costs several
 * times wrk's CPU per request, which on a small machine is taken from the service: the report says which client
 * measured. Latencies are those of a client that waits: not corrected for coordinated omission.
 */
final class JavaClient implements LoadClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** A decision still answering 503 this long after the deadline is given up, as in bench/load.lua. */
    private static final long RETRY_AFTER_DEADLINE_NANOS = Duration.ofSeconds(5).toNanos();

    /** The test harness's token (every scope: {@code ?strategy=} needs two), fetched at the start of a run. */
    private volatile String authorization = "";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<URI> services;
    private final Routing routing;

    /**
     * Where each request goes when the service runs as several instances ({@code --compare-instances}): what a load
     * balancer in front of them would do.
     */
    enum Routing {
        /** Everything to the first instance: one instance. */
        ONE,
        /**
         * Round-robin over the connections: client {@code i} sends all its requests to instance {@code i mod n}, as a
         * balancer spreading connections does (the clients are closed-loop and keep theirs alive).
         */
        ROUND_ROBIN,
        /**
         * SKU affinity: each request to the instance its SKU hashes to ({@link #instanceFor}), with the SKU in an
         * {@value #SKU_HEADER} header, as a balancer hashing that header would route; an order's first line decides,
         * and a hold's confirmation or release goes where the hold was made. The service ignores the header.
         */
        BY_SKU
    }

    /** The routing hint of {@link Routing#BY_SKU}: a header the service ignores and a load balancer may hash. */
    static final String SKU_HEADER = "X-Sku";

    JavaClient(URI service) {
        this(List.of(service), Routing.ONE);
    }

    JavaClient(List<URI> services, Routing routing) {
        this.services = List.copyOf(services);
        this.routing = routing;
    }

    /** The instance, of {@code instances}, that requests for {@code sku} go to under SKU affinity. */
    static int instanceFor(String sku, int instances) {
        return Math.floorMod(sku.hashCode(), instances);
    }

    /** The instance a request of client {@code clientId} for {@code sku} (an order's first line) goes to. */
    private int instance(int clientId, String sku) {
        return switch (routing) {
            case ONE -> 0;
            case ROUND_ROBIN -> clientId % services.size();
            case BY_SKU -> instanceFor(sku, services.size());
        };
    }

    /** {@code path} on the instance that a request of client {@code clientId} for {@code sku} goes to. */
    private URI at(int clientId, String sku, String path) {
        return services.get(instance(clientId, sku)).resolve(path);
    }

    /** The request to {@code uri}, with the token and, under SKU affinity, the routing hint. */
    private HttpRequest.Builder request(URI uri, String sku) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization);
        if (routing == Routing.BY_SKU) {
            request.header(SKU_HEADER, sku);
        }
        return request;
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public String describe() {
        String client = "the JDK's HttpClient on virtual threads, in the benchmark's JVM";
        return switch (routing) {
            case ONE -> client + " (no wrk on PATH, or --client java)";
            case ROUND_ROBIN -> "round-robin: each client's requests to one of " + services.size()
                    + " instances, in turn over the clients";
            case BY_SKU -> "SKU affinity: each request to one of " + services.size() + " instances by its SKU's hash ("
                    + SKU_HEADER + " header; a hold's decision where the hold was made)";
        };
    }

    @Override
    public Phase run(Traffic traffic, int clients, Duration limit) throws InterruptedException {
        authorization = ServiceJar.tokens().authorization(LocalClient.TEST_HARNESS);
        if (traffic instanceof Traffic.Checkouts checkouts) {
            return checkouts(checkouts, clients, limit);
        }
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
        String path = switch (traffic) {
            case Traffic.Deductions orders -> "/api/v1/deductions?strategy=" + orders.strategy().value();
            case Traffic.Reads reads -> "/api/v1/products/" + reads.sku();
            case Traffic.Checkouts checkouts -> throw new IllegalArgumentException("not a deduction or a read");
        };
        // Where the client's requests go unless their SKU decides: one URI per instance, made once.
        List<URI> uris = services.stream().map(service -> service.resolve(path)).toList();
        for (long order = 1; going.getAsBoolean(); order++) {
            int[] lines = new int[0];
            // the SKU that routes the request: only under SKU affinity
            String sku = routing == Routing.BY_SKU && traffic instanceof Traffic.Reads reads ? reads.sku() : null;
            if (traffic instanceof Traffic.Deductions orders) {
                lines = orders.orders().next(random);
                sku = routing == Routing.BY_SKU ? orders.workload().sku(lines[0]) : null;
            }
            HttpRequest.Builder request = request(uris.get(instance(id, sku)), sku);
            if (traffic instanceof Traffic.Deductions orders) {
                request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        body(orders.orderPrefix() + id + "-" + order, orders.workload(), lines,
                                orders.orders().pinnedShare(), random)));
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

    /** What one client saw of its checkouts: every request, and each kind with how the checkouts ended. */
    private record CheckoutClient(Tally all, CheckoutTally checkouts) {
    }

    /** The checkouts counterpart of the loop above; see bench/load.lua (checkout.request) for what one is. */
    private Phase checkouts(Traffic.Checkouts traffic, int clients, Duration limit) throws InterruptedException {
        long cpuBefore = ownCpuNanos();
        AtomicLongArray units = new AtomicLongArray(traffic.workload().products());
        long start = System.nanoTime();
        long end = start + limit.toNanos();
        List<Future<CheckoutClient>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int client = 0; client < clients; client++) {
                int id = client;
                results.add(threads.submit(() -> checkoutClient(traffic, id, units, end)));
            }
        }
        Tally all = new Tally();
        CheckoutTally checkouts = new CheckoutTally();
        for (Future<CheckoutClient> result : results) {
            try {
                all.add(result.get().all());
                checkouts.add(result.get().checkouts());
            } catch (ExecutionException e) {
                throw new IllegalStateException("A load client failed", e.getCause());
            }
        }
        long[] confirmed = new long[units.length()];
        for (int i = 0; i < confirmed.length; i++) {
            confirmed[i] = units.get(i);
        }
        return new Phase(all, confirmed, (System.nanoTime() - start) / 1e9, false, ownCpuNanos() - cpuBefore,
                checkouts);
    }

    /** Checkouts one after the other until {@code end}, never stopping between a hold and its decision. */
    private CheckoutClient checkoutClient(Traffic.Checkouts traffic, int id, AtomicLongArray units, long end) {
        CheckoutClient seen = new CheckoutClient(new Tally(), new CheckoutTally());
        CheckoutTally tally = seen.checkouts();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String reserve = "/api/v1/reservations?strategy=" + traffic.strategy().value();
        for (long order = 1; System.nanoTime() < end; order++) {
            int[] lines = traffic.orders().next(random);
            double draw = random.nextDouble();
            String fate = draw < Traffic.Checkouts.CONFIRM_SHARE ? "confirm"
                    : draw < Traffic.Checkouts.CONFIRM_SHARE + Traffic.Checkouts.RELEASE_SHARE ? "release" : null;
            String body = reservationBody(traffic.orderPrefix() + id + "-" + order, traffic.workload(), lines,
                    traffic.orders().pinnedShare(), random,
                    fate == null ? traffic.expiringTtlSeconds() : Traffic.Checkouts.LONG_TTL_SECONDS);
            // the hold and its decision go to the same instance: under SKU affinity, its first line's SKU's
            String sku = routing == Routing.BY_SKU ? traffic.workload().sku(lines[0]) : null;
            HttpResponse<String> reserved = send(request(at(id, sku, reserve), sku)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), seen.all(), tally.reserve);
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            if (reserved == null || reserved.statusCode() != 201) {
                continue;
            }
            if (fate == null) {
                tally.expired++;
                continue;
            }
            String holdId = idIn(reserved.body());
            if (holdId == null) {
                tally.abandoned++;
                continue;
            }
            HttpRequest decision = request(at(id, sku, "/api/v1/reservations/" + holdId + "/" + fate), sku)
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            Tally kind = fate.equals("confirm") ? tally.confirm : tally.release;
            while (true) {
                HttpResponse<String> decided = send(decision, seen.all(), kind);
                if (decided != null && decided.statusCode() == 200) {
                    if (fate.equals("confirm")) {
                        tally.confirmed++;
                        for (int product : lines) {
                            units.incrementAndGet(product);
                        }
                    } else {
                        tally.released++;
                    }
                    break;
                }
                // contention, or a connection that failed: a repeated decision answers 200 and changes nothing
                boolean again = (decided == null || decided.statusCode() == 503)
                        && System.nanoTime() - end < RETRY_AFTER_DEADLINE_NANOS
                        && !Thread.currentThread().isInterrupted();
                if (!again) {
                    tally.abandoned++;
                    break;
                }
            }
        }
        return seen;
    }

    /** Sends one request, recording its answer in both tallies; null when no answer came. */
    private HttpResponse<String> send(HttpRequest request, Tally all, Tally kind) {
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            response = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        long completed = System.nanoTime();
        int status = response == null ? Tally.NO_ANSWER : response.statusCode();
        all.record(status, (completed - started) / 1_000, 0, completed);
        kind.record(status, (completed - started) / 1_000, 0, completed);
        return response;
    }

    /** The {@code id} of a reservation body; a plain scan, as for {@link #attemptsIn}. */
    static String idIn(String body) {
        int key = body.indexOf("\"id\":\"");
        if (key < 0) {
            return null;
        }
        int at = key + "\"id\":\"".length();
        int close = body.indexOf('"', at);
        return close > at ? body.substring(at, close) : null;
    }

    private static String reservationBody(String orderId, Workload workload, int[] lines, double pinnedShare,
                                          RandomGenerator random, int ttlSeconds) {
        String order = body(orderId, workload, lines, pinnedShare, random);
        return order.substring(0, order.length() - 1) + ",\"ttlSeconds\":" + ttlSeconds + "}";
    }

    /** The order's lines, each pinned to a location as {@link Workload#pin} draws it, or not. */
    private static String body(String orderId, Workload workload, int[] lines, double pinnedShare,
                               RandomGenerator random) {
        StringBuilder body = new StringBuilder(64 + 48 * lines.length)
                .append("{\"orderId\":\"").append(orderId).append("\",\"items\":[");
        for (int i = 0; i < lines.length; i++) {
            body.append(i == 0 ? "" : ",").append("{\"sku\":\"").append(workload.sku(lines[i]))
                    .append("\",\"quantity\":1");
            String location = workload.pin(random, pinnedShare, lines[i]);
            if (location != null) {
                body.append(",\"location\":\"").append(location).append('"');
            }
            body.append('}');
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
