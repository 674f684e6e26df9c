package com.example.inventory.faults;

import com.example.inventory.HttpApi;
import com.example.inventory.ServiceJar;
import com.example.inventory.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.FileSystemUtils;

import static com.example.inventory.HttpApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's PostgreSQL — a dedicated instance of this test's own — stops under load and starts again. The
 * service keeps running: readiness DOWN and 503s while the database is away, serving again within seconds of its
 * return, without a restart of its own; nothing answered 2xx is lost and nothing answered 503 changed anything.
 */
@Timeout(300)
class DatabaseRestartIT {

    @Test
    void theServiceRidesOutADatabaseRestart() throws Exception {
        Path data = Files.createTempDirectory("restart-pg");
        int port = ServiceJar.freePort();
        AtomicReference<EmbeddedPostgres> postgres = new AtomicReference<>(startPostgres(data, port));
        String url = TestDatabase.embeddedUrl(postgres.get());
        JdbcClient jdbc = JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres",
                ""));
        TestDatabase.Roles roles = TestDatabase.createRoles(url, "postgres", "", "inventory");
        try (ServiceJar service = ServiceJar.start(url, roles, Path.of("target", "faults", "database-restart.log"))) {
            HttpApi api = service.api();
            Traffic traffic = new Traffic(List.of(api), 4, 1_000_000, true);
            long start = System.nanoTime();
            Thread operator = Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(2_000);
                    postgres.get().close();
                    long down = System.nanoTime();
                    while (service.isReady()) {
                        assertThat(System.nanoTime() - down).as("readiness DOWN while the database is away")
                                .isLessThan(Duration.ofSeconds(20).toNanos());
                        Thread.sleep(100);
                    }
                    String order = unique("DOWN");
                    HttpApi.Response whileDown = api.deduct("pessimistic", order, "ANY-SKU", 1);
                    assertThat(whileDown.status()).as(whileDown.toString()).isEqualTo(503);
                    assertThat(whileDown.header("Retry-After")).contains("1");
                    Thread.sleep(2_000);
                    postgres.set(startPostgres(data, port));
                    long back = System.nanoTime();
                    service.awaitReady(Duration.ofSeconds(30));
                    System.out.printf("Ready again %d ms after the database was back%n",
                            (System.nanoTime() - back) / 1_000_000);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            traffic.run(16, () -> operator.isAlive() || System.nanoTime() - start < 4_000_000_000L);
            operator.join();
            traffic.run(16, () -> System.nanoTime() - start < 20_000_000_000L && traffic.sent().size() < 5_000);

            System.out.println("Database restarted under load; answers: " + traffic.statusCounts());
            assertThat(traffic.statusCounts().keySet()).as("no 500, no unanswered request")
                    .allSatisfy(key -> assertThat(key).doesNotEndWith(" 500").doesNotEndWith(" 0"));
            assertThat(traffic.statusCounts()).as("some requests were refused while the database was away")
                    .containsKey("DEDUCT 503");
            traffic.assertDatabaseMatchesTheAnswers(jdbc);
            assertThat(api.deduct("atomic", unique("AFTER"), traffic.skus().getFirst(), 1).status()).isEqualTo(201);
        } finally {
            postgres.get().close();
            FileSystemUtils.deleteRecursively(data);
        }
    }

    private static EmbeddedPostgres startPostgres(Path data, int port) throws java.io.IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }
}
