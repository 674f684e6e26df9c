package com.example.inventory.faults;

import com.example.inventory.HttpApi;
import com.example.inventory.ServiceJar;
import com.example.inventory.TestDatabase;
import com.example.inventory.stock.PlacementMode;
import java.net.URI;
import java.nio.file.Path;

import com.example.inventory.HttpApi.Response;
import com.example.inventory.faults.FaultyProxy.CommitFault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static com.example.inventory.HttpApi.unique;
import static com.example.inventory.Ledgers.assertLedgerMatchesStock;
import static com.example.inventory.Ledgers.deductionsOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service talks to PostgreSQL through a proxy that breaks the connection exactly at the commit: it
 * either loses the commit's answer (the server committed, the service cannot tell) or drops the commit (nothing
 * committed). Either way the service finds out on a fresh connection before it answers: a committed write is
 * answered as the success it was, anything else as 503 with nothing changed.
 */
@Timeout(300)
class LostConnectionIT {

    private static FaultyProxy proxy;
    private static ServiceJar service;
    private static HttpApi api;
    private static JdbcClient jdbc;

    @BeforeAll
    static void startBehindTheProxy() throws Exception {
        TestDatabase database = TestDatabase.shared();
        URI server = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        proxy = new FaultyProxy(server.getHost(), server.getPort() > 0 ? server.getPort() : 5432);
        String throughProxy = "jdbc:postgresql://127.0.0.1:" + proxy.port() + server.getRawPath()
                + (server.getRawQuery() == null ? "" : "?" + server.getRawQuery());
        // No sweeps: their commits would take the fault meant for the request under test.
        service = ServiceJar.start(throughProxy, database.roles(), Path.of("target", "faults", "lost-connection.log"),
                "inventory.reservation.sweep-interval=1h");
        api = service.api();
        jdbc = database.jdbc();
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void aDeductionWhoseCommitAnswerWasLostIsAnsweredAsTheSuccessItWas(PlacementMode strategy) {
        String sku = product(10);
        String order = unique("LOST");

        Response response = withFault(CommitFault.LOSE_REPLY, sku,
                () -> api.deduct(strategy.value(), order, sku, 3));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("orderId").asString()).isEqualTo(order);
        assertThat(api.get("/api/v1/deductions?orderId=" + order).json()).isEqualTo(response.json());
        assertThat(stockOf(sku)).isEqualTo(7);
        assertLedgerMatchesStock(jdbc, sku);
    }

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void aDeductionWhoseCommitNeverArrivedIs503AndChangedNothing(PlacementMode strategy) {
        String sku = product(10);
        String order = unique("DROPPED");

        Response response = withFault(CommitFault.DROP, sku, () -> api.deduct(strategy.value(), order, sku, 3));

        assertUnavailable(response);
        assertThat(deductionsOf(jdbc, order)).isZero();
        assertThat(stockOf(sku)).isEqualTo(10);
        assertThat(api.deduct(strategy.value(), order, sku, 3).status()).as("a retry places it").isEqualTo(201);
        assertThat(stockOf(sku)).isEqualTo(7);
        assertLedgerMatchesStock(jdbc, sku);
    }

    /**
     * The atomic strategy places a one-line deduction in one statement (its claim, the conditional update and the
     * ledger entry), then commits: two round trips. Its commit lost is answered as what happened, as any other's.
     */
    @Test
    void aOneStatementAtomicDeductionWhoseCommitAnswerWasLostIsAnsweredAsTheSuccessItWas() {
        String sku = product(10);
        String order = unique("LOST-ONE");

        Response response = withFault(CommitFault.LOSE_REPLY, sku, () -> api.deduct("atomic", order, sku, 3));

        assertThat(proxy.roundTripsOfFaultedTransaction()).as("one statement, then the commit:%n%s",
                proxy.faultedTransaction()).isEqualTo(2);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("strategy").asString()).isEqualTo("atomic");
        assertThat(response.json().get("attempts").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/deductions?orderId=" + order).json()).isEqualTo(response.json());
        Response replay = api.deduct("atomic", order, sku, 3);
        assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
        assertThat(replay.json()).isEqualTo(response.json());
        assertThat(deductionsOf(jdbc, order)).isOne();
        assertThat(stockOf(sku)).isEqualTo(7);
        assertLedgerMatchesStock(jdbc, sku);
    }

    @Test
    void aOneStatementAtomicDeductionWhoseCommitNeverArrivedIs503AndChangedNothing() {
        String sku = product(10);
        String order = unique("DROPPED-ONE");

        Response response = withFault(CommitFault.DROP, sku, () -> api.deduct("atomic", order, sku, 3));

        assertThat(proxy.roundTripsOfFaultedTransaction()).as("one statement, then the commit:%n%s",
                proxy.faultedTransaction()).isEqualTo(2);
        assertUnavailable(response);
        assertThat(deductionsOf(jdbc, order)).isZero();
        assertThat(stockOf(sku)).isEqualTo(10);
        assertThat(api.deduct("atomic", order, sku, 3).status()).as("a retry places it").isEqualTo(201);
        assertThat(stockOf(sku)).isEqualTo(7);
        assertLedgerMatchesStock(jdbc, sku);
    }

    /** What the count above is measured against: an atomic order of two lines takes a round trip per statement. */
    @Test
    void aTwoLineAtomicDeductionTakesARoundTripPerStatement() {
        String a = product(10);
        String b = product(10);
        String order = unique("LOST-TWO");

        Response response = withFault(CommitFault.LOSE_REPLY, a, () -> api.deduct("atomic", order, a, 3, b, 4));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(proxy.roundTripsOfFaultedTransaction()).as("claim, read, two updates, commit:%n%s",
                proxy.faultedTransaction()).isEqualTo(5);
        assertThat(stockOf(a)).isEqualTo(7);
        assertThat(stockOf(b)).isEqualTo(6);
    }

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void aReservationWhoseCommitAnswerWasLostIsAnsweredAsTheSuccessItWas(PlacementMode strategy) {
        String sku = product(10);
        String order = unique("LOST-RES");

        Response response = withFault(CommitFault.LOSE_REPLY, sku,
                () -> api.reserve(strategy.value(), order, 600, sku, 4));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(api.get("/api/v1/reservations?orderId=" + order).json()).isEqualTo(response.json());
        assertThat(api.levelsOf(sku)).containsExactly(10, 4, 6);
        assertLedgerMatchesStock(jdbc, sku);
    }

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void aReservationWhoseCommitNeverArrivedIs503AndHoldsNothing(PlacementMode strategy) {
        String sku = product(10);
        String order = unique("DROPPED-RES");

        Response response = withFault(CommitFault.DROP, sku, () -> api.reserve(strategy.value(), order, 600, sku, 4));

        assertUnavailable(response);
        assertThat(api.get("/api/v1/reservations?orderId=" + order).status()).isEqualTo(404);
        assertThat(api.levelsOf(sku)).containsExactly(10, 0, 10);
    }

    @Test
    void cancellationsRestocksAndReservationDecisionsFindOutWhetherTheyCommitted() {
        String sku = product(100);
        String cancelled = api.deduct(null, unique("C"), sku, 5).json().get("id").asString();
        assertThat(withFault(CommitFault.LOSE_REPLY, sku, () -> api.post("/api/v1/deductions/" + cancelled + "/cancel"))
                .status()).isEqualTo(200);
        assertThat(api.get("/api/v1/deductions/" + cancelled).json().get("status").asString()).isEqualTo("CANCELLED");
        String notCancelled = api.deduct(null, unique("C"), sku, 5).json().get("id").asString();
        assertUnavailable(withFault(CommitFault.DROP, sku,
                () -> api.post("/api/v1/deductions/" + notCancelled + "/cancel")));
        assertThat(api.get("/api/v1/deductions/" + notCancelled).json().get("status").asString())
                .isEqualTo("COMPLETED");
        assertThat(stockOf(sku)).isEqualTo(95);

        Response restocked = withFault(CommitFault.LOSE_REPLY, sku,
                () -> api.post("/api/v1/products/" + sku + "/restock", "{\"quantity\":10}"));
        assertThat(restocked.status()).as(restocked.toString()).isEqualTo(200);
        assertThat(restocked.json().get("stock").asInt()).isEqualTo(105);
        assertUnavailable(withFault(CommitFault.DROP, sku,
                () -> api.post("/api/v1/products/" + sku + "/restock", "{\"quantity\":10}")));
        assertThat(stockOf(sku)).isEqualTo(105);

        String confirmed = api.reserve(null, unique("R"), 600, sku, 2).json().get("id").asString();
        Response confirm = withFault(CommitFault.LOSE_REPLY, sku, () -> api.decide(confirmed, "confirm"));
        assertThat(confirm.status()).as(confirm.toString()).isEqualTo(200);
        assertThat(confirm.json().get("status").asString()).isEqualTo("CONFIRMED");
        String released = api.reserve(null, unique("R"), 600, sku, 3).json().get("id").asString();
        assertUnavailable(withFault(CommitFault.DROP, sku, () -> api.decide(released, "release")));
        assertThat(api.get("/api/v1/reservations/" + released).json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(withFault(CommitFault.LOSE_REPLY, sku, () -> api.decide(released, "release")).status())
                .isEqualTo(200);
        assertThat(api.levelsOf(sku)).containsExactly(103, 0, 103);

        String newSku = unique("NEW");
        Response created = withFault(CommitFault.LOSE_REPLY, newSku, () -> api.post("/api/v1/products",
                "{\"sku\":\"" + newSku + "\",\"name\":\"n\",\"stock\":4}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(stockOf(newSku)).isEqualTo(4);
        assertLedgerMatchesStock(jdbc, sku);
        assertLedgerMatchesStock(jdbc, newSku);
    }

    /**
     * Arms the fault for the commit of a transaction that sends {@code marker} (the SKU the request changes), runs
     * the request, and checks that the fault did strike it.
     */
    private static Response withFault(CommitFault fault, String marker, java.util.function.Supplier<Response> request) {
        int before = proxy.faultsApplied();
        proxy.onNextCommit(fault, marker);
        Response response = request.get();
        assertThat(proxy.faultsApplied()).as("the %s fault struck", fault).isEqualTo(before + 1);
        return response;
    }

    private static void assertUnavailable(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.problemType()).isEqualTo("service-unavailable");
        assertThat(response.header("Retry-After")).contains("1");
    }

    private static String product(int stock) {
        String sku = unique("FAULT");
        api.createProduct(sku, stock);
        return sku;
    }

    private static int stockOf(String sku) {
        return jdbc.sql("SELECT sum(stock) FROM location_stock WHERE sku = ?").param(sku).query(Integer.class).single();
    }

}
