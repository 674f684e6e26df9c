package com.example.inventory.faults;

import com.example.inventory.ServiceJar;
import com.example.inventory.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under a steady load of every kind of request, an operator terminates all of the service's database backends,
 * twice ({@code pg_terminate_backend}). No request answers 500; every request that answered 2xx changed what it
 * says, and every other changed nothing.
 */
@Timeout(300)
class TerminatedBackendsIT {

    @Test
    void terminatedBackendsNeverCauseA500NorHideAChange() throws Exception {
        TestDatabase database = TestDatabase.shared();
        JdbcClient operator = database.jdbc();
        try (ServiceJar service = ServiceJar.start(Path.of("target", "faults", "terminated-backends.log"))) {
            Traffic traffic = new Traffic(List.of(service.api()), 6, 1_000_000, true);
            long start = System.nanoTime();
            Thread operatorThread = Thread.ofPlatform().start(() -> {
                for (long at : new long[] {1_500, 3_500}) {
                    sleepUntil(start, at);
                    int terminated = operator.sql("""
                            SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                            WHERE application_name = 'stock-deduction-service'""").query(Integer.class).single();
                    assertThat(terminated).as("service backends terminated").isPositive();
                }
            });

            traffic.run(24, () -> System.nanoTime() - start < 6_000_000_000L);
            operatorThread.join();

            Map<String, Integer> statuses = traffic.statusCounts();
            System.out.println("Terminated backends twice under load; answers: " + statuses);
            assertThat(statuses.keySet()).as("no 500, no unanswered request")
                    .allSatisfy(key -> assertThat(key).doesNotEndWith(" 500").doesNotEndWith(" 0"));
            assertThat(traffic.sent()).filteredOn(Traffic.Sent::succeeded).hasSizeGreaterThan(50);
            traffic.assertDatabaseMatchesTheAnswers(operator);
            assertThat(service.api().deduct("pessimistic", com.example.inventory.HttpApi.unique("AFTER"),
                    traffic.skus().getFirst(), 1).status()).as("serves again").isEqualTo(201);
            assertThat(service.logOfThisProcess()).as("a lost database is logged at WARN, not as a bug")
                    .doesNotContain(" ERROR ");
        }
    }

    private static void sleepUntil(long start, long millis) {
        long wait = millis - (System.nanoTime() - start) / 1_000_000;
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
