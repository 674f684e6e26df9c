package com.example.inventory.bench;

import com.example.inventory.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;


/**
 * The raw SQL ceiling: what PostgreSQL itself sustains, measured with pgbench on the same server and database,
 * on a table shaped like the service's stock rows ({@code ceiling_product}, like {@code product} or, with stock per
 * location, {@code location_stock}: see {@link StockTables#createCeilingTable}; one hot row, id 1, and
 * {@value #WIDE_ROWS} others), with the statements each strategy boils down to.
 */
final class Ceiling {

    static final int WIDE_ROWS = 10_000;
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern PROCESSED = Pattern.compile("number of transactions actually processed: (\\d+)");

    /** The statements measured; (c) counts successes (the drop in stock), not attempts. */
    enum Kind {
        A_CONDITIONAL_UPDATE_HOT("a", "conditional UPDATE … WHERE id = 1 AND stock - reserved >= 1 (hot row)", """
                UPDATE ceiling_product SET stock = stock - 1, version = version + 1
                 WHERE id = 1 AND stock - reserved >= 1;
                """),
        // FOR NO KEY UPDATE is what Hibernate's PESSIMISTIC_WRITE, used by the pessimistic strategy, sends.
        B_LOCK_THEN_UPDATE_HOT("b", "BEGIN; SELECT … FOR NO KEY UPDATE; UPDATE; COMMIT (hot row)", """
                BEGIN;
                SELECT stock, reserved, version FROM ceiling_product WHERE id = 1 FOR NO KEY UPDATE;
                UPDATE ceiling_product SET stock = stock - 1, version = version + 1 WHERE id = 1;
                COMMIT;
                """),
        C_VERSION_CHECK_HOT("c", "read version, UPDATE … WHERE id = 1 AND version = :v (hot row, successes/s)", """
                SELECT version AS v FROM ceiling_product WHERE id = 1 \\gset
                UPDATE ceiling_product SET stock = stock - 1, version = version + 1 WHERE id = 1 AND version = :v;
                """),
        D_CONDITIONAL_UPDATE_WIDE("d", "conditional UPDATE on a random row of " + WIDE_ROWS, """
                \\set id random(2, %d)
                UPDATE ceiling_product SET stock = stock - 1, version = version + 1
                 WHERE id = :id AND stock - reserved >= 1;
                """.formatted(WIDE_ROWS + 1));

        final String letter;
        final String description;
        final String script;

        Kind(String letter, String description, String script) {
            this.letter = letter;
            this.description = description;
            this.script = script;
        }
    }

    /** One pgbench figure; {@code perSecond} is transactions/s, successes/s for (c). */
    record Figure(Kind kind, int clients, double perSecond, double attemptsPerSecond) {
    }

    /** All figures, or why there are none; {@code table}: what {@code ceiling_product} is shaped like. */
    record Result(List<Figure> figures, String pgbench, String table, String unavailableBecause) {

        static Result unavailable(String why) {
            return new Result(List.of(), null, null, why);
        }

        Optional<Figure> figure(Kind kind, int clients) {
            return figures.stream().filter(f -> f.kind() == kind && f.clients() == clients).findFirst();
        }

        /**
         * The figure at {@code clients}, else at the most clients measured below that: PostgreSQL's
         * max_connections (100 by default) keeps pgbench from opening hundreds of connections.
         */
        Optional<Figure> figureFor(Kind kind, int clients) {
            return figures.stream().filter(f -> f.kind() == kind && f.clients() <= clients)
                    .max(Comparator.comparingInt(Figure::clients));
        }

        /** The best figure of a kind over the given client counts: (a*) for the hot row. */
        Optional<Figure> best(Kind kind, List<Integer> clientCounts) {
            return figures.stream().filter(f -> f.kind() == kind && clientCounts.contains(f.clients()))
                    .max(Comparator.comparingDouble(Figure::perSecond));
        }
    }

    private final TestDatabase database;
    private final Catalogue catalogue;
    private final Path workDirectory;

    Ceiling(TestDatabase database, Catalogue catalogue, Path workDirectory) {
        this.database = database;
        this.catalogue = catalogue;
        this.workDirectory = workDirectory;
    }

    /**
     * Measures every kind at each of {@code clientCounts}, and (a) at {@code hotRowCounts} too (for (a*)),
     * {@code seconds} each; never throws for a missing pgbench.
     */
    Result measure(List<Integer> clientCounts, List<Integer> hotRowCounts, int seconds)
            throws SQLException, IOException, InterruptedException {
        Optional<Path> pgbench = findPgbench();
        if (pgbench.isEmpty()) {
            return Result.unavailable("pgbench not found on PATH nor under /usr/lib/postgresql/*/bin");
        }
        createTable();
        Files.createDirectories(workDirectory);
        List<Figure> figures = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            Path script = workDirectory.resolve(kind.letter + ".sql");
            Files.writeString(script, kind.script);
            TreeSet<Integer> counts = new TreeSet<>(clientCounts);
            if (kind == Kind.A_CONDITIONAL_UPDATE_HOT) {
                counts.addAll(hotRowCounts);
            }
            for (int clients : counts) {
                long stockBefore = hotStock();
                Run run = pgbench(pgbench.get(), script, clients, seconds,
                        workDirectory.resolve(kind.letter + "-" + clients + ".log"));
                double successesPerSecond = kind == Kind.C_VERSION_CHECK_HOT
                        ? (stockBefore - hotStock()) / run.seconds() : run.tps();
                figures.add(new Figure(kind, clients, successesPerSecond, run.tps()));
                System.out.printf("  ceiling (%s) %3d clients: %,10.0f/s%n", kind.letter, clients, successesPerSecond);
            }
        }
        return new Result(figures, pgbench.get().toString(), catalogue.tables().ceilingTable(), null);
    }

    private record Run(double tps, long transactions) {
        double seconds() {
            return transactions / tps;
        }
    }

    private Run pgbench(Path pgbench, Path script, int clients, int seconds, Path log)
            throws IOException, InterruptedException {
        URI server = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        String databaseName = server.getPath().substring(1);
        List<String> command = List.of(pgbench.toString(), "--no-vacuum", "--protocol=prepared",
                "--host=" + server.getHost(), "--port=" + (server.getPort() > 0 ? server.getPort() : 5432),
                "--username=" + database.username(), "--client=" + clients,
                "--jobs=" + Math.min(clients, Runtime.getRuntime().availableProcessors()),
                "--time=" + seconds, "--file=" + script, databaseName);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PGPASSWORD", database.password());
        Process process = builder.start();
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("pgbench did not finish; see " + log);
        }
        String output = Files.readString(log);
        Matcher tps = TPS.matcher(output);
        Matcher processed = PROCESSED.matcher(output);
        if (process.exitValue() != 0 || !tps.find() || !processed.find()) {
            throw new IllegalStateException("exit " + process.exitValue() + ", " + output.strip().lines()
                    .reduce((first, second) -> second).orElse("no output") + " (whole output in " + log + ")");
        }
        return new Run(Double.parseDouble(tps.group(1)), Long.parseLong(processed.group(1)));
    }

    /** Same columns, defaults and CHECKs as the service's stock rows; stock ample enough never to run out. */
    private void createTable() throws SQLException {
        try (Connection connection = catalogue.connect(); Statement statement = connection.createStatement()) {
            catalogue.tables().createCeilingTable(statement);
            statement.execute("ANALYZE ceiling_product");
        }
    }

    private long hotStock() throws SQLException {
        try (Connection connection = catalogue.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT stock FROM ceiling_product WHERE id = 1")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static Optional<Path> findPgbench() throws IOException {
        Optional<Path> onPath = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, "pgbench")).filter(Files::isExecutable).findFirst();
        if (onPath.isPresent()) {
            return onPath;
        }
        Path installed = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(installed)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(installed)) {
            return versions.map(version -> version.resolve("bin/pgbench")).filter(Files::isExecutable)
                    .max(Comparator.comparing(Ceiling::majorVersion));
        }
    }

    private static int majorVersion(Path pgbench) {
        try {
            return Integer.parseInt(pgbench.getParent().getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
