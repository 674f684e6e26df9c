package com.example.inventory.location;

import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import com.example.inventory.TestClock;
import com.example.inventory.location.LocationApi.Row;
import com.example.inventory.location.LocationApi.Take;
import com.example.inventory.reservation.ReservationService;
import com.example.inventory.stock.PlacementMode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.example.inventory.HttpApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.example.inventory.HttpApi.unique;
import static com.example.inventory.location.LocationApi.allocationsOf;
import static com.example.inventory.location.LocationApi.at;
import static com.example.inventory.location.LocationApi.line;
import static com.example.inventory.location.LocationApi.pinned;
import static com.example.inventory.location.LocationApi.rowsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Orders on stock kept at several locations, one request at a time, exact: where each line's units come from (contract
 * v1.2 §2's allocation rule), what a refusal says is available, and that cancellations, releases, expiries and
 * confirmations move exactly the allocated units of exactly those rows, whatever changed elsewhere meanwhile. Every
 * test ends with the ledger checked per product and location.
 */
@IntegrationTest
class LocationOrderTests {

    @LocalServerPort
    int port;

    @Autowired
    ReservationService reservations;

    LocationApi api;

    @BeforeEach
    void setUp() {
        api = new LocationApi(new HttpApi(port));
    }

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void theOrderGoesWholeToThePreferredLocationThatCanServeItAlone(PlacementMode strategy) {
        List<String> codes = api.locations(301, 302);
        String a = codes.get(0);
        String b = codes.get(1);
        String p1 = api.newProduct(at(a, 2), at(b, 10));
        String p2 = api.newProduct(at(a, 5), at(b, 5));

        String first = unique("ORD");
        Response both = api.deduct(strategy.value(), first, line(p1, 1));
        assertThat(both.status()).as(both.toString()).isEqualTo(201);
        assertThat(allocationsOf(both.json())).as("both could: the preferred").containsExactly(List.of(new Take(a, 1)));

        Response onlyB = api.deduct(strategy.value(), unique("ORD"), line(p1, 3));
        assertThat(allocationsOf(onlyB.json())).as("A has 1 of 3: B alone, no split")
                .containsExactly(List.of(new Take(b, 3)));

        // A can serve p2's line but not p1's; B can serve both: B serves the whole order.
        Response whole = api.deduct(strategy.value(), unique("ORD"), line(p2, 3), line(p1, 2));
        assertThat(whole.status()).as(whole.toString()).isEqualTo(201);
        assertThat(allocationsOf(whole.json())).containsExactly(List.of(new Take(b, 3)), List.of(new Take(b, 2)));
        assertThat(whole.json().get("items")).allSatisfy(item -> {
            assertThat(item.has("location")).as("an unpinned line shows location null: %s", item).isTrue();
            assertThat(item.get("location").isNull()).as("unpinned: %s", item).isTrue();
        });

        assertThat(api.rows(p1)).containsExactly(entry(a, new Row(1, 0, 1)), entry(b, new Row(5, 0, 5)));
        assertThat(api.rows(p2)).containsExactly(entry(a, new Row(5, 0, 5)), entry(b, new Row(2, 0, 2)));
        String id = both.json().get("id").asString();
        assertThat(api.http().get("/api/v1/deductions/" + id).json()).as("read back").isEqualTo(both.json());
        assertThat(api.http().get("/api/v1/deductions?orderId=" + first).json()).isEqualTo(both.json());
        Response replay = api.deduct(strategy.value(), first, line(p1, 1));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json()).as("replayed as placed, not allocated anew").isEqualTo(both.json());
        assertThat(api.rows(p1)).containsEntry(a, new Row(1, 0, 1));
        api.assertLedgerMatchesRows(p1);
        api.assertLedgerMatchesRows(p2);
    }

    /**
     * Priorities chosen against the codes' order (A 313, B 311, C 312: B is preferred, then C, then A), so that only
     * the priority can explain the order of taking.
     */
    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void withNoLocationAbleAloneEachLineTakesFromTheLocationsInPriorityOrder(PlacementMode strategy) {
        List<String> codes = api.locations(313, 311, 312);
        String a = codes.get(0);
        String b = codes.get(1);
        String c = codes.get(2);
        String p1 = api.newProduct(at(a, 2), at(b, 2), at(c, 2));
        String p2 = api.newProduct(at(a, 1), at(b, 1));
        String order = unique("ORD");

        Response split = api.deduct(strategy.value(), order, line(p1, 5), line(p2, 2));

        assertThat(split.status()).as(split.toString()).isEqualTo(201);
        assertThat(allocationsOf(split.json())).containsExactly(
                List.of(new Take(b, 2), new Take(c, 2), new Take(a, 1)),
                List.of(new Take(b, 1), new Take(a, 1)));
        assertThat(api.rows(p1)).as("listed by priority").containsExactly(entry(b, new Row(0, 0, 0)),
                entry(c, new Row(0, 0, 0)), entry(a, new Row(1, 0, 1)));
        assertThat(api.rows(p2)).containsExactly(entry(b, new Row(0, 0, 0)), entry(a, new Row(0, 0, 0)));
        List<JsonNode> deducted = api.movements(p1, "DEDUCT");
        assertThat(deducted).as("one entry per location").hasSize(3)
                .allSatisfy(entry -> assertThat(entry.get("reference").asString()).isEqualTo(order));
        assertThat(byLocation(deducted, "quantity")).containsOnly(entry(b, 2), entry(c, 2), entry(a, 1));
        assertThat(byLocation(deducted, "stockAfter")).as("each location's own stock after")
                .containsOnly(entry(b, 0), entry(c, 0), entry(a, 1));
        String id = split.json().get("id").asString();
        assertThat(api.http().get("/api/v1/deductions/" + id).json().get("items")).isEqualTo(split.json().get("items"));
        api.assertLedgerMatchesRows(p1);
        api.assertLedgerMatchesRows(p2);
    }

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void aPinnedLineTakesOnlyFromItsLocationAndTheOthersAreAllocatedBesideIt(PlacementMode strategy) {
        List<String> codes = api.locations(321, 322);
        String a = codes.get(0);
        String b = codes.get(1);
        String p1 = api.newProduct(at(a, 10), at(b, 2));
        String p2 = api.newProduct(at(a, 5), at(b, 5));
        String p3 = api.newProduct(at(a, 1), at(b, 5));

        // p1 pinned to B, though A is preferred and has plenty; A cannot serve p3, B serves both unpinned lines.
        Response placed = api.deduct(strategy.value(), unique("ORD"), pinned(p1, 2, b), line(p2, 3), line(p3, 4));

        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        JsonNode items = placed.json().get("items");
        assertThat(items.get(0).get("location").asString()).isEqualTo(b);
        assertThat(items.get(1).get("location").isNull()).isTrue();
        assertThat(items.get(2).get("location").isNull()).isTrue();
        assertThat(allocationsOf(placed.json())).containsExactly(List.of(new Take(b, 2)), List.of(new Take(b, 3)),
                List.of(new Take(b, 4)));
        assertThat(api.rows(p1)).containsExactly(entry(a, new Row(10, 0, 10)), entry(b, new Row(0, 0, 0)));
        assertThat(api.rows(p2)).containsExactly(entry(a, new Row(5, 0, 5)), entry(b, new Row(2, 0, 2)));
        assertThat(api.rows(p3)).containsExactly(entry(a, new Row(1, 0, 1)), entry(b, new Row(1, 0, 1)));

        Response pinnedToA = api.deduct(strategy.value(), unique("ORD"), pinned(p2, 5, a), line(p3, 2));
        assertThat(pinnedToA.status()).as(pinnedToA.toString()).isEqualTo(201);
        assertThat(allocationsOf(pinnedToA.json())).as("p3 fits nowhere alone: split A 1 + B 1")
                .containsExactly(List.of(new Take(a, 5)), List.of(new Take(a, 1), new Take(b, 1)));
        assertThat(api.rows(p2)).containsExactly(entry(a, new Row(0, 0, 0)), entry(b, new Row(2, 0, 2)));
        assertThat(api.rows(p3)).containsExactly(entry(a, new Row(0, 0, 0)), entry(b, new Row(0, 0, 0)));
        for (String sku : List.of(p1, p2, p3)) {
            api.assertLedgerMatchesRows(sku);
        }
    }

    /** Two locations of one priority: the lower code is preferred, whether one serves alone or the line splits. */
    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void equalPrioritiesAreDecidedByCode(PlacementMode strategy) {
        List<String> codes = api.locations(331, 331);
        String a = codes.get(0);
        String b = codes.get(1);
        String sku = api.newProduct(at(b, 5), at(a, 5));
        assertThat(api.rows(sku).keySet()).as("listed by code on a tie").containsExactly(a, b);

        assertThat(allocationsOf(api.deduct(strategy.value(), unique("ORD"), line(sku, 3)).json()))
                .containsExactly(List.of(new Take(a, 3)));
        assertThat(allocationsOf(api.deduct(strategy.value(), unique("ORD"), line(sku, 4)).json()))
                .as("A has 2 of 4: B alone").containsExactly(List.of(new Take(b, 4)));
        assertThat(allocationsOf(api.deduct(strategy.value(), unique("ORD"), line(sku, 3)).json()))
                .as("A 2, B 1: split, A first").containsExactly(List.of(new Take(a, 2), new Take(b, 1)));
        assertThat(api.rows(sku)).containsExactly(entry(a, new Row(0, 0, 0)), entry(b, new Row(0, 0, 0)));
        api.assertLedgerMatchesRows(sku);
    }

    /**
     * {@code available} is what the line could get where it was allowed to take from: for a pinned line, its
     * location's available; for an unpinned one, the sum over the product's locations. Held units are not available.
     */
    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void aRefusalTellsWhatTheLineCouldGetWhereItMayTakeFromAndChangesNothing(PlacementMode strategy) {
        List<String> codes = api.locations(341, 342);
        String a = codes.get(0);
        String b = codes.get(1);
        String sku = api.newProduct(at(a, 2), at(b, 3));
        String other = api.newProduct(at(a, 5));
        Response held = api.reserve(strategy.value(), unique("RES"), 600, pinned(sku, 1, b));
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        Map<String, Row> rows = api.rows(sku);
        assertThat(rows).containsExactly(entry(a, new Row(2, 0, 2)), entry(b, new Row(3, 1, 2)));
        int entries = api.movements(sku).size();

        assertRefused(api.deduct(strategy.value(), unique("ORD"), line(sku, 5)), sku, 5, 4);
        assertRefused(api.deduct(strategy.value(), unique("ORD"), pinned(sku, 3, b)), sku, 3, 2);
        assertRefused(api.deduct(strategy.value(), unique("ORD"), pinned(sku, 3, a)), sku, 3, 2);
        assertRefused(api.deduct(strategy.value(), unique("ORD"), line(other, 1), line(sku, 5)), sku, 5, 4);
        assertRefused(api.deduct(strategy.value(), unique("ORD"), line(sku, 1), pinned(other, 6, a)), other, 6, 5);
        assertRefused(api.reserve(strategy.value(), unique("RES"), 600, line(sku, 5)), sku, 5, 4);
        assertRefused(api.reserve(strategy.value(), unique("RES"), 600, pinned(sku, 3, b)), sku, 3, 2);

        assertThat(api.rows(sku)).as("nothing changed").isEqualTo(rows);
        assertThat(api.rows(other)).containsExactly(entry(a, new Row(5, 0, 5)));
        assertThat(api.movements(sku)).hasSize(entries);
        Response fits = api.deduct(strategy.value(), unique("ORD"), line(sku, 4));
        assertThat(fits.status()).as(fits.toString()).isEqualTo(201);
        assertThat(allocationsOf(fits.json())).containsExactly(List.of(new Take(a, 2), new Take(b, 2)));
        assertThat(api.rows(sku)).containsExactly(entry(a, new Row(0, 0, 0)), entry(b, new Row(1, 1, 0)));
        api.assertLedgerMatchesRows(sku);
        api.assertLedgerMatchesRows(other);
    }

    /**
     * A hold split A 2 + B 2 expires: each location gets back exactly its held units (a restock of A meanwhile, which
     * would let A alone serve the order now, changes nothing of that).
     */
    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void anExpiredSplitHoldGivesEachLocationBackExactlyWhatItHeld(PlacementMode strategy) throws Exception {
        List<String> codes = api.locations(351, 352);
        String a = codes.get(0);
        String b = codes.get(1);
        String sku = api.newProduct(at(a, 2), at(b, 3));
        Response reserved = api.reserve(strategy.value(), unique("RES"), 60, line(sku, 4));
        assertThat(reserved.status()).as(reserved.toString()).isEqualTo(201);
        assertThat(allocationsOf(reserved.json())).containsExactly(List.of(new Take(a, 2), new Take(b, 2)));
        assertThat(api.rows(sku)).containsExactly(entry(a, new Row(2, 2, 0)), entry(b, new Row(3, 2, 1)));
        assertThat(api.restock(sku, a, 10).status()).isEqualTo(200);
        String id = reserved.json().get("id").asString();

        TestClock.shared().advance(Duration.ofSeconds(60));
        JsonNode expired = expire(id);

        assertThat(expired.get("items")).as("still shows where its units were held").isEqualTo(
                reserved.json().get("items"));
        assertThat(api.rows(sku)).containsExactly(entry(a, new Row(12, 0, 12)), entry(b, new Row(3, 0, 3)));
        List<JsonNode> released = api.movements(sku, "RELEASE");
        assertThat(released).as("one entry per location").hasSize(2);
        assertThat(byLocation(released, "quantity")).containsOnly(entry(a, 2), entry(b, 2));
        api.assertLedgerMatchesRows(sku);
    }

    /**
     * A hold split A 2 + B 2 is confirmed after a restock of A that would let A alone serve it now: the confirmation
     * deducts exactly the held units, A 2 and B 2, and cancelling the deduction it made gives them back there.
     */
    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void aConfirmedSplitHoldDeductsExactlyTheHeldUnits(PlacementMode strategy) {
        List<String> codes = api.locations(361, 362);
        String a = codes.get(0);
        String b = codes.get(1);
        String sku = api.newProduct(at(a, 2), at(b, 3));
        String order = unique("RES");
        Response reserved = api.reserve(strategy.value(), order, 600, line(sku, 4));
        assertThat(allocationsOf(reserved.json())).containsExactly(List.of(new Take(a, 2), new Take(b, 2)));
        assertThat(api.restock(sku, a, 10).status()).isEqualTo(200);

        Response confirmed = api.http().post("/api/v1/reservations/" + reserved.json().get("id").asString()
                + "/confirm");

        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().get("items")).isEqualTo(reserved.json().get("items"));
        assertThat(api.rows(sku)).containsExactly(entry(a, new Row(10, 0, 10)), entry(b, new Row(1, 0, 1)));
        List<JsonNode> confirms = api.movements(sku, "CONFIRM");
        assertThat(confirms).hasSize(2);
        assertThat(byLocation(confirms, "quantity")).containsOnly(entry(a, 2), entry(b, 2));
        assertThat(byLocation(confirms, "stockAfter")).containsOnly(entry(a, 10), entry(b, 1));
        String deductionId = confirmed.json().get("deductionId").asString();
        JsonNode deduction = api.http().get("/api/v1/deductions/" + deductionId).json();
        assertThat(deduction.get("items")).as("the deduction shows the held allocations")
                .isEqualTo(reserved.json().get("items"));
        api.assertLedgerMatchesRows(sku);

        assertThat(api.http().post("/api/v1/deductions/" + deductionId + "/cancel").status()).isEqualTo(200);
        assertThat(api.rows(sku)).containsExactly(entry(a, new Row(12, 0, 12)), entry(b, new Row(3, 0, 3)));
        assertThat(byLocation(api.movements(sku, "CANCEL"), "quantity")).containsOnly(entry(a, 2), entry(b, 2));
        api.assertLedgerMatchesRows(sku);
    }

    /**
     * A hold of an unpinned line split A 2 + B 2 and of a line pinned to B is released after a deduction took B's
     * last free unit: each row gets back exactly what it held.
     */
    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void aReleasedSplitHoldGivesEachLocationBackExactlyWhatItHeld(PlacementMode strategy) {
        List<String> codes = api.locations(371, 372);
        String a = codes.get(0);
        String b = codes.get(1);
        String sku = api.newProduct(at(a, 2), at(b, 3));
        String other = api.newProduct(at(a, 5), at(b, 5));
        Response reserved = api.reserve(strategy.value(), unique("RES"), 600, line(sku, 4), pinned(other, 2, b));
        assertThat(reserved.status()).as(reserved.toString()).isEqualTo(201);
        assertThat(allocationsOf(reserved.json())).containsExactly(List.of(new Take(a, 2), new Take(b, 2)),
                List.of(new Take(b, 2)));
        Response taken = api.deduct(strategy.value(), unique("ORD"), line(sku, 1));
        assertThat(allocationsOf(taken.json())).as("A has none free").containsExactly(List.of(new Take(b, 1)));

        Response released = api.http().post("/api/v1/reservations/" + reserved.json().get("id").asString()
                + "/release");

        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        assertThat(released.json().get("status").asString()).isEqualTo("RELEASED");
        assertThat(api.rows(sku)).containsExactly(entry(a, new Row(2, 0, 2)), entry(b, new Row(2, 0, 2)));
        assertThat(api.rows(other)).containsExactly(entry(a, new Row(5, 0, 5)), entry(b, new Row(5, 0, 5)));
        assertThat(byLocation(api.movements(sku, "RELEASE"), "quantity")).containsOnly(entry(a, 2), entry(b, 2));
        assertThat(byLocation(api.movements(other, "RELEASE"), "quantity")).containsOnly(entry(b, 2));
        api.assertLedgerMatchesRows(sku);
        api.assertLedgerMatchesRows(other);
    }

    /**
     * A deduction split A 2 + B 2, then a restock creates a row at C, now the preferred location: the cancellation
     * gives A and B their units back and leaves C as it is; the next order goes to C.
     */
    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void aCancellationGivesTheUnitsBackWhereTheyCameFromAfterARestockElsewhere(PlacementMode strategy) {
        List<String> codes = api.locations(381, 382, 380);
        String a = codes.get(0);
        String b = codes.get(1);
        String c = codes.get(2);
        String sku = api.newProduct(at(a, 2), at(b, 3));
        Response deducted = api.deduct(strategy.value(), unique("ORD"), line(sku, 4));
        assertThat(allocationsOf(deducted.json())).containsExactly(List.of(new Take(a, 2), new Take(b, 2)));
        Response restocked = api.restock(sku, c, 10);
        assertThat(restocked.status()).as(restocked.toString()).isEqualTo(200);
        assertThat(rowsOf(restocked.json())).containsExactly(entry(c, new Row(10, 0, 10)),
                entry(a, new Row(0, 0, 0)), entry(b, new Row(1, 0, 1)));

        Response cancelled = api.http().post("/api/v1/deductions/" + deducted.json().get("id").asString() + "/cancel");

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("items")).isEqualTo(deducted.json().get("items"));
        assertThat(api.rows(sku)).containsExactly(entry(c, new Row(10, 0, 10)), entry(a, new Row(2, 0, 2)),
                entry(b, new Row(3, 0, 3)));
        List<JsonNode> cancels = api.movements(sku, "CANCEL");
        assertThat(cancels).hasSize(2);
        assertThat(byLocation(cancels, "quantity")).containsOnly(entry(a, 2), entry(b, 2));
        assertThat(byLocation(cancels, "stockAfter")).containsOnly(entry(a, 2), entry(b, 3));
        assertThat(allocationsOf(api.deduct(strategy.value(), unique("ORD"), line(sku, 4)).json()))
                .containsExactly(List.of(new Take(c, 4)));
        api.assertLedgerMatchesRows(sku);
    }

    @Test
    void aRestockToALocationWithoutARowCreatesTheRow() {
        List<String> codes = api.locations(391, 392);
        String a = codes.get(0);
        String b = codes.get(1);
        String sku = api.newProduct(at(a, 5));

        Response atB = api.restock(sku, b, 3);

        assertThat(atB.status()).as(atB.toString()).isEqualTo(200);
        assertThat(rowsOf(atB.json())).containsExactly(entry(a, new Row(5, 0, 5)), entry(b, new Row(3, 0, 3)));
        assertThat(atB.json().get("stock").asInt()).isEqualTo(8);
        assertThat(atB.json()).isEqualTo(api.view(sku));
        JsonNode newest = api.movements(sku).getFirst();
        assertThat(newest.get("kind").asString()).isEqualTo("RESTOCK");
        assertThat(newest.get("location").asString()).isEqualTo(b);
        assertThat(newest.get("quantity").asInt()).isEqualTo(3);
        assertThat(newest.get("stockAfter").asInt()).as("B's stock, not the product's").isEqualTo(3);

        Response unnamed = api.restock(sku, null, 4);
        assertThat(unnamed.status()).as(unnamed.toString()).isEqualTo(200);
        assertThat(rowsOf(unnamed.json())).as("a restock naming no location creates the DEFAULT row (priority 0)")
                .containsExactly(entry("DEFAULT", new Row(4, 0, 4)), entry(a, new Row(5, 0, 5)),
                        entry(b, new Row(3, 0, 3)));
        assertThat(api.movements(sku).getFirst().get("location").asString()).isEqualTo("DEFAULT");

        assertThat(api.restock(sku, a, 1).status()).isEqualTo(200);
        JsonNode atA = api.movements(sku).getFirst();
        assertThat(atA.get("location").asString()).isEqualTo(a);
        assertThat(atA.get("stockAfter").asInt()).isEqualTo(6);
        assertThat(api.view(sku).get("stock").asInt()).isEqualTo(13);
        api.assertLedgerMatchesRows(sku);
    }

    /**
     * Rows given in no particular order are listed by priority, then code (D 405, B 410, then A and C on 420); a row
     * of stock 0 is a row; the product's figures are the sums; each row with stock has its INITIAL entry.
     */
    @Test
    void aProductCreatedWithLocationsListsThemByPriorityThenCodeWithTheirSums() {
        List<String> codes = api.locations(420, 410, 420, 405);
        String a = codes.get(0);
        String b = codes.get(1);
        String c = codes.get(2);
        String d = codes.get(3);
        String sku = unique("LOC");

        Response created = api.postProduct(sku, at(c, 3), at(a, 1), at(d, 0), at(b, 2));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(rowsOf(created.json())).containsExactly(entry(d, new Row(0, 0, 0)), entry(b, new Row(2, 0, 2)),
                entry(a, new Row(1, 0, 1)), entry(c, new Row(3, 0, 3)));
        assertThat(created.json().get("stock").asInt()).isEqualTo(6);
        assertThat(created.json().get("reserved").asInt()).isZero();
        assertThat(created.json().get("available").asInt()).isEqualTo(6);
        assertThat(created.json().get("locations").get(0).propertyNames())
                .containsExactlyInAnyOrder("location", "stock", "reserved", "available");
        assertThat(api.view(sku)).isEqualTo(created.json());
        List<JsonNode> initial = api.movements(sku, "INITIAL");
        assertThat(initial).as("no entry for a row of 0, no DEFAULT row").hasSize(3);
        assertThat(byLocation(initial, "quantity")).containsOnly(entry(a, 1), entry(b, 2), entry(c, 3));
        assertThat(byLocation(initial, "stockAfter")).containsOnly(entry(a, 1), entry(b, 2), entry(c, 3));
        api.assertLedgerMatchesRows(sku);
    }

    private static void assertRefused(Response response, String sku, int requested, int available) {
        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.problemType()).isEqualTo("insufficient-stock");
        assertThat(response.json().get("sku").asString()).isEqualTo(sku);
        assertThat(response.json().get("requested").asInt()).isEqualTo(requested);
        assertThat(response.json().get("available").asInt()).as(response.toString()).isEqualTo(available);
    }

    /** {@code member} of ledger entries summed per location. */
    private static Map<String, Integer> byLocation(List<JsonNode> entries, String member) {
        Map<String, Integer> sums = new HashMap<>();
        entries.forEach(entry -> sums.merge(entry.get("location").asString(), entry.get(member).asInt(),
                Integer::sum));
        return sums;
    }

    /**
     * Sweeps overdue holds until {@code reservationId} is expired, at most 5 s: a sweep skips a hold another
     * transaction holds (the service's own sweeper may be deciding it just then), so one call is not enough.
     */
    private JsonNode expire(String reservationId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            reservations.expireOverdue(1_000);
            JsonNode reservation = api.http().get("/api/v1/reservations/" + reservationId).json();
            if (reservation.get("status").asString().equals("EXPIRED")) {
                return reservation;
            }
            assertThat(System.nanoTime()).as("expired within 5 s: %s", reservation).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
