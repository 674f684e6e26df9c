package com.example.inventory.reservation;

import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import com.example.inventory.Race;
import com.example.inventory.ServiceInstance;
import com.example.inventory.TestClock;
import com.example.inventory.stock.PlacementMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.example.inventory.HttpApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.example.inventory.HttpApi.unique;
import static com.example.inventory.Ledgers.assertLedgerMatchesStock;
import static com.example.inventory.Ledgers.deductionsOf;
import static com.example.inventory.Ledgers.movements;
import static org.assertj.core.api.Assertions.assertThat;

/** Each reservation is decided exactly once, however many requests, sweeps and instances race for it. */
@IntegrationTest
class ReservationConcurrencyTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReservationService reservations;

    HttpApi api;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
    }

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void twoHundredBuyersHoldingTheLastFiftyUnitsHoldExactlyFifty(PlacementMode strategy) throws Exception {
        String sku = unique("LAST50");
        api.createProduct(sku, 50);

        Map<Integer, Integer> statuses = Race.count(200, 200,
                i -> api.reserve(strategy.value(), unique("BUYER"), 600, sku, 1).status());

        assertThat(statuses).containsOnlyKeys(201, 409);
        assertThat(statuses.get(201)).isEqualTo(50);
        assertThat(api.levelsOf(sku)).containsExactly(50, 50, 0);
        assertThat(movements(jdbc, sku, "RESERVE")).isEqualTo(50);
        assertLedgerMatchesStock(jdbc, sku);
    }

    @Test
    void tenConfirmationsOfOneReservationConfirmItOnce() throws Exception {
        String sku = unique("CONFIRM10");
        api.createProduct(sku, 10);
        String order = unique("RES");
        String id = api.reserve(null, order, 600, sku, 4).json().get("id").asString();

        List<Response> answers = Race.run(10, 10, i -> api.decide(id, "confirm"));

        assertThat(answers).extracting(Response::status).containsOnly(200);
        assertThat(answers).extracting(r -> r.json().get("deductionId").asString()).containsOnly(
                answers.getFirst().json().get("deductionId").asString());
        assertThat(deductionsOf(jdbc, order)).isEqualTo(1);
        assertThat(api.levelsOf(sku)).containsExactly(6, 0, 6);
        assertThat(movements(jdbc, sku, "CONFIRM")).isEqualTo(1);
        assertLedgerMatchesStock(jdbc, sku);
    }

    @Test
    void confirmAndReleaseRacingDecideOnce() throws Exception {
        String sku = unique("CONF-REL");
        api.createProduct(sku, 1_000);
        int rounds = 20;
        for (int round = 0; round < rounds; round++) {
            String order = unique("RES");
            String id = api.reserve(null, order, 600, sku, 5).json().get("id").asString();

            List<Response> answers = Race.run(2, 2, i -> api.decide(id, i == 0 ? "confirm" : "release"));

            Response confirm = answers.get(0);
            Response release = answers.get(1);
            String status = api.get("/api/v1/reservations/" + id).json().get("status").asString();
            if (status.equals("CONFIRMED")) {
                assertThat(confirm.status()).isEqualTo(200);
                assertThat(release.status()).isEqualTo(409);
                assertThat(release.problemType()).isEqualTo("reservation-confirmed");
                assertThat(deductionsOf(jdbc, order)).isEqualTo(1);
            } else {
                assertThat(status).isEqualTo("RELEASED");
                assertThat(release.status()).isEqualTo(200);
                assertThat(confirm.status()).isEqualTo(409);
                assertThat(confirm.problemType()).isEqualTo("reservation-released");
                assertThat(deductionsOf(jdbc, order)).isZero();
            }
        }
        int confirmed = movements(jdbc, sku, "CONFIRM");
        assertThat(confirmed + movements(jdbc, sku, "RELEASE")).isEqualTo(rounds);
        assertThat(api.levelsOf(sku)).containsExactly(1_000 - 5 * confirmed, 0, 1_000 - 5 * confirmed);
        assertLedgerMatchesStock(jdbc, sku);
    }

    @Test
    void confirmationsRacingTheExpiryAtItsBoundaryAreDecidedOnceEach() throws Exception {
        String sku = unique("BOUNDARY");
        api.createProduct(sku, 1_000);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(api.reserve(null, unique("RES"), 30, sku, 2).json().get("id").asString());
        }
        assertThat(api.levelsOf(sku)).containsExactly(1_000, 80, 920);

        List<Response> confirms = Race.run(41, 41, i -> {
            if (i == 40) {
                TestClock.shared().advance(Duration.ofSeconds(30));
                reservations.expireOverdue(100);
                return null;
            }
            return api.decide(ids.get(i), "confirm");
        });
        reservations.expireOverdue(100);

        int confirmed = 0;
        for (int i = 0; i < 40; i++) {
            String status = api.get("/api/v1/reservations/" + ids.get(i)).json().get("status").asString();
            Response confirm = confirms.get(i);
            if (status.equals("CONFIRMED")) {
                confirmed++;
                assertThat(confirm.status()).as(confirm.toString()).isEqualTo(200);
            } else {
                assertThat(status).isEqualTo("EXPIRED");
                assertThat(confirm.status()).as(confirm.toString()).isEqualTo(409);
                assertThat(confirm.problemType()).isEqualTo("reservation-expired");
            }
        }
        assertThat(movements(jdbc, sku, "CONFIRM")).isEqualTo(confirmed);
        assertThat(movements(jdbc, sku, "RELEASE")).isEqualTo(40 - confirmed);
        assertThat(api.levelsOf(sku)).containsExactly(1_000 - 2 * confirmed, 0, 1_000 - 2 * confirmed);
        assertLedgerMatchesStock(jdbc, sku);
    }

    @Test
    void releasesRacingTheExpiryGiveEachHoldBackOnce() throws Exception {
        String sku = unique("REL-EXP");
        api.createProduct(sku, 1_000);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(api.reserve(null, unique("RES"), 30, sku, 3).json().get("id").asString());
        }

        List<Response> releases = Race.run(41, 41, i -> {
            if (i == 40) {
                TestClock.shared().advance(Duration.ofSeconds(30));
                reservations.expireOverdue(100);
                return null;
            }
            return api.decide(ids.get(i), "release");
        });
        reservations.expireOverdue(100);

        for (int i = 0; i < 40; i++) {
            Response release = releases.get(i);
            assertThat(release.status()).as(release.toString()).isEqualTo(200);
            assertThat(release.json().get("status").asString()).isIn("RELEASED", "EXPIRED");
            assertThat(api.get("/api/v1/reservations/" + ids.get(i)).json().get("status").asString())
                    .isEqualTo(release.json().get("status").asString());
        }
        assertThat(movements(jdbc, sku, "RELEASE")).isEqualTo(40);
        assertThat(api.levelsOf(sku)).containsExactly(1_000, 0, 1_000);
        assertLedgerMatchesStock(jdbc, sku);
    }

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void holdsAndDeductionsOfOneProductNeverOversell(PlacementMode strategy) throws Exception {
        String sku = unique("HOLD-VS-TAKE");
        api.createProduct(sku, 60);

        Map<String, Integer> outcomes = Race.count(100, 100, i -> (i % 2 == 0 ? "reserve " : "deduct ")
                + (i % 2 == 0 ? api.reserve(strategy.value(), unique("R"), 600, sku, 1)
                        : api.deduct(strategy.value(), unique("D"), sku, 1)).status());

        int held = outcomes.getOrDefault("reserve 201", 0);
        int taken = outcomes.getOrDefault("deduct 201", 0);
        assertThat(outcomes.keySet()).isSubsetOf("reserve 201", "reserve 409", "deduct 201", "deduct 409");
        assertThat(held + taken).isEqualTo(60);
        assertThat(api.levelsOf(sku)).containsExactly(60 - taken, held, 0);
        assertLedgerMatchesStock(jdbc, sku);
    }

    @Test
    void twoInstancesSweepingTheSameOverdueHoldsEndEachOnce() throws Exception {
        String sku = unique("SWEEP2");
        api.createProduct(sku, 10_000);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(api.reserve(null, unique("RES"), 10, sku, 1).json().get("id").asString());
        }
        try (ServiceInstance second = ServiceInstance.start("inventory.reservation.sweep-interval=1h")) {
            ReservationService other = second.bean(ReservationService.class);
            TestClock.shared().advance(Duration.ofSeconds(10));

            List<Integer> expired = Race.run(8, 8, i -> {
                ReservationService sweeper = i % 2 == 0 ? reservations : other;
                int total = 0;
                for (int n; (n = sweeper.expireOverdue(20)) > 0; ) {
                    total += n;
                }
                return total;
            });

            assertThat(expired.stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(300);
        }
        reservations.expireOverdue(1_000);
        for (String id : ids) {
            assertThat(api.get("/api/v1/reservations/" + id).json().get("status").asString()).isEqualTo("EXPIRED");
        }
        assertThat(movements(jdbc, sku, "RELEASE")).as("each hold released exactly once").isEqualTo(300);
        assertThat(api.levelsOf(sku)).containsExactly(10_000, 0, 10_000);
        assertLedgerMatchesStock(jdbc, sku);
    }
}
