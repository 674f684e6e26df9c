package com.example.inventory.events;

import com.example.inventory.HttpApi;
import com.example.inventory.Race;
import com.example.inventory.ServiceJar;
import com.example.inventory.TestBroker;
import com.example.inventory.TestDatabase;
import com.example.inventory.events.EventTap.Received;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.example.inventory.HttpApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox under faults, with real processes: the packaged service ({@link ServiceJar}), the broker stopped and
 * started ({@code rabbitmqctl stop_app} / {@code start_app}), the service killed ({@code kill -9}) while its events
 * wait, two instances sharing the database. Each product is made with one unit and bought once, so every committed
 * deduction makes exactly one {@code stock.depleted}: the events a consumer must end up with are known exactly, and
 * counted by {@code eventId} (duplicates, which at-least-once allows, are counted and printed).
 */
@Timeout(360)
class EventsFaultsIT {

    private static final Duration DELIVERY = Duration.ofSeconds(90);
    private static final int PRODUCTS = 40;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        startBroker();
        for (AutoCloseable closeable : toClose.reversed()) {
            closeable.close();
        }
    }

    @Test
    void withTheBrokerStoppedOrdersAreTakenAndTheirEventsFlowWhenItReturns() throws Exception {
        ServiceJar service = started(ServiceJar.start(log("broker-down")));
        EventTap tap = tapped();
        List<String> skus = products(service.api(), PRODUCTS);

        stopBroker();
        Map<Integer, Integer> statuses = Race.count(16, PRODUCTS,
                index -> service.api().deduct(null, unique("ORD"), skus.get(index), 1).status());
        assertThat(statuses).as("no request fails for the broker").containsExactly(Map.entry(201, PRODUCTS));
        assertThat(service.isReady()).as("readiness stays UP").isTrue();
        HttpApi.Response health = service.api().get("/actuator/health/events");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("DEGRADED");
        assertThat(outstanding(service.api())).isGreaterThanOrEqualTo(PRODUCTS);

        startBroker();
        List<Received> delivered = tap.await(depletedOf(skus), PRODUCTS, DELIVERY, Duration.ofSeconds(1));

        report("broker stopped under load", skus, delivered);
        assertEveryProductDepletedOnce(skus, delivered);
        awaitNothingOutstanding(service.api());
        assertThat(service.api().get("/actuator/health/events").json().get("status").asString()).isEqualTo("UP");
        assertThat(tap.violations()).isEmpty();
        assertThat(service.logOfThisProcess().lines()).as("the outage in a few lines, no stack trace")
                .noneMatch(line -> line.contains(" ERROR ") || line.startsWith("\tat "))
                .filteredOn(line -> line.contains(" WARN ")).hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void aServiceKilledBetweenCommitAndPublishLosesNoEvent() throws Exception {
        TestDatabase database = TestDatabase.shared();
        ServiceJar service = ServiceJar.start(log("killed"));
        int port = service.port();
        EventTap tap = tapped();
        List<String> skus = products(service.api(), PRODUCTS);
        stopBroker();
        Map<Integer, Integer> statuses = Race.count(16, PRODUCTS,
                index -> service.api().deduct(null, unique("ORD"), skus.get(index), 1).status());
        assertThat(statuses).containsExactly(Map.entry(201, PRODUCTS));
        service.kill();
        startBroker();
        assertThat(tap.await(depletedOf(skus), 1, Duration.ofSeconds(3), Duration.ZERO))
                .as("nothing was published before the kill").isEmpty();

        ServiceJar restarted = started(ServiceJar.start(database.jdbcUrl(), database.roles(), port, log("killed")));
        List<Received> delivered = tap.await(depletedOf(skus), PRODUCTS, DELIVERY, Duration.ofSeconds(1));

        report("kill -9 between commit and publish", skus, delivered);
        assertEveryProductDepletedOnce(skus, delivered);
        awaitNothingOutstanding(restarted.api());
        assertThat(tap.violations()).isEmpty();
    }

    @Test
    void twoInstancesPublishEachChangeOnce() throws Exception {
        ServiceJar first = started(ServiceJar.start(log("two-instances-1")));
        ServiceJar second = started(ServiceJar.start(log("two-instances-2")));
        EventTap tap = tapped();
        List<String> skus = products(first.api(), PRODUCTS);
        List<String> whileDown = products(first.api(), PRODUCTS);

        Map<Integer, Integer> statuses = Race.count(16, PRODUCTS,
                index -> (index % 2 == 0 ? first : second).api().deduct(null, unique("ORD"), skus.get(index), 1)
                        .status());
        assertThat(statuses).containsExactly(Map.entry(201, PRODUCTS));
        List<Received> delivered = tap.await(depletedOf(skus), PRODUCTS, DELIVERY, Duration.ofSeconds(1));
        report("two instances, broker up", skus, delivered);
        assertEveryProductDepletedOnce(skus, delivered);
        assertThat(delivered).as("each event sent once").hasSize(PRODUCTS);

        // Both instances resubmit what failed while the broker was away: each publication is claimed by one.
        stopBroker();
        assertThat(Race.count(16, PRODUCTS, index -> (index % 2 == 0 ? first : second).api()
                .deduct(null, unique("ORD"), whileDown.get(index), 1).status()))
                .containsExactly(Map.entry(201, PRODUCTS));
        startBroker();
        List<Received> resubmitted = tap.await(depletedOf(whileDown), PRODUCTS, DELIVERY, Duration.ofSeconds(3));
        int duplicates = report("two instances resubmitting after the broker returned", whileDown, resubmitted);
        assertEveryProductDepletedOnce(whileDown, resubmitted);
        assertThat(duplicates).as("resubmissions claimed by one instance each (at most a race's worth)")
                .isLessThanOrEqualTo(PRODUCTS / 10);
        awaitNothingOutstanding(first.api());
        assertThat(tap.violations()).isEmpty();
    }

    private <T extends AutoCloseable> T started(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    private EventTap tapped() {
        return started(EventTap.open());
    }

    private static List<String> products(HttpApi api, int count) {
        return IntStream.range(0, count).mapToObj(i -> {
            String sku = unique("OUTBOX");
            api.createProduct(sku, 1);
            return sku;
        }).toList();
    }

    private static java.util.function.Predicate<Received> depletedOf(List<String> skus) {
        Set<String> wanted = new HashSet<>(skus);
        return event -> event.name().equals("stock.depleted") && wanted.contains(event.body().path("sku").asString(""));
    }

    /** Every product's one event arrived (by event id, whatever duplicates came too). */
    private static void assertEveryProductDepletedOnce(List<String> skus, List<Received> delivered) {
        Map<String, Set<String>> idsBySku = delivered.stream().collect(Collectors.groupingBy(
                event -> event.body().get("sku").asString(), Collectors.mapping(Received::eventId, Collectors.toSet())));
        assertThat(idsBySku.keySet()).as("every committed change's event arrived").containsExactlyInAnyOrderElementsOf(skus);
        assertThat(idsBySku.values()).as("one event per change (duplicates are deliveries of one event id)")
                .allSatisfy(ids -> assertThat(ids).hasSize(1));
    }

    /** Prints what arrived and returns the number of duplicate deliveries. */
    private static int report(String what, List<String> skus, List<Received> delivered) {
        Map<String, Long> byId = delivered.stream().collect(Collectors.groupingBy(Received::eventId,
                Collectors.counting()));
        int duplicates = delivered.size() - byId.size();
        System.out.printf("Events, %s: %d changes, %d distinct events delivered, %d duplicate deliveries%n", what,
                skus.size(), byId.size(), duplicates);
        return duplicates;
    }

    private static double outstanding(HttpApi api) {
        String metrics = api.get("/actuator/prometheus").body();
        return metrics.lines().filter(line -> line.startsWith("inventory_events_outstanding"))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow();
    }

    private static void awaitNothingOutstanding(HttpApi api) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(outstanding(api)).isZero());
    }

    private static Path log(String name) {
        return Path.of("target", "faults", "events-" + name + ".log");
    }

    private static void stopBroker() throws IOException, InterruptedException {
        rabbitmqctl("stop_app");
    }

    private static void startBroker() throws IOException, InterruptedException {
        rabbitmqctl("start_app");
        rabbitmqctl("await_startup");
    }

    /** Runs {@code rabbitmqctl} against the test broker's node (it must be this machine's). */
    private static void rabbitmqctl(String command) throws IOException, InterruptedException {
        if (!TestBroker.shared().host().equals("127.0.0.1")) {
            throw new IllegalStateException("The broker faults need the local broker: " + TestBroker.shared());
        }
        Process process = new ProcessBuilder("rabbitmqctl", command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("rabbitmqctl " + command + " failed: " + output);
        }
    }
}
