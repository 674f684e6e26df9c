package com.example.inventory.ops;

import com.example.inventory.HeldRow;
import com.example.inventory.HttpApi;
import com.example.inventory.ServiceJar;
import com.example.inventory.TestDatabase;
import com.example.localauth.LocalClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.yaml.snakeyaml.Yaml;

import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The dashboard and the alert rules against real data: the packaged service on a fresh database, a real Prometheus
 * (Debian's package) scraping it every second with the project's scrape configuration and alert rules and an
 * {@code inventory.admin} token in a file, and a short mixed load through the API — deductions under every strategy
 * (completed, replayed, 409 insufficient stock and order conflict, 404), optimistic races on a hot product, batches,
 * a held row lock that makes pessimistic and batched orders time out and a burst that fills the batch queue (503s),
 * reservations confirmed, released, extended and left to expire, restocks. Then every expression of every panel of
 * {@code ops/grafana/inventory.json} (the one place they are written) is asked of Prometheus's HTTP API: none may
 * fail, answer no series, or answer NaN alone. The rules must be loaded and healthy, the queue-rejection alert must
 * be active and the drift alert silent. A table of every expression with its series count and largest value is
 * written to {@code target/ops/dashboard-queries.md}.
 */
@Timeout(240)
class DashboardQueriesIT {

    private static final Path DASHBOARD = Path.of("ops", "grafana", "inventory.json");
    private static final Path DATASOURCE = Path.of("ops", "grafana", "provisioning", "datasources", "prometheus.yml");
    private static final Path ALERT_TESTS = Path.of("ops", "prometheus", "alerts_test.yml");
    private static final Path OUT = Path.of("target", "ops");
    /** What Grafana puts for {@code $__rate_interval}: the load is shorter than this window. */
    private static final String RATE_INTERVAL = "1m";
    private static final Duration HOT_LOAD = Duration.ofSeconds(8);
    private static final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theAlertRulesPassTheirPromtoolUnitTests() throws Exception {
        Prometheus.Result check = Prometheus.promtool("check", "rules", Prometheus.ALERTS.toString());
        assertThat(check.exitStatus()).as("promtool check rules:\n%s", check.output()).isZero();
        Prometheus.Result tests = Prometheus.promtool("test", "rules", ALERT_TESTS.toString());
        assertThat(tests.exitStatus()).as("promtool test rules:\n%s", tests.output()).isZero();
    }

    @Test
    void everyPanelQueryAnswersWithSeriesFromARealPrometheusScrapingTheServiceUnderLoad() throws Exception {
        List<Target> targets = dashboardTargets();
        Prometheus.executable("prometheus");
        TestDatabase database = TestDatabase.shared().sibling();
        Files.createDirectories(OUT);
        Path tokenFile = OUT.resolve("scrape-token");
        Files.writeString(tokenFile, ServiceJar.tokens().accessToken(LocalClient.BACK_OFFICE));
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
        long started = System.nanoTime();
        try (ServiceJar service = ServiceJar.start(database.jdbcUrl(), database.roles(), OUT.resolve("service.log"),
                "inventory.deduction.lock-timeout=500ms", "inventory.deduction.batch.queue-capacity=4",
                "inventory.ledger.drift-check-interval=5s");
             Prometheus prometheus = Prometheus.start(service, tokenFile, OUT.resolve("prometheus"))) {
            awaitTrue("the scrape target up, its token accepted (" + prometheus.log() + ")", Duration.ofSeconds(20),
                    () -> targetHealth(prometheus).startsWith("up"));

            Map<String, Integer> answers = new Load(service.api(), database).run();
            System.out.println("DashboardQueriesIT load answers: " + answers);
            Thread.sleep(3_000); // the last requests' meters scraped (every 1 s)

            List<Answer> results = new ArrayList<>();
            for (Target target : targets) {
                results.add(ask(prometheus, target));
            }
            Files.writeString(OUT.resolve("dashboard-queries.md"), report(results, answers));
            System.out.println(report(results, answers));

            assertThat(results).as("every panel expression answered with a series holding a number (see %s)",
                    OUT.resolve("dashboard-queries.md")).allSatisfy(answer -> assertThat(answer.problem())
                    .as("%s / %s: %s", answer.target().panel(), answer.target().refId(), answer.target().expr())
                    .isEmpty());
            assertThat(results).filteredOn(answer -> answer.target().expr().contains("inventory_ledger_drift"))
                    .as("ledger drift measured, and 0").isNotEmpty()
                    .allSatisfy(answer -> assertThat(answer.max()).isZero());

            awaitTrue("every alert rule loaded and evaluated without error", Duration.ofSeconds(15), () ->
                    ruleHealth(prometheus).values().stream().allMatch("ok"::equals));
            assertThat(ruleHealth(prometheus).keySet()).containsExactlyInAnyOrder("InventoryLedgerDrift",
                    "InventoryContentionHigh", "InventoryBatchQueueRejections", "InventoryDown",
                    "InventoryDeductionLatencyHigh", "InventoryEventsAgeing");
            awaitTrue("the queue-rejection alert active after the burst", Duration.ofSeconds(15), () ->
                    activeAlerts(prometheus).contains("InventoryBatchQueueRejections"));
            assertThat(activeAlerts(prometheus)).doesNotContain("InventoryLedgerDrift", "InventoryDown",
                    "InventoryEventsAgeing");
        }
        System.out.printf(Locale.ROOT, "DashboardQueriesIT: %d expressions proven in %.1f s%n", targets.size(),
                (System.nanoTime() - started) / 1e9);
    }

    /** One expression of one panel of the dashboard. */
    record Target(String panel, String refId, String expr) {
    }

    /** What Prometheus answered: the series, the largest finite value, and what is wrong with it (empty: nothing). */
    record Answer(Target target, int series, double max, String problem) {
    }

    /**
     * Every target of every panel (rows' panels too), each naming the provisioned data source: the dashboard's
     * structure as Grafana reads it, so a panel without a query, or one on another data source, fails here.
     */
    static List<Target> dashboardTargets() throws Exception {
        JsonNode dashboard = json.readTree(Files.readString(DASHBOARD));
        Map<String, Object> provisioned = new Yaml().load(Files.readString(DATASOURCE));
        @SuppressWarnings("unchecked")
        String uid = (String) ((List<Map<String, Object>>) provisioned.get("datasources")).getFirst().get("uid");
        List<Target> targets = new ArrayList<>();
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            panels.add(panel);
            if (panel.has("panels")) {
                panel.get("panels").forEach(panels::add);
            }
        }
        for (JsonNode panel : panels) {
            if (panel.get("type").asString().equals("row")) {
                continue;
            }
            String title = panel.get("title").asString();
            assertThat(panel.get("datasource").get("uid").asString()).as("data source of %s", title).isEqualTo(uid);
            assertThat(panel.has("targets") && !panel.get("targets").isEmpty()).as("%s has a query", title).isTrue();
            for (JsonNode target : panel.get("targets")) {
                String expr = target.get("expr").asString();
                assertThat(expr).as("expr of %s", title).isNotBlank();
                targets.add(new Target(title, target.get("refId").asString(), expr));
            }
        }
        assertThat(targets).as("the panels' expressions").isNotEmpty();
        return targets;
    }

    private static Answer ask(Prometheus prometheus, Target target) throws Exception {
        String promql = target.expr().replace("$__rate_interval", RATE_INTERVAL);
        if (promql.contains("$")) {
            return new Answer(target, 0, Double.NaN, "a variable this test cannot substitute: " + promql);
        }
        JsonNode answer = prometheus.query(promql);
        if (!"success".equals(answer.path("status").asString())) {
            return new Answer(target, 0, Double.NaN, "error: " + answer);
        }
        JsonNode result = answer.get("data").get("result");
        double max = Double.NaN;
        for (JsonNode series : result) {
            double value = Double.parseDouble(series.get("value").get(1).asString());
            if (Double.isFinite(value) && (Double.isNaN(max) || value > max)) {
                max = value;
            }
        }
        String problem = result.isEmpty() ? "no series" : Double.isNaN(max) ? "no finite value: " + result : "";
        return new Answer(target, result.size(), max, problem);
    }

    private static String report(List<Answer> results, Map<String, Integer> answers) {
        StringBuilder report = new StringBuilder("# Dashboard queries against a real Prometheus\n\n")
                .append("Load answers (endpoint and status: count): ").append(answers).append("\n\n")
                .append("`$__rate_interval` = ").append(RATE_INTERVAL).append("\n\n")
                .append("| panel | ref | expression | series | max | problem |\n|---|---|---|---|---|---|\n");
        for (Answer answer : results) {
            report.append("| ").append(answer.target().panel()).append(" | ").append(answer.target().refId())
                    .append(" | `").append(answer.target().expr().replace("|", "\\|")).append("` | ")
                    .append(answer.series()).append(" | ")
                    .append(Double.isNaN(answer.max()) ? "–" : String.format(Locale.ROOT, "%.4g", answer.max()))
                    .append(" | ").append(answer.problem().isEmpty() ? "" : answer.problem().replace("|", "\\|"))
                    .append(" |\n");
        }
        return report.toString();
    }

    private static String targetHealth(Prometheus prometheus) throws Exception {
        JsonNode active = prometheus.get("/api/v1/targets?state=active").get("data").get("activeTargets");
        return active.isEmpty() ? "none" : active.get(0).get("health").asString() + " "
                + active.get(0).path("lastError").asString();
    }

    private static Map<String, String> ruleHealth(Prometheus prometheus) throws Exception {
        Map<String, String> health = new TreeMap<>();
        for (JsonNode group : prometheus.get("/api/v1/rules").get("data").get("groups")) {
            for (JsonNode rule : group.get("rules")) {
                health.put(rule.get("name").asString(), rule.get("health").asString());
            }
        }
        return health;
    }

    private static List<String> activeAlerts(Prometheus prometheus) throws Exception {
        List<String> names = new ArrayList<>();
        for (JsonNode alert : prometheus.get("/api/v1/alerts").get("data").get("alerts")) {
            names.add(alert.get("labels").get("alertname").asString());
        }
        return names;
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(String what, Duration limit, Check check) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                fail("Not within " + limit + ": " + what);
            }
            Thread.sleep(250);
        }
    }

    /** The mixed load, counting every answer by endpoint and status. */
    private static final class Load {

        private final HttpApi api;
        private final TestDatabase database;
        private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();

        Load(HttpApi api, TestDatabase database) {
            this.api = api;
            this.database = database;
        }

        Map<String, Integer> run() throws Exception {
            String[] strategies = {"pessimistic", "optimistic", "atomic", "batched"};
            for (String strategy : strategies) {
                api.createProduct(sku(strategy), 1_000_000);
            }
            api.createProduct("SCARCE", 5);
            api.createProduct("HELD", 1_000);
            api.createProduct("HOLDS", 1_000);

            // Deductions of each kind: completed, replayed, order conflict, insufficient stock, unknown SKU.
            for (String strategy : strategies) {
                String order = HttpApi.unique("ORD");
                count("deduct", api.deduct(strategy, order, sku(strategy), 1));
                count("deduct", api.deduct(strategy, order, sku(strategy), 1));
                count("deduct", api.deduct(strategy, order, sku(strategy), 2));
                count("deduct", api.deduct(strategy, HttpApi.unique("ORD"), "SCARCE", 2));
                count("deduct", api.deduct(strategy, HttpApi.unique("ORD"), "NO-SUCH-SKU", 1));
            }

            // Reservations: confirmed, released, extended, refused, and holds of 1 s left to expire.
            List<String> holds = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                HttpApi.Response reserved = api.reserve(strategies[i % 4], HttpApi.unique("CHK"), i < 6 ? 1 : 600,
                        "HOLDS", 2);
                count("reserve", reserved);
                if (reserved.status() == 201) {
                    holds.add(reserved.json().get("id").asString());
                }
            }
            count("reserve", api.reserve(null, HttpApi.unique("CHK"), 600, "HOLDS", 5_000));
            count("confirm", api.decide(holds.get(6), "confirm"));
            count("release", api.decide(holds.get(7), "release"));
            count("confirm", api.decide(holds.get(7), "confirm"));
            count("extend", api.post("/api/v1/reservations/" + holds.get(8) + "/extend", "{\"ttlSeconds\":900}"));

            // Restocks, one of them repeated with its key.
            for (int i = 0; i < 4; i++) {
                String key = "restock-" + (i % 3);
                count("restock", api.send(HttpRequest.newBuilder(api.uri("/api/v1/products/HOLDS/restock"))
                        .header("Content-Type", "application/json").header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"quantity\":10}"))));
            }

            // A held row lock: pessimistic orders time out (503) and batched ones fill their queue (503 at once).
            DriverManagerDataSource owner = new DriverManagerDataSource(database.jdbcUrl(),
                    database.roles().owner().username(), database.roles().owner().password());
            try (HeldRow held = HeldRow.lock(owner, "HELD")) {
                hammer(List.of("pessimistic", "batched"), "HELD", 16, Duration.ofSeconds(3));
            }

            // Every strategy at once on its own hot product: batches form, optimistic orders race.
            hammer(List.of(strategies), null, 16, HOT_LOAD);

            return answers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    entry -> entry.getValue().get(), (a, b) -> a, TreeMap::new));
        }

        private void hammer(List<String> strategies, String fixedSku, int threads, Duration duration)
                throws Exception {
            long end = System.nanoTime() + duration.toNanos();
            try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                List<Future<?>> clients = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    String strategy = strategies.get(i % strategies.size());
                    String sku = fixedSku != null ? fixedSku : sku(strategy);
                    clients.add(pool.submit(() -> {
                        while (System.nanoTime() < end) {
                            count("deduct", api.deduct(strategy, HttpApi.unique("HOT"), sku, 1));
                        }
                        return null;
                    }));
                }
                for (Future<?> client : clients) {
                    client.get();
                }
            }
        }

        private static String sku(String strategy) {
            return "HOT-" + strategy.toUpperCase(Locale.ROOT);
        }

        private void count(String endpoint, HttpApi.Response response) {
            answers.computeIfAbsent(endpoint + " " + response.status(), key -> new AtomicInteger()).incrementAndGet();
        }
    }
}
