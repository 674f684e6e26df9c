package com.example.inventory.faults;

import com.example.inventory.ServiceJar;
import com.example.inventory.TestDatabase;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of the service under load, then a restart: nothing an answer confirmed is lost, no order is
 * stored partly, and clients that send every unanswered or 5xx request again, with the same order id, end with
 * each order placed exactly once.
 */
@Timeout(300)
class CrashIT {

    @Test
    void aKilledServiceLosesNothingItConfirmedAndRetriesPlaceEachOrderOnce() throws Exception {
        killUnderLoadAndRestart(6, Traffic.Mix.EVERYTHING, "crash.log");
    }

    /**
     * Only checkouts on two products, under the batched strategy: most of the time some batch of confirmations and
     * releases is being committed, so the kill lands in one (or between two) — either way each reservation is
     * decided exactly once, as its answer (or its retry's) says.
     */
    @Test
    void aServiceKilledWhileDecisionBatchesCommitDecidesEachReservationOnce() throws Exception {
        killUnderLoadAndRestart(2, Traffic.Mix.CHECKOUTS, "crash-checkouts.log");
    }

    private static void killUnderLoadAndRestart(int products, Traffic.Mix mix, String logName) throws Exception {
        TestDatabase database = TestDatabase.shared();
        JdbcClient jdbc = database.jdbc();
        Path log = Path.of("target", "faults", logName);
        ServiceJar service = ServiceJar.start(log);
        int port = service.port();
        Traffic traffic = new Traffic(List.of(service.api()), products, 1_000_000, false, mix);
        long start = System.nanoTime();
        Thread killer = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(3_000);
                service.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        traffic.run(32, () -> service.isAlive() || System.nanoTime() - start < 3_000_000_000L);
        killer.join();
        System.out.println("Killed under load; answers before the restart: " + traffic.statusCounts());
        assertThat(traffic.sent()).filteredOn(Traffic.Sent::succeeded).isNotEmpty();

        try (ServiceJar restarted = ServiceJar.start(database.jdbcUrl(), database.roles(), port, log)) {
            int retried = traffic.retryUnsettled(restarted.api());
            System.out.println("Retried " + retried + " unanswered or 5xx requests; answers now: "
                    + traffic.statusCounts());

            assertThat(traffic.sent()).as("every request settled after the retries")
                    .noneMatch(Traffic.Sent::unsettled);
            traffic.assertDatabaseMatchesTheAnswers(jdbc);
        }
    }
}
