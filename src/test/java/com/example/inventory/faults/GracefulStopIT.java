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
 * SIGTERM under load, as an orchestrator stops the service: every request it had accepted — also those queued for
 * the batched strategy — is answered and committed, or answered 503 and not committed; one it never accepted
 * changed nothing. None is lost.
 */
@Timeout(300)
class GracefulStopIT {

    @Test
    void aStoppingServiceAnswersEveryRequestItAcceptedAndLosesNone() throws Exception {
        TestDatabase database = TestDatabase.shared();
        JdbcClient jdbc = database.jdbc();
        Path log = Path.of("target", "faults", "graceful-stop.log");
        ServiceJar service = ServiceJar.start(log);
        Traffic traffic = new Traffic(List.of(service.api()), 4, 1_000_000, true);
        long start = System.nanoTime();
        Thread orchestrator = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(3_000);
                service.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        traffic.run(48, () -> service.isAlive() || System.nanoTime() - start < 3_000_000_000L);
        orchestrator.join();

        System.out.println("Stopped with SIGTERM under load; answers: " + traffic.statusCounts());
        assertThat(traffic.statusCounts().keySet()).as("no 500").allSatisfy(key ->
                assertThat(key).doesNotEndWith(" 500"));
        assertThat(traffic.sent()).filteredOn(Traffic.Sent::succeeded).isNotEmpty();
        traffic.assertDatabaseMatchesTheAnswers(jdbc);
        assertThat(service.logOfThisProcess()).doesNotContain(" ERROR ");
    }
}
