package com.example.inventory.faults;

import com.example.inventory.HttpApi;
import com.example.inventory.ServiceJar;
import com.example.inventory.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three service processes on one database, requests spread over them, every strategy at once on shared hot
 * products and multi-line orders, with cancellations, restocks and reservations in between: the invariants hold,
 * nothing deadlocks, nothing answers 500.
 */
@Timeout(300)
class SeveralInstancesIT {

    @Test
    void threeInstancesShareHotProductsSafely() throws Exception {
        TestDatabase database = TestDatabase.shared();
        JdbcClient jdbc = database.jdbc();
        List<ServiceJar> services = new ArrayList<>();
        try {
            for (int i = 1; i <= 3; i++) {
                services.add(ServiceJar.start(Path.of("target", "faults", "instance-" + i + ".log")));
            }
            List<HttpApi> apis = services.stream().map(ServiceJar::api).toList();
            Traffic traffic = new Traffic(apis, 4, 1_000_000, true);
            long start = System.nanoTime();

            traffic.run(36, () -> System.nanoTime() - start < 8_000_000_000L);

            System.out.println("Three instances; answers: " + traffic.statusCounts());
            assertThat(traffic.statusCounts().keySet()).as("no 500, no unanswered request")
                    .allSatisfy(key -> assertThat(key).doesNotEndWith(" 500").doesNotEndWith(" 0"));
            assertThat(traffic.sent()).filteredOn(Traffic.Sent::succeeded).hasSizeGreaterThan(100);
            traffic.assertDatabaseMatchesTheAnswers(jdbc);
            for (ServiceJar service : services) {
                assertThat(Files.readString(service.log())).as(service.log().toString())
                        .doesNotContain("deadlock detected").doesNotContain(" ERROR ");
            }
        } finally {
            for (ServiceJar service : services) {
                service.close();
            }
        }
    }
}
