package com.example.inventory.bench;

import com.example.inventory.ServiceJar;
import com.example.localauth.LocalClient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lean load generator: wrk (C, one event loop per thread) running {@value #SCRIPT_NAME}, one connection per
 * wrk thread. It costs a few hundredths of a millisecond of CPU per request where the JDK's HttpClient costs
 * tenths, so on a machine whose cores the client shares with the service, the service gets them.
 */
final class WrkClient implements LoadClient {

    static final String SCRIPT_NAME = "load.lua";
    static final Path SCRIPT = Path.of("bench", SCRIPT_NAME);

    /** An answer slower than this counts as none, as with the Java client. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final String THREAD_STOPPED = "bench-thread-stopped";
    private static final String RESULT = "bench-result ";
    private static final int OUTPUT_KEPT = 20;

    private final Path wrk;
    private final Path script;
    private final URI service;
    private final String version;

    private WrkClient(Path wrk, Path script, URI service, String version) {
        this.wrk = wrk;
        this.script = script;
        this.service = service;
        this.version = version;
    }

    /** wrk from PATH with the script from bench/, or empty when either is missing. */
    static Optional<WrkClient> find(URI service) throws IOException, InterruptedException {
        Optional<Path> wrk = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(directory -> !directory.isBlank()).map(directory -> Path.of(directory, "wrk"))
                .filter(Files::isExecutable).findFirst();
        if (wrk.isEmpty() || !Files.isRegularFile(SCRIPT)) {
            return Optional.empty();
        }
        Process version = new ProcessBuilder(wrk.get().toString(), "-v").redirectErrorStream(true).start();
        String firstLine = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .findFirst().orElse("wrk").replaceAll("\\s*Copyright.*", "");
        version.waitFor();
        return Optional.of(new WrkClient(wrk.get(), SCRIPT.toAbsolutePath(), service, firstLine.strip()));
    }

    @Override
    public String name() {
        return "wrk";
    }

    @Override
    public String describe() {
        return version + " (" + wrk + ", script " + script + "), one connection per thread";
    }

    @Override
    public Phase run(Traffic traffic, int clients, Duration limit) throws IOException, InterruptedException {
        if (pinsLines(traffic)) {
            // bench/load.lua does not pin lines: with the pinning written into it, LuaJIT crashed wrk (SIGSEGV in
            // libluajit, also in runs that pinned nothing). Pinned traffic (the locations scenario) runs on the Java
            // client; compare it with scenarios run on the same client (--client java).
            return new JavaClient(service).run(traffic, clients, limit);
        }
        List<String> command = new ArrayList<>(List.of(wrk.toString(),
                "--threads", Integer.toString(clients), "--connections", Integer.toString(clients),
                // Each thread stops itself at the limit, after an answer; wrk's own (whole seconds) is only a
                // backstop for a service that stops answering.
                "--duration", (limit.plus(REQUEST_TIMEOUT).toSeconds() + 5) + "s",
                "--timeout", REQUEST_TIMEOUT.toSeconds() + "s",
                "--script", script.toString(), service.toString(), "--",
                "deadline_ms=" + limit.toMillis(),
                "token=" + ServiceJar.tokens().accessToken(LocalClient.TEST_HARNESS)));
        command.addAll(arguments(traffic));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        Deque<String> output = new ArrayDeque<>();
        int stopped = 0;
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.equals(THREAD_STOPPED)) {
                    if (++stopped == clients) {
                        Thread.ofVirtual().start(() -> interruptUntilExit(process));
                    }
                } else if (line.startsWith(RESULT)) {
                    result = line.substring(RESULT.length());
                } else {
                    output.addLast(line);
                    if (output.size() > OUTPUT_KEPT) {
                        output.removeFirst();
                    }
                }
            }
        } finally {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        if (process.exitValue() != 0 || result == null) {
            throw new IllegalStateException("wrk exited with " + process.exitValue() + (result == null
                    ? " and no result" : "") + "; its output ends with:\n" + String.join("\n", output));
        }
        return phase(JsonMapper.shared().readTree(result), traffic);
    }

    /**
     * wrk's main thread sleeps for its whole --duration even when every thread has stopped; SIGINT wakes it, and it
     * then reports as at the end. Repeated because a signal that arrives before wrk installs its handler, or
     * between the handler and the sleep, is lost.
     */
    private static void interruptUntilExit(Process process) {
        try {
            while (process.isAlive()) {
                new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
                process.waitFor(200, TimeUnit.MILLISECONDS);
            }
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> arguments(Traffic traffic) {
        return switch (traffic) {
            case Traffic.Reads reads -> List.of("mode=reads", "sku=" + reads.sku());
            case Traffic.Deductions orders -> List.of("mode=orders",
                    "order_prefix=" + orders.orderPrefix(), "sku_prefix=" + orders.workload().skuPrefix(),
                    "strategy=" + orders.strategy().value(), "sold_out_stops=" + (orders.untilSoldOut() ? 1 : 0),
                    "first=" + orders.orders().first(), "max_lines=" + orders.orders().maxLines(),
                    "hot=" + orders.orders().hot(),
                    "hot_share=" + String.format(Locale.ROOT, "%.6f", orders.orders().hotShare()),
                    "products=" + orders.orders().products());
            case Traffic.Checkouts checkouts -> List.of("mode=checkouts",
                    "order_prefix=" + checkouts.orderPrefix(), "sku_prefix=" + checkouts.workload().skuPrefix(),
                    "strategy=" + checkouts.strategy().value(), "first=" + checkouts.orders().first(),
                    "max_lines=" + checkouts.orders().maxLines(), "hot=" + checkouts.orders().hot(),
                    "hot_share=" + String.format(Locale.ROOT, "%.6f", checkouts.orders().hotShare()),
                    "products=" + checkouts.orders().products(),
                    "confirm_share=" + String.format(Locale.ROOT, "%.6f", Traffic.Checkouts.CONFIRM_SHARE),
                    "release_share=" + String.format(Locale.ROOT, "%.6f", Traffic.Checkouts.RELEASE_SHARE),
                    "short_ttl=" + checkouts.expiringTtlSeconds(),
                    "long_ttl=" + Traffic.Checkouts.LONG_TTL_SECONDS);
        };
    }

    /** Whether the traffic pins some of its lines to locations (see Workload.pin). */
    private static boolean pinsLines(Traffic traffic) {
        return switch (traffic) {
            case Traffic.Reads reads -> false;
            case Traffic.Deductions orders -> orders.orders().pinnedShare() > 0;
            case Traffic.Checkouts checkouts -> checkouts.orders().pinnedShare() > 0;
        };
    }

    /** The phase from the script's result line (see {@value #SCRIPT_NAME}'s done()). */
    private static Phase phase(JsonNode result, Traffic traffic) {
        Tally tally = tally(result);
        JsonNode errors = result.get("errors");
        // lost: sent on a connection that then failed; timeout: answered after REQUEST_TIMEOUT; connect: refused
        tally.recordStatus(Tally.NO_ANSWER, result.get("lost").asLong() + errors.get("timeout").asLong()
                + errors.get("connect").asLong());
        tally.attemptsOfCreated = result.get("attempts").asLong();
        long[] units = new long[switch (traffic) {
            case Traffic.Deductions orders -> orders.workload().products();
            case Traffic.Checkouts checkouts -> checkouts.workload().products();
            case Traffic.Reads reads -> 0;
        }];
        for (JsonNode product : result.get("units")) {
            units[product.get(0).asInt()] += product.get(1).asLong();
        }
        boolean sale = traffic instanceof Traffic.Deductions orders && orders.untilSoldOut();
        long first = result.get("firstMicros").asLong();
        long lastCreated = result.get("lastCreatedMicros").asLong();
        long end = sale && lastCreated > 0 ? lastCreated : result.get("lastMicros").asLong();
        return new Phase(tally, units, first > 0 && end > first ? (end - first) / 1e6 : 0,
                result.get("soldOut").asBoolean(), result.get("cpuMicros").asLong() * 1_000,
                traffic instanceof Traffic.Checkouts ? checkouts(result) : null);
    }

    /** Statuses and latency buckets of a {@code {"statuses":[[status,n],…],"latency":[[micros,n],…]}} node. */
    private static Tally tally(JsonNode node) {
        Tally tally = new Tally();
        for (JsonNode bucket : node.get("latency")) {
            tally.recordLatency(bucket.get(0).asLong(), bucket.get(1).asLong());
        }
        for (JsonNode status : node.get("statuses")) {
            tally.recordStatus(status.get(0).asInt(), status.get(1).asLong());
        }
        return tally;
    }

    private static CheckoutTally checkouts(JsonNode result) {
        CheckoutTally checkouts = new CheckoutTally();
        JsonNode kinds = result.get("kinds");
        checkouts.reserve.add(tally(kinds.get("reserve")));
        checkouts.confirm.add(tally(kinds.get("confirm")));
        checkouts.release.add(tally(kinds.get("release")));
        JsonNode ends = result.get("checkouts");
        checkouts.confirmed = ends.get("confirmed").asLong();
        checkouts.released = ends.get("released").asLong();
        checkouts.expired = ends.get("expired").asLong();
        checkouts.abandoned = ends.get("abandoned").asLong();
        return checkouts;
    }
}
