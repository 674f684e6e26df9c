package com.example.inventory.reservation;

import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import com.example.inventory.TestClock;
import com.example.inventory.stock.PlacementMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.example.inventory.HttpApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.example.inventory.HttpApi.unique;
import static com.example.inventory.Ledgers.assertLedgerMatchesStock;
import static com.example.inventory.Ledgers.deductionsOf;
import static com.example.inventory.Ledgers.movements;
import static org.assertj.core.api.Assertions.assertThat;

/** Every reservation call's success and error paths: statuses, problem types, the product's counters, the ledger. */
@IntegrationTest
class ReservationApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    javax.sql.DataSource dataSource;

    HttpApi api;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
    }

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void reservingHoldsTheUnitsOfEveryLineWithoutTakingThemFromStock(PlacementMode strategy) {
        String phone = product(10);
        String phoneCase = product(5);
        String order = unique("RES");

        Response response = api.reserve(strategy.value(), order, 600, phone, 2, phoneCase, 1);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode reservation = response.json();
        String id = reservation.get("id").asString();
        assertThat(response.header("Location")).contains("/api/v1/reservations/" + id);
        assertThat(reservation.get("orderId").asString()).isEqualTo(order);
        assertThat(reservation.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(reservation.get("items")).hasSize(2);
        assertThat(reservation.get("items").get(0).get("sku").asString()).isEqualTo(phone);
        assertThat(reservation.get("items").get(0).get("quantity").asInt()).isEqualTo(2);
        assertThat(reservation.has("deductionId")).isTrue();
        assertThat(reservation.get("deductionId").isNull()).isTrue();
        assertThat(Duration.between(instant(reservation, "createdAt"), instant(reservation, "expiresAt")))
                .isEqualTo(Duration.ofSeconds(600));
        assertThat(reservation.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("id", "orderId", "clientId", "status", "items", "expiresAt", "createdAt",
                        "deductionId");
        assertThat(api.levelsOf(phone)).containsExactly(10, 2, 8);
        assertThat(api.levelsOf(phoneCase)).containsExactly(5, 1, 4);
        JsonNode newest = api.get("/api/v1/products/" + phone + "/movements").json().get("content").get(0);
        assertThat(newest.get("kind").asString()).isEqualTo("RESERVE");
        assertThat(newest.get("quantity").asInt()).isEqualTo(2);
        assertThat(newest.get("stockAfter").asInt()).isEqualTo(10);
        assertThat(newest.get("reference").asString()).isEqualTo(order);
        assertLedgerMatchesStock(jdbc, phone);
        assertLedgerMatchesStock(jdbc, phoneCase);
        assertThat(api.get("/api/v1/reservations/" + id).json()).isEqualTo(reservation);
        assertThat(api.get("/api/v1/reservations?orderId=" + order).json()).isEqualTo(reservation);
    }

    @Test
    void aHoldLasts900SecondsUnlessTheRequestSaysOtherwise() {
        String sku = product(3);

        JsonNode reservation = api.reserve(null, unique("RES"), null, sku, 1).json();

        assertThat(Duration.between(instant(reservation, "createdAt"), instant(reservation, "expiresAt")))
                .isEqualTo(Duration.ofSeconds(900));
    }

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void aRepeatedOrderIsReplayedWhateverItsStatusAndHoldsNothingMore(PlacementMode strategy) {
        String a = product(10);
        String b = product(10);
        String order = unique("RES");
        Response first = api.reserve(strategy.value(), order, 600, a, 1, b, 2);

        Response replay = api.reserve(strategy.value(), order, 30, b, 2, a, 1);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.header("Idempotent-Replayed")).contains("true");
        assertThat(replay.json()).isEqualTo(first.json());

        Response conflict = api.reserve(strategy.value(), order, 600, a, 2);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.problemType()).isEqualTo("order-conflict");
        assertThat(conflict.json().get("orderId").asString()).isEqualTo(order);

        api.decide(first.json().get("id").asString(), "release");
        Response afterRelease = api.reserve(strategy.value(), order, 600, a, 1, b, 2);
        assertThat(afterRelease.status()).isEqualTo(200);
        assertThat(afterRelease.json().get("status").asString()).isEqualTo("RELEASED");
        assertThat(api.levelsOf(a)).containsExactly(10, 0, 10);
        assertThat(movements(jdbc, a, "RESERVE")).isEqualTo(1);
        assertLedgerMatchesStock(jdbc, a);
    }

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void refusesToHoldMoreThanIsAvailableAndChangesNothing(PlacementMode strategy) {
        String plenty = product(10);
        String scarce = product(5);
        api.reserve(strategy.value(), unique("RES"), 600, scarce, 3);
        String order = unique("RES");

        Response response = api.reserve(strategy.value(), order, 600, plenty, 1, scarce, 3);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.problemType()).isEqualTo("insufficient-stock");
        assertThat(response.json().get("sku").asString()).isEqualTo(scarce);
        assertThat(response.json().get("requested").asInt()).isEqualTo(3);
        assertThat(response.json().get("available").asInt()).isEqualTo(2);
        assertThat(api.levelsOf(plenty)).containsExactly(10, 0, 10);
        assertThat(api.levelsOf(scarce)).containsExactly(5, 3, 2);
        assertThat(api.get("/api/v1/reservations?orderId=" + order).status()).isEqualTo(404);
        Response deduction = api.deduct(strategy.value(), unique("ORD"), scarce, 3);
        assertThat(deduction.status()).as("held units cannot be deducted either").isEqualTo(409);
        assertThat(deduction.json().get("available").asInt()).isEqualTo(2);
        assertLedgerMatchesStock(jdbc, scarce);
    }

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void anUnknownSkuIsNotFoundAndHoldsNothing(PlacementMode strategy) {
        String known = product(10);

        Response response = api.reserve(strategy.value(), unique("RES"), 600, known, 1, "NO-SUCH-SKU-R", 1);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.problemType()).isEqualTo("product-not-found");
        assertThat(response.json().get("sku").asString()).isEqualTo("NO-SUCH-SKU-R");
        assertThat(api.levelsOf(known)).containsExactly(10, 0, 10);
    }

    @Test
    void invalidRequestsAreValidationProblems() {
        String sku = product(10);
        for (String body : List.of(
                "{\"orderId\":\"R-1\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],\"ttlSeconds\":0}",
                "{\"orderId\":\"R-1\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],\"ttlSeconds\":86401}",
                "{\"orderId\":\"R-1\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],\"ttlSeconds\":\"60\"}",
                "{\"orderId\":\"R-1\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],\"ttlSeconds\":1.5}",
                "{\"orderId\":\"-bad\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}",
                "{\"orderId\":\"R-1\",\"items\":[]}",
                "{\"orderId\":\"R-1\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":0}]}",
                "{\"orderId\":\"R-1\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1},{\"sku\":\"" + sku
                        + "\",\"quantity\":2}]}",
                "{\"orderId\":\"R-1\"", "")) {
            Response response = api.post("/api/v1/reservations", body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.problemType()).as(body).isEqualTo("validation");
        }
        Response unknownStrategy = api.post("/api/v1/reservations?strategy=magic",
                "{\"orderId\":\"R-1\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}");
        assertThat(unknownStrategy.status()).isEqualTo(400);
        assertThat(api.levelsOf(sku)).containsExactly(10, 0, 10);
        assertThat(api.get("/api/v1/reservations?orderId=R-1").status()).isEqualTo(404);
    }

    @Test
    void unknownReservationsAreNotFound() {
        String unknown = "0190b6c4-0000-7000-8000-000000000000";
        for (Response response : List.of(api.get("/api/v1/reservations/" + unknown),
                api.get("/api/v1/reservations/not-a-uuid"), api.get("/api/v1/reservations?orderId=NO-SUCH-ORDER"),
                api.decide(unknown, "confirm"), api.decide(unknown, "release"),
                api.post("/api/v1/reservations/" + unknown + "/extend", "{\"ttlSeconds\":60}"))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.problemType()).isEqualTo("reservation-not-found");
        }
    }

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void confirmingTurnsTheHoldIntoADeductionOnce(PlacementMode strategy) {
        String a = product(10);
        String b = product(4);
        String order = unique("RES");
        String id = api.reserve(strategy.value(), order, 600, a, 3, b, 4).json().get("id").asString();

        Response confirmed = api.decide(id, "confirm");

        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("CONFIRMED");
        String deductionId = confirmed.json().get("deductionId").asString();
        assertThat(api.levelsOf(a)).containsExactly(7, 0, 7);
        assertThat(api.levelsOf(b)).containsExactly(0, 0, 0);
        assertThat(movements(jdbc, a, "CONFIRM")).isEqualTo(1);
        assertLedgerMatchesStock(jdbc, a);
        assertLedgerMatchesStock(jdbc, b);
        JsonNode deduction = api.get("/api/v1/deductions/" + deductionId).json();
        assertThat(deduction.get("orderId").asString()).isEqualTo(order);
        assertThat(deduction.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(deduction.get("strategy").asString()).isEqualTo(strategy.value());
        assertThat(deduction.get("items")).isEqualTo(confirmed.json().get("items"));
        assertThat(api.get("/api/v1/deductions?orderId=" + order).json()).isEqualTo(deduction);

        Response again = api.decide(id, "confirm");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(confirmed.json());
        assertThat(deductionsOf(jdbc, order)).isEqualTo(1);
        assertThat(api.levelsOf(a)).containsExactly(7, 0, 7);

        assertThat(api.post("/api/v1/deductions/" + deductionId + "/cancel").status()).isEqualTo(200);
        assertThat(api.levelsOf(a)).as("cancelling the deduction gives the units back").containsExactly(10, 0, 10);
        assertThat(api.levelsOf(b)).containsExactly(4, 0, 4);
        assertLedgerMatchesStock(jdbc, a);
        assertThat(api.get("/api/v1/reservations/" + id).json().get("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void releasingGivesTheUnitsBackOnce() {
        String sku = product(10);
        String order = unique("RES");
        String id = api.reserve(null, order, 600, sku, 4).json().get("id").asString();

        Response released = api.decide(id, "release");
        Response again = api.decide(id, "release");

        assertThat(released.status()).isEqualTo(200);
        assertThat(released.json().get("status").asString()).isEqualTo("RELEASED");
        assertThat(released.json().get("deductionId").isNull()).isTrue();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(released.json());
        assertThat(api.levelsOf(sku)).containsExactly(10, 0, 10);
        assertThat(movements(jdbc, sku, "RELEASE")).isEqualTo(1);
        JsonNode newest = api.get("/api/v1/products/" + sku + "/movements").json().get("content").get(0);
        assertThat(newest.get("kind").asString()).isEqualTo("RELEASE");
        assertThat(newest.get("reference").asString()).isEqualTo(order);
        assertLedgerMatchesStock(jdbc, sku);
    }

    @Test
    void aDecidedReservationRefusesWhatItCanNoLongerDo() {
        String sku = product(10);
        String confirmed = api.reserve(null, unique("RES"), 600, sku, 1).json().get("id").asString();
        api.decide(confirmed, "confirm");
        String released = api.reserve(null, unique("RES"), 600, sku, 1).json().get("id").asString();
        api.decide(released, "release");

        assertProblem(api.decide(confirmed, "release"), "reservation-confirmed");
        assertProblem(api.post("/api/v1/reservations/" + confirmed + "/extend", "{\"ttlSeconds\":60}"),
                "reservation-confirmed");
        assertProblem(api.decide(released, "confirm"), "reservation-released");
        assertProblem(api.post("/api/v1/reservations/" + released + "/extend", "{\"ttlSeconds\":60}"),
                "reservation-released");
        assertThat(api.levelsOf(sku)).containsExactly(9, 0, 9);
        assertLedgerMatchesStock(jdbc, sku);
    }

    @Test
    void confirmingAnOrderThatHasADeductionIsAnOrderConflictAndChangesNothing() {
        String sku = product(10);
        String order = unique("RES");
        String id = api.reserve(null, order, 600, sku, 2).json().get("id").asString();
        assertThat(api.deduct(null, order, sku, 1).status()).isEqualTo(201);

        Response response = api.decide(id, "confirm");

        assertProblem(response, "order-conflict");
        assertThat(response.json().get("orderId").asString()).isEqualTo(order);
        assertThat(api.get("/api/v1/reservations/" + id).json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(api.levelsOf(sku)).containsExactly(9, 2, 7);
        assertThat(movements(jdbc, sku, "CONFIRM")).isZero();
        assertLedgerMatchesStock(jdbc, sku);
    }

    @Test
    void extendingHoldsTheUnitsForTtlSecondsFromNow() {
        String sku = product(10);
        String id = api.reserve(null, unique("RES"), 60, sku, 2).json().get("id").asString();
        TestClock.shared().advance(Duration.ofSeconds(30));
        Instant before = TestClock.shared().instant();

        Response extended = api.post("/api/v1/reservations/" + id + "/extend", "{\"ttlSeconds\":120}");

        assertThat(extended.status()).as(extended.toString()).isEqualTo(200);
        assertThat(extended.json().get("status").asString()).isEqualTo("ACTIVE");
        Instant expiresAt = instant(extended.json(), "expiresAt");
        assertThat(expiresAt).isBetween(before.plusSeconds(120).minusMillis(1),
                TestClock.shared().instant().plusSeconds(120));
        TestClock.shared().advance(Duration.ofSeconds(60));
        assertThat(api.decide(id, "confirm").status()).as("still held after the first ttl").isEqualTo(200);
        for (String body : List.of("{}", "{\"ttlSeconds\":0}", "{\"ttlSeconds\":86401}", "{\"ttlSeconds\":\"9\"}")) {
            assertProblem(api.post("/api/v1/reservations/" + id + "/extend", body), "validation");
        }
    }

    @Test
    void anExtensionPastCreationPlus24HoursIsRefusedAndChangesNothing() {
        String sku = product(10);
        Response reserved = api.reserve(null, unique("RES"), 600, sku, 2);
        String id = reserved.json().get("id").asString();
        Instant createdAt = instant(reserved.json(), "createdAt");
        Instant expiresAt = instant(reserved.json(), "expiresAt");

        Response refused = api.post("/api/v1/reservations/" + id + "/extend", "{\"ttlSeconds\":86400}");

        assertProblem(refused, "reservation-lifetime-exceeded");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(instant(refused.json(), "maxExpiresAt")).isEqualTo(createdAt.plus(Duration.ofHours(24)));
        JsonNode unchanged = api.get("/api/v1/reservations/" + id).json();
        assertThat(instant(unchanged, "expiresAt")).isEqualTo(expiresAt);
        assertThat(unchanged.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(api.levelsOf(sku)).containsExactly(10, 2, 8);

        Response extended = api.post("/api/v1/reservations/" + id + "/extend", "{\"ttlSeconds\":3600}");
        assertThat(extended.status()).as(extended.toString()).isEqualTo(200);
        assertThat(instant(extended.json(), "expiresAt")).isBefore(createdAt.plus(Duration.ofHours(24)));
    }

    @Test
    void aHoldForTheLongestTtlEndsExactlyAtCreationPlus24Hours() {
        Response reserved = api.reserve(null, unique("RES"), 86_400, product(10), 1);

        assertThat(reserved.status()).as(reserved.toString()).isEqualTo(201);
        assertThat(instant(reserved.json(), "expiresAt"))
                .isEqualTo(instant(reserved.json(), "createdAt").plus(Duration.ofHours(24)));
    }

    @Test
    void anExpiredHoldIsRefusedAtOnceAndItsUnitsComeBackWithinFiveSeconds() throws Exception {
        String sku = product(10);
        String order = unique("RES");
        String id = api.reserve(null, order, 60, sku, 3).json().get("id").asString();
        assertThat(api.levelsOf(sku)).containsExactly(10, 3, 7);

        TestClock.shared().advance(Duration.ofSeconds(60));
        assertProblem(api.decide(id, "confirm"), "reservation-expired");
        assertProblem(api.post("/api/v1/reservations/" + id + "/extend", "{\"ttlSeconds\":60}"),
                "reservation-expired");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (api.levelsOf(sku)[1] != 0) {
            assertThat(System.nanoTime()).as("units back within 5 s").isLessThan(deadline);
            Thread.sleep(50);
        }

        assertThat(api.levelsOf(sku)).containsExactly(10, 0, 10);
        JsonNode expired = api.get("/api/v1/reservations/" + id).json();
        assertThat(expired.get("status").asString()).isEqualTo("EXPIRED");
        Response release = api.decide(id, "release");
        assertThat(release.status()).as("releasing an expired hold changes nothing").isEqualTo(200);
        assertThat(release.json()).isEqualTo(expired);
        assertThat(movements(jdbc, sku, "RELEASE")).isEqualTo(1);
        assertThat(deductionsOf(jdbc, order)).isZero();
        assertLedgerMatchesStock(jdbc, sku);
    }

    @Test
    void releasingAnOverdueHoldEndsItAsExpired() {
        String sku = product(10);
        String id = api.reserve(null, unique("RES"), 60, sku, 3).json().get("id").asString();
        TestClock.shared().advance(Duration.ofSeconds(61));

        Response release = api.decide(id, "release");

        assertThat(release.status()).isEqualTo(200);
        assertThat(release.json().get("status").asString()).isEqualTo("EXPIRED");
        assertThat(api.levelsOf(sku)).containsExactly(10, 0, 10);
        assertThat(movements(jdbc, sku, "RELEASE")).isEqualTo(1);
        assertLedgerMatchesStock(jdbc, sku);
    }

    @Test
    void aDecisionWaitingTooLongForTheReservationsRowGivesUpWithContention() throws Exception {
        String sku = product(10);
        String id = api.reserve(null, unique("RES"), 600, sku, 2).json().get("id").asString();

        try (java.sql.Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("SELECT 1 FROM reservation WHERE id = '" + id + "' FOR UPDATE");
            long started = System.nanoTime();
            Response confirm = api.decide(id, "confirm");
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(confirm.status()).as(confirm.toString()).isEqualTo(503);
            assertThat(confirm.problemType()).isEqualTo("contention");
            assertThat(confirm.header("Retry-After")).contains("1");
            assertThat(waitedMillis).as("waited for the lock timeout, then gave up").isBetween(1_800L, 10_000L);
            holder.rollback();
        }
        assertThat(api.levelsOf(sku)).containsExactly(10, 2, 8);
        assertThat(api.decide(id, "confirm").status()).isEqualTo(200);
    }

    private void assertProblem(Response response, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(type.equals("validation") ? 400 : 409);
        assertThat(response.problemType()).as(response.toString()).isEqualTo(type);
    }

    private String product(int stock) {
        String sku = unique("RSKU");
        api.createProduct(sku, stock);
        return sku;
    }

    private static Instant instant(JsonNode node, String field) {
        return Instant.parse(node.get(field).asString());
    }
}
