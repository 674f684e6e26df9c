package com.example.inventory.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.example.inventory.stock.Strategy;

/** The benchmark's command-line flags, with defaults sized so a whole default run takes under 10 minutes on 2 cores. */
record Options(int durationSeconds, int warmupSeconds, int serviceWarmupSeconds, int clients, List<Scenario> scenarios,
               List<Strategy> strategies, Path out, int flashSaleStock, int catalogueSize, Path jar,
               List<String> serviceJavaOptions) {

    /** pgbench settles within seconds; longer ceiling runs would only lengthen the whole benchmark. */
    static final int MAX_CEILING_SECONDS = 8;

    static final String USAGE = """
            Usage: bench/run [flags]
              --duration SECONDS        measured seconds per scenario x strategy run (default 15)
              --warmup SECONDS          warm-up seconds before each run, not counted (default 3)
              --service-warmup SECONDS  once, before the first run: seconds of mixed load per strategy, not
                                        counted, so the service's JIT has compiled every strategy's path (default 25)
              --clients N               concurrent closed-loop clients (default 64); the ceiling runs at N and 1,
                                        each for min(duration, %d) s
              --scenarios LIST          comma-separated, from: %s (default all)
              --strategies LIST         comma-separated, from: %s (default all)
              --out DIR                 where report.md, report.csv and the charts go (default target/bench)
              --flash-sale-stock N      stock of the flash-sale product (default 5000)
              --catalogue-size N        products of the wide-catalogue and mixed scenarios (default 10000)
              --jar PATH                the service jar (default target/stock-deduction-service-*.jar)
              --service-java-options S  space-separated JVM options for the service process (default none)
              --help                    this text
            Exit status: 0 when every invariant held, 1 when one was violated or the run failed, 2 on bad flags.
            """.formatted(MAX_CEILING_SECONDS, Scenario.ids(), Strategy.names());

    static Options defaults() {
        return new Options(15, 3, 25, 64, List.of(Scenario.values()), List.of(Strategy.values()),
                Path.of("target", "bench"), 5_000, 10_000, null, List.of());
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
        Options options = new Options(
                number(values.remove("--duration"), defaults.durationSeconds),
                number(values.remove("--warmup"), defaults.warmupSeconds),
                number(values.remove("--service-warmup"), defaults.serviceWarmupSeconds),
                number(values.remove("--clients"), defaults.clients),
                list(values.remove("--scenarios"), Scenario::of, defaults.scenarios),
                list(values.remove("--strategies"), Strategy::of, defaults.strategies),
                Optional.ofNullable(values.remove("--out")).map(Path::of).orElse(defaults.out),
                number(values.remove("--flash-sale-stock"), defaults.flashSaleStock),
                number(values.remove("--catalogue-size"), defaults.catalogueSize),
                Optional.ofNullable(values.remove("--jar")).map(Path::of).orElseGet(Options::packagedJar),
                Optional.ofNullable(values.remove("--service-java-options"))
                        .map(text -> Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList())
                        .orElse(defaults.serviceJavaOptions));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("Unknown flag(s) " + values.keySet());
        }
        return options.validated();
    }

    private Options validated() {
        require(durationSeconds >= 1, "--duration must be at least 1");
        require(warmupSeconds >= 0, "--warmup must not be negative");
        require(serviceWarmupSeconds >= 0, "--service-warmup must not be negative");
        require(clients >= 1 && clients <= 1000, "--clients must be 1..1000");
        require(flashSaleStock >= 1, "--flash-sale-stock must be at least 1");
        require(catalogueSize >= 3, "--catalogue-size must be at least 3 (orders have up to 3 distinct lines)");
        require(!scenarios.isEmpty() && !strategies.isEmpty(), "--scenarios and --strategies must not be empty");
        require(Files.isRegularFile(jar), "no service jar at " + jar);
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

    private static int number(String value, int fallback) {
        if (value == null) {
            return fallback;
        }
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

    int ceilingSeconds() {
        return Math.min(durationSeconds, MAX_CEILING_SECONDS);
    }

    String describe() {
        return "%d s measured + %d s warm-up per run, %d clients, scenarios %s, strategies %s".formatted(
                durationSeconds, warmupSeconds, clients,
                scenarios.stream().map(Scenario::id).collect(Collectors.joining(", ")),
                strategies.stream().map(Strategy::value).collect(Collectors.joining(", ")));
    }
}
