package com.example.inventory.bench;

import com.example.inventory.stock.PlacementMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;


/**
 * The benchmark's command-line flags, with defaults sized so a whole default run takes about 10 minutes on 2 cores.
 */
record Options(Duration duration, Duration warmup, Duration warmupSlice, Duration serviceWarmup,
               int serviceWarmupRounds, int clients,
               int manyClients, List<Integer> ceilingClients, LoadClient.Choice client, List<Scenario> scenarios,
               List<PlacementMode> strategies, Path out, int flashSaleStock, int catalogueSize, int checkoutTtl,
               Path jar, List<String> serviceJavaOptions, int compareAuth, Path baselineJar, int baselineRounds,
               int compareEvents, int compareInstances, int instances) {

    /** pgbench settles within seconds; longer ceiling runs would only lengthen the whole benchmark. */
    static final int MAX_CEILING_SECONDS = 5;
    /** The contract's smallest ttlSeconds is 1; a hold left to expire longer than this only lengthens the run. */
    static final int MAX_CHECKOUT_TTL = 60;

    /** The service's JVM options unless --service-java-options says otherwise: the README's recommended heap. */
    static final List<String> SERVICE_JAVA_OPTIONS = List.of("-Xmx512m");

    /** Rounds of --compare-auth when the flag names none. */
    static final int COMPARE_AUTH_ROUNDS = 3;

    /** Rounds of --baseline-jar unless --baseline-rounds says otherwise. */
    static final int BASELINE_ROUNDS = 3;

    /** Rounds of --compare-events when the flag names none. */
    static final int COMPARE_EVENTS_ROUNDS = 3;

    /** Rounds of --compare-instances when the flag names none. */
    static final int COMPARE_INSTANCES_ROUNDS = 3;

    /** Instances of --compare-instances unless --instances says otherwise. */
    static final int INSTANCES = 3;

    /** The flags that may go without a value: each then means its default number of rounds. */
    private static final Map<String, Integer> ROUNDS_FLAGS = Map.of("--compare-auth", COMPARE_AUTH_ROUNDS,
            "--compare-events", COMPARE_EVENTS_ROUNDS, "--compare-instances", COMPARE_INSTANCES_ROUNDS);

    static final String USAGE = """
            Usage: bench/run [flags]
              --duration SECONDS        measured seconds per run (default 10; any SECONDS here may be a fraction:
                                        0.5); a flash sale runs until sold out
              --warmup SECONDS          before each run, at most this long (default 20; 0: none): slices of the same
                                        load, not counted, until two in a row differ by < 10%% in requests/s and
                                        in the service's CPU per request
              --warmup-slice SECONDS    length of one warm-up slice (default 2)
              --service-warmup SECONDS  before the first run, in rounds: seconds of mixed load per strategy, as
                                        long of checkouts, of locations (when it runs) and of reads, not
                                        counted, until a round's JIT compilations took < 2%% of it, so that no
                                        run measures the compiler (default 10; 0: none)
              --service-warmup-rounds N at most this many rounds (default 4)
              --clients N               concurrent closed-loop clients of every scenario (default 64); the raw SQL
                                        ceiling runs at N and 1, each for min(duration, %d) s
              --many-clients N          hot-sku also runs, per strategy, at 1 client (latency) and at N clients
                                        (default 256; 0: at 1 client only)
              --ceiling-clients LIST    client counts of the hot-row UPDATE ceiling whose best is (a*)
                                        (default 1,4,16,64)
              --client wrk|java|auto    the load generator (default auto: wrk when installed, which bench/run
                                        does, else the JDK HttpClient in this JVM; the report says which)
              --scenarios LIST          comma-separated, from: %s (default all)
                                        (locations: wide-catalogue's orders on products stocked at 2 to %d of %d
                                        locations, %.0f%% of lines pinned to one; needs stock per location)
              --strategies LIST         comma-separated, from: %s (default all)
              --out DIR                 where report.md, report.csv and the charts go (default target/bench)
              --flash-sale-stock N      stock of the flash-sale product (default 5000)
              --catalogue-size N        products of the wide-catalogue, locations, mixed and checkout scenarios
                                        (default 10000)
              --checkout-ttl SECONDS    checkout: ttlSeconds of the 10%% of holds left to expire (default 2, whole
                                        seconds 1..%d); after the run the check waits for their sweep
              --jar PATH                the service jar (default target/stock-deduction-service-*.jar)
              --service-java-options S  space-separated JVM options for the service process (default %s:
                                        the heap sized as in production, not a quarter of this machine's RAM)
              --compare-auth [ROUNDS]   only the cost of token validation (no other run, no ceiling): the same jar
                                        twice, tokens validated as in production and with the test classes' open
                                        door (tokens decoded, not verified: no signature, issuer, audience or
                                        expiry check); hot-sku at --clients for each of --strategies on each in
                                        turn, ROUNDS times (default %d), alternating which goes first
              --baseline-jar PATH       only before against after (no other run, no ceiling): the jar at PATH (the
                                        baseline, e.g. built from an earlier commit) and --jar, side by side, each
                                        on a fresh database of its own (each migrates its own schema); each of
                                        --scenarios (default hot-sku here) for each of --strategies at --clients
                                        on each in turn, --baseline-rounds times, alternating which goes first;
                                        the report gives current / baseline per scenario and strategy
              --baseline-rounds N       rounds of --baseline-jar (default %d)
              --compare-events [ROUNDS] only the cost of events (no other run, no ceiling): the same jar twice, each
                                        on a fresh database of its own, events on (inventory.events.enabled=true,
                                        the default: recorded in the outbox, published to the tests' RabbitMQ) and
                                        off (=false: none recorded or sent); first, per strategy, a flash sale on
                                        each, checked: exactly one stock.depleted for the sale's product on, none
                                        off; then each of --scenarios (default hot-sku here) for each of
                                        --strategies at --clients on each in turn, ROUNDS times (default %d),
                                        alternating which goes first; the report: on / off per scenario, strategy
              --compare-instances [ROUNDS]
                                        only one instance against several (no other run, no ceiling): --instances
                                        instances of --jar on one fresh database, side by side with the first of
                                        them alone: (a) one instance (the others idle), (b) all, the load spread
                                        round-robin over the clients' connections (each instance batches alone:
                                        their batches fight for the hot row), (c) all, with SKU affinity (each
                                        request to the instance its SKU hashes to, in an X-Sku header, as a load
                                        balancer hashing it would; a hold's decision where the hold was made); each
                                        of --scenarios (default hot-sku,checkout here) for each of --strategies at
                                        --clients on each in turn, ROUNDS times (default %d), rotating which goes
                                        first; the report: (b) / (a) and (c) / (a), service CPU summed over the
                                        instances. Always the Java load client (it routes each request), so not
                                        with --client wrk
              --instances N             instances of --compare-instances (default %d; 2..8)
              --help                    this text
            The read ceiling (e), GET /api/v1/products/{sku} of a hot product, runs at every client count of the
            write runs. Exit status: 0 when every invariant held, 1 when one was violated or the run failed,
            2 on bad flags.
            """.formatted(MAX_CEILING_SECONDS, Scenario.ids(), Scenario.LOCATIONS_OF_LOCATIONS,
            Scenario.LOCATIONS_OF_LOCATIONS, Scenario.PINNED_SHARE_OF_LOCATIONS * 100, PlacementMode.names(),
            MAX_CHECKOUT_TTL, String.join(" ", SERVICE_JAVA_OPTIONS), COMPARE_AUTH_ROUNDS, BASELINE_ROUNDS,
            COMPARE_EVENTS_ROUNDS, COMPARE_INSTANCES_ROUNDS, INSTANCES);


    static Options defaults() {
        return new Options(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofSeconds(10),
                4, 64, 256, List.of(1, 4, 16, 64), LoadClient.Choice.AUTO,
                List.of(Scenario.values()), List.of(PlacementMode.values()), Path.of("target", "bench"), 5_000, 10_000,
                2, null, SERVICE_JAVA_OPTIONS, 0, null, BASELINE_ROUNDS, 0, 0, INSTANCES);
    }

    /**
     * @return the options, or {@code null} when {@code --help} was asked for
     * @throws IllegalArgumentException for an unknown flag or a bad value
     */
    static Options parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                return null;
            }
            if (ROUNDS_FLAGS.containsKey(flag) && (i + 1 == args.length || args[i + 1].startsWith("--"))) {
                values.put(flag, Integer.toString(ROUNDS_FLAGS.get(flag)));
                continue;
            }
            int equals = flag.indexOf('=');
            if (equals > 0) {
                values.put(flag.substring(0, equals), flag.substring(equals + 1));
            } else if (i + 1 < args.length) {
                values.put(flag, args[++i]);
            } else {
                throw new IllegalArgumentException(flag + " needs a value");
            }
        }
        Options defaults = defaults();
        // Before against after, and events on against off, compare hot-sku unless the scenarios are named.
        boolean hotSkuOnly = values.containsKey("--baseline-jar") || values.containsKey("--compare-events");
        // One instance against several compares the hot SKU and the checkout unless the scenarios are named.
        boolean instancesCompared = values.containsKey("--compare-instances");
        Options options = new Options(
                seconds(values.remove("--duration"), defaults.duration),
                seconds(values.remove("--warmup"), defaults.warmup),
                seconds(values.remove("--warmup-slice"), defaults.warmupSlice),
                seconds(values.remove("--service-warmup"), defaults.serviceWarmup),
                number(values.remove("--service-warmup-rounds"), defaults.serviceWarmupRounds),
                number(values.remove("--clients"), defaults.clients),
                number(values.remove("--many-clients"), defaults.manyClients),
                list(values.remove("--ceiling-clients"), Options::number, defaults.ceilingClients),
                Optional.ofNullable(values.remove("--client")).map(LoadClient.Choice::of).orElse(defaults.client),
                list(values.remove("--scenarios"), Scenario::of, hotSkuOnly ? List.of(Scenario.HOT_SKU)
                        : instancesCompared ? List.of(Scenario.HOT_SKU, Scenario.CHECKOUT) : defaults.scenarios),
                list(values.remove("--strategies"), PlacementMode::of, defaults.strategies),
                Optional.ofNullable(values.remove("--out")).map(Path::of).orElse(defaults.out),
                number(values.remove("--flash-sale-stock"), defaults.flashSaleStock),
                number(values.remove("--catalogue-size"), defaults.catalogueSize),
                number(values.remove("--checkout-ttl"), defaults.checkoutTtl),
                Optional.ofNullable(values.remove("--jar")).map(Path::of).orElseGet(Options::packagedJar),
                Optional.ofNullable(values.remove("--service-java-options"))
                        .map(text -> Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList())
                        .orElse(defaults.serviceJavaOptions),
                number(values.remove("--compare-auth"), defaults.compareAuth),
                Optional.ofNullable(values.remove("--baseline-jar")).map(Path::of).orElse(null),
                number(values.remove("--baseline-rounds"), defaults.baselineRounds),
                number(values.remove("--compare-events"), defaults.compareEvents),
                number(values.remove("--compare-instances"), defaults.compareInstances),
                number(values.remove("--instances"), defaults.instances));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("Unknown flag(s) " + values.keySet());
        }
        return options.validated();
    }

    private Options validated() {
        require(duration.toMillis() >= 100, "--duration must be at least 0.1");
        require(!warmup.isNegative(), "--warmup must not be negative");
        require(warmupSlice.toMillis() >= 100, "--warmup-slice must be at least 0.1");
        require(!serviceWarmup.isNegative(), "--service-warmup must not be negative");
        require(serviceWarmupRounds >= 1 && serviceWarmupRounds <= 20, "--service-warmup-rounds must be 1..20");
        require(clients >= 1 && clients <= 1000, "--clients must be 1..1000");
        require(manyClients >= 0 && manyClients <= 1000, "--many-clients must be 0..1000");
        require(!ceilingClients.isEmpty() && ceilingClients.stream().allMatch(n -> n >= 1 && n <= 1000),
                "--ceiling-clients must be client counts of 1..1000");
        require(flashSaleStock >= 1, "--flash-sale-stock must be at least 1");
        require(catalogueSize >= 3, "--catalogue-size must be at least 3 (orders have up to 3 distinct lines)");
        require(checkoutTtl >= 1 && checkoutTtl <= MAX_CHECKOUT_TTL,
                "--checkout-ttl must be 1.." + MAX_CHECKOUT_TTL + " (whole seconds)");
        require(compareAuth >= 0 && compareAuth <= 20, "--compare-auth takes 1..20 rounds");
        require(!scenarios.isEmpty() && !strategies.isEmpty(), "--scenarios and --strategies must not be empty");
        require(Files.isRegularFile(jar), "no service jar at " + jar);
        require(baselineJar == null || Files.isRegularFile(baselineJar), "no baseline jar at " + baselineJar);
        require(compareEvents >= 0 && compareEvents <= 20, "--compare-events takes 1..20 rounds");
        require(compareInstances >= 0 && compareInstances <= 20, "--compare-instances takes 1..20 rounds");
        require(instances >= 2 && instances <= 8, "--instances must be 2..8");
        require(Stream.of(baselineJar != null, compareAuth > 0, compareEvents > 0, compareInstances > 0)
                        .filter(on -> on).count() <= 1,
                "--baseline-jar, --compare-auth, --compare-events and --compare-instances are runs of their own: "
                        + "one at a time");
        require(compareInstances == 0 || client != LoadClient.Choice.WRK,
                "--compare-instances routes each request itself: the Java load client only, not --client wrk");
        require(baselineRounds >= 1 && baselineRounds <= 20, "--baseline-rounds must be 1..20");
        return this;
    }

    private static Path packagedJar() {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("stock-deduction-service-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "No target/stock-deduction-service-*.jar: run ./mvnw -DskipTests package or pass --jar"));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("No target directory: run ./mvnw -DskipTests package or pass --jar");
        }
    }

    /** Seconds, fractions allowed (the smoke test runs for fractions of a second). */
    private static Duration seconds(String value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(value.strip()) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a number of seconds");
        }
    }

    private static int number(String value, int fallback) {
        return value == null ? fallback : number(value);
    }

    private static int number(String value) {
        try {
            return Integer.parseInt(value.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a whole number");
        }
    }

    private static <T> List<T> list(String value, Function<String, T> parse, List<T> fallback) {
        if (value == null) {
            return fallback;
        }
        Set<T> items = new LinkedHashSet<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(parse.apply(item));
            }
        }
        return List.copyOf(items);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** pgbench takes whole seconds. */
    int ceilingSeconds() {
        return (int) Math.max(1, Math.min(Math.round(duration.toMillis() / 1000.0), MAX_CEILING_SECONDS));
    }

    /** e.g. {@code 10} or {@code 0.5}. */
    static String seconds(Duration duration) {
        return java.math.BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    /** Client counts of the extra hot-sku runs: 1 (latency) and --many-clients, unless that is --clients. */
    List<Integer> extraHotSkuClients() {
        if (!scenarios.contains(Scenario.HOT_SKU)) {
            return List.of();
        }
        return Stream.of(1, manyClients).filter(n -> n > 0 && n != clients).distinct().toList();
    }

    /** Every client count a write run uses: the read ceiling runs at each. */
    List<Integer> runClients() {
        return Stream.concat(Stream.of(clients), extraHotSkuClients().stream()).toList();
    }

    String describe() {
        if (baselineJar != null) {
            return ("before against after: %s (baseline) and %s (current), %s at %d clients, strategies %s, %d "
                    + "round(s) on each, %s s measured per run after up to %s s of warm-up in %s s slices").formatted(
                    baselineJar, jar, scenarios.stream().map(Scenario::id).collect(Collectors.joining(", ")), clients,
                    strategies.stream().map(PlacementMode::value).collect(Collectors.joining(", ")), baselineRounds,
                    seconds(duration), seconds(warmup), seconds(warmupSlice));
        }
        if (compareEvents > 0) {
            return ("the cost of events: events on against off, %s at %d clients, strategies %s, %d round(s) on each "
                    + "service, %s s measured per run after up to %s s of warm-up in %s s slices").formatted(
                    scenarios.stream().map(Scenario::id).collect(Collectors.joining(", ")), clients,
                    strategies.stream().map(PlacementMode::value).collect(Collectors.joining(", ")), compareEvents,
                    seconds(duration), seconds(warmup), seconds(warmupSlice));
        }
        if (compareInstances > 0) {
            return ("one instance against %d on one database (round-robin, and SKU affinity): %s at %d clients, "
                    + "strategies %s, %d round(s) on each, %s s measured per run after up to %s s of warm-up in %s s "
                    + "slices").formatted(instances,
                    scenarios.stream().map(Scenario::id).collect(Collectors.joining(", ")), clients,
                    strategies.stream().map(PlacementMode::value).collect(Collectors.joining(", ")),
                    compareInstances, seconds(duration), seconds(warmup), seconds(warmupSlice));
        }
        if (compareAuth > 0) {
            return ("the cost of token validation: hot-sku at %d clients, strategies %s, %d round(s) on each service, "
                    + "%s s measured per run after up to %s s of warm-up in %s s slices").formatted(clients,
                    strategies.stream().map(PlacementMode::value).collect(Collectors.joining(", ")), compareAuth,
                    seconds(duration), seconds(warmup), seconds(warmupSlice));
        }
        return ("%s s measured per run after up to %s s of warm-up in %s s slices, %d clients (hot-sku also at %s), "
                + "scenarios %s, strategies %s%s").formatted(seconds(duration), seconds(warmup), seconds(warmupSlice),
                clients,
                extraHotSkuClients().isEmpty() ? "no other count" : extraHotSkuClients().stream()
                        .map(String::valueOf).collect(Collectors.joining(" and ")),
                scenarios.stream().map(Scenario::id).collect(Collectors.joining(", ")),
                strategies.stream().map(PlacementMode::value).collect(Collectors.joining(", ")),
                scenarios.contains(Scenario.CHECKOUT) ? ", checkout holds left to expire for " + checkoutTtl + " s"
                        : "");
    }
}
