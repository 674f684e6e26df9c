package com.example.inventory.reservation;

import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import com.example.inventory.OneBatch;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.example.inventory.HttpApi.Response;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.example.inventory.HttpApi.unique;
import static com.example.inventory.Ledgers.assertLedgerMatchesStock;
import static com.example.inventory.Ledgers.deductionsOf;
import static com.example.inventory.Ledgers.movements;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under the batched strategy a hold's decisions queue with its product's orders: a round takes its orders in one
 * transaction, then its decisions in one, each reservation decided exactly once, in the order the decisions queued.
 * {@link OneBatch} makes rounds of known content.
 */
@IntegrationTest
class BatchedDecisionTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry registry;

    HttpApi api;

    OneBatch batch;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
        batch = new OneBatch(dataSource, jdbc, registry);
    }

    @Test
    void aBurstOfConfirmationsIsTakenInOneTransaction() throws Exception {
        String sku = unique("DECIDE-BURST");
        api.createProduct(sku, 20);
        List<String> orders = List.of(unique("RES"), unique("RES"), unique("RES"), unique("RES"), unique("RES"));
        List<String> ids = orders.stream().map(order -> hold(order, sku, 2)).toList();
        long batchesBefore = batch.batchCount();

        List<Response> answers = inOneRound(sku, ids.stream().<Supplier<Response>>map(id -> () -> confirm(id)).toList());

        assertThat(answers).extracting(Response::status).containsOnly(200);
        assertThat(answers).extracting(answer -> answer.json().get("status").asString()).containsOnly("CONFIRMED");
        assertThat(batch.batchCount() - batchesBefore).as("the blocked hold, then the five confirmations together")
                .isEqualTo(2);
        assertThat(api.levelsOf(sku)).containsExactly(20 - 10, 1, 20 - 10 - 1);
        for (String order : orders) {
            assertThat(deductionsOf(jdbc, order)).isEqualTo(1);
        }
        assertThat(movements(jdbc, sku, "CONFIRM")).isEqualTo(5);
        assertLedgerMatchesStock(jdbc, sku);
    }

    @Test
    void decisionsOnOneReservationInOneRoundDecideItOnceInTheOrderTheyQueued() throws Exception {
        String sku = unique("DECIDE-ONCE");
        api.createProduct(sku, 10);
        String confirmedOrder = unique("RES");
        String confirmed = hold(confirmedOrder, sku, 3);
        String released = hold(unique("RES"), sku, 2);

        List<Response> answers = inOneRound(sku, List.of(
                () -> confirm(confirmed),
                () -> release(confirmed),
                () -> release(released),
                () -> extend(confirmed),
                () -> confirm(released),
                () -> confirm(confirmed)));

        assertThat(answers).extracting(Response::status).containsExactly(200, 409, 200, 409, 409, 200);
        assertThat(answers.get(1).problemType()).isEqualTo("reservation-confirmed");
        assertThat(answers.get(2).json().get("status").asString()).isEqualTo("RELEASED");
        assertThat(answers.get(3).problemType()).isEqualTo("reservation-confirmed");
        assertThat(answers.get(4).problemType()).isEqualTo("reservation-released");
        assertThat(answers.get(5).json().get("deductionId")).as("a repeated confirmation answers the same sale")
                .isEqualTo(answers.get(0).json().get("deductionId"));
        assertThat(deductionsOf(jdbc, confirmedOrder)).isEqualTo(1);
        assertThat(api.levelsOf(sku)).containsExactly(10 - 3, 1, 10 - 3 - 1);
        assertThat(movements(jdbc, sku, "CONFIRM")).isEqualTo(1);
        assertThat(movements(jdbc, sku, "RELEASE")).isEqualTo(1);
        assertLedgerMatchesStock(jdbc, sku);
    }

    @Test
    void decisionsOnAHoldTheSweeperExpiredAreAnsweredAsExpiredInOneRound() throws Exception {
        String sku = unique("DECIDE-LATE");
        api.createProduct(sku, 10);
        String order = unique("RES");
        String late = hold(order, sku, 4, 1);
        // Swept first, so that only the round's request waits for the held row (the sweeper would wait for it too).
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!api.get("/api/v1/reservations/" + late).json().get("status").asString().equals("EXPIRED")) {
            assertThat(System.nanoTime()).as("swept in time").isLessThan(deadline);
            Thread.sleep(50);
        }

        List<Response> answers = inOneRound(sku, List.of(() -> confirm(late), () -> release(late),
                () -> confirm(late)));

        assertThat(answers).extracting(Response::status).containsExactly(409, 200, 409);
        assertThat(answers.get(0).problemType()).isEqualTo("reservation-expired");
        assertThat(answers.get(1).json().get("status").asString()).isEqualTo("EXPIRED");
        assertThat(answers.get(2).problemType()).isEqualTo("reservation-expired");
        assertThat(deductionsOf(jdbc, order)).isZero();
        assertThat(api.levelsOf(sku)).containsExactly(10, 1, 9);
        assertThat(movements(jdbc, sku, "RELEASE")).isEqualTo(1);
        assertLedgerMatchesStock(jdbc, sku);
    }

    @Test
    void aRoundMixingHoldsAndDecisionsForOneProductTakesItsHoldsFirst() throws Exception {
        String sku = unique("DECIDE-MIX");
        api.createProduct(sku, 6);
        String confirmedOrder = unique("RES");
        String confirmed = hold(confirmedOrder, sku, 2);
        String released = hold(unique("RES"), sku, 1);
        // 6 in stock, 3 held, 1 held by the blocked first hold: 2 available when the round starts.
        long batchesBefore = batch.batchCount();

        List<Response> answers = inOneRound(sku, List.of(
                () -> release(released),
                () -> api.reserve("batched", unique("RES"), 600, sku, 2),
                () -> confirm(confirmed),
                () -> api.reserve("batched", unique("RES"), 600, sku, 1)));

        assertThat(answers).extracting(Response::status).containsExactly(200, 201, 200, 409);
        assertThat(answers.get(3).problemType()).as("the round's holds go before its decisions")
                .isEqualTo("insufficient-stock");
        assertThat(batch.batchCount() - batchesBefore).as("the blocked hold, the round's holds, its decisions")
                .isEqualTo(3);
        assertThat(deductionsOf(jdbc, confirmedOrder)).isEqualTo(1);
        // stock 6 - 2 sold; held: the first hold's 1 and the new hold's 2.
        assertThat(api.levelsOf(sku)).containsExactly(4, 3, 1);
        assertLedgerMatchesStock(jdbc, sku);
    }

    @Test
    void aConfirmationWhoseOrderWasDeductedMeanwhileIsRefusedAloneAndTheRestOfItsRoundIsTaken() throws Exception {
        String sku = unique("DECIDE-TAKEN");
        api.createProduct(sku, 10);
        String takenOrder = unique("RES");
        String taken = hold(takenOrder, sku, 2);
        assertThat(api.deduct("batched", takenOrder, sku, 1).status()).as("the same order id, deducted directly")
                .isEqualTo(201);
        String otherOrder = unique("RES");
        String other = hold(otherOrder, sku, 3);
        long batchesBefore = batch.batchCount();

        List<Response> answers = inOneRound(sku, List.of(() -> confirm(taken), () -> confirm(other)));

        assertThat(answers).extracting(Response::status).containsExactly(409, 200);
        assertThat(answers.get(0).problemType()).isEqualTo("order-conflict");
        assertThat(batch.batchCount() - batchesBefore)
                .as("the blocked hold, the round's decisions rolled back, then each alone").isEqualTo(4);
        assertThat(api.get("/api/v1/reservations/" + taken).json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(deductionsOf(jdbc, otherOrder)).isEqualTo(1);
        // 10 - 1 deducted - 3 sold; held: the refused confirmation's 2 and the blocked first hold's 1.
        assertThat(api.levelsOf(sku)).containsExactly(6, 3, 3);
        assertLedgerMatchesStock(jdbc, sku);
    }

    private List<Response> inOneRound(String sku, List<Supplier<Response>> requests) throws Exception {
        return batch.of(sku, () -> api.reserve("batched", unique("FIRST"), 600, sku, 1), requests);
    }

    private String hold(String order, String sku, int quantity) {
        return hold(order, sku, quantity, 600);
    }

    private String hold(String order, String sku, int quantity, int ttlSeconds) {
        Response held = api.reserve("batched", order, ttlSeconds, sku, quantity);
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        return held.json().get("id").asString();
    }

    private Response confirm(String id) {
        return api.decide(id, "confirm");
    }

    private Response release(String id) {
        return api.decide(id, "release");
    }

    private Response extend(String id) {
        return api.post("/api/v1/reservations/" + id + "/extend", "{\"ttlSeconds\":60}");
    }
}
