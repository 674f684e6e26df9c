package com.example.inventory.location;

import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import com.example.inventory.Race;
import com.example.inventory.location.LocationApi.Row;
import com.example.inventory.location.LocationApi.Take;
import com.example.inventory.stock.PlacementMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.example.inventory.HttpApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.example.inventory.HttpApi.unique;
import static com.example.inventory.location.LocationApi.allocations;
import static com.example.inventory.location.LocationApi.allocationsOf;
import static com.example.inventory.location.LocationApi.at;
import static com.example.inventory.location.LocationApi.line;
import static com.example.inventory.location.LocationApi.pinned;
import static com.example.inventory.location.LocationApi.unitsByLocation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Stock per location under real threads, released together by a latch, against the real service and PostgreSQL, for
 * every strategy: exact outcomes, every row accounted for by the allocations the answers show and by its ledger.
 */
@IntegrationTest
class LocationConcurrencyTests {

    @LocalServerPort
    int port;

    LocationApi api;

    @BeforeEach
    void setUp() {
        api = new LocationApi(new HttpApi(port));
    }

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void flashSaleAcrossThreeLocationsNeverOversellsAnyOfThem(PlacementMode strategy) throws Exception {
        List<String> codes = api.locations(101, 102, 103);
        String a = codes.get(0);
        String b = codes.get(1);
        String c = codes.get(2);
        String sku = api.newProduct(at(a, 30), at(b, 30), at(c, 40));
        List<Response> answers = Race.run(400, 400,
                i -> api.deduct(strategy.value(), unique("FLASH-ORD"), line(sku, 1)));

        List<Response> sold = answers.stream().filter(r -> r.status() == 201).toList();
        List<Response> refused = answers.stream().filter(r -> r.status() != 201).toList();
        assertThat(sold).hasSize(100);
        assertThat(refused).hasSize(300).allSatisfy(refusal -> {
            assertThat(refusal.status()).as(refusal.toString()).isEqualTo(409);
            assertThat(refusal.problemType()).isEqualTo("insufficient-stock");
            assertThat(refusal.json().get("requested").asInt()).isEqualTo(1);
            // A line of one unit is refused only when no location it may take from has one left.
            assertThat(refusal.json().get("available").asInt()).isZero();
        });
        List<JsonNode> deductions = sold.stream().map(Response::json).toList();
        assertThat(deductions).allSatisfy(deduction -> assertThat(allocationsOf(deduction))
                .singleElement().satisfies(takes -> assertThat(takes).singleElement()
                        .satisfies(take -> assertThat(take.quantity()).isEqualTo(1))));
        assertThat(unitsByLocation(deductions)).as("each location gave exactly what it had")
                .containsOnly(entry(a, 30), entry(b, 30), entry(c, 40));
        assertThat(api.rows(sku)).containsExactly(entry(a, new Row(0, 0, 0)), entry(b, new Row(0, 0, 0)),
                entry(c, new Row(0, 0, 0)));
        assertThat(api.movements(sku, "DEDUCT")).hasSize(100);
        api.assertLedgerMatchesRows(sku);
    }

    /**
     * 13 units at three locations (A 2, B 5, C 6, preferred in that order), twenty buyers of 4 unpinned units. Whatever
     * the order the service takes them in, the buyers' orders are alike, so the outcome is the one of any serial
     * order: the first is served whole by B (the preferred location that can serve it alone), the second whole by C,
     * the third by none alone, so split in priority order, A 2 + B 1 + C 1; one unit is left, and the seventeen
     * others are refused, each told 1 available.
     */
    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void ordersThatMustSplitUnderContentionTakeExactlyWhatTheRuleSays(PlacementMode strategy) throws Exception {
        List<String> codes = api.locations(111, 112, 113);
        String a = codes.get(0);
        String b = codes.get(1);
        String c = codes.get(2);
        String sku = api.newProduct(at(a, 2), at(b, 5), at(c, 6));

        List<Response> answers = Race.run(20, 20, i -> api.deduct(strategy.value(), unique("SPLIT-ORD"),
                line(sku, 4)));

        List<Response> sold = answers.stream().filter(r -> r.status() == 201).toList();
        List<Response> refused = answers.stream().filter(r -> r.status() != 201).toList();
        assertThat(sold).hasSize(3);
        assertThat(refused).hasSize(17).allSatisfy(refusal -> {
            assertThat(refusal.status()).as(refusal.toString()).isEqualTo(409);
            assertThat(refusal.problemType()).isEqualTo("insufficient-stock");
            assertThat(refusal.json().get("requested").asInt()).isEqualTo(4);
            assertThat(refusal.json().get("available").asInt()).isEqualTo(1);
        });
        List<JsonNode> deductions = sold.stream().map(Response::json).toList();
        assertThat(deductions).allSatisfy(deduction -> assertThat(allocationsOf(deduction)).singleElement()
                .satisfies(takes -> assertThat(takes.stream().mapToInt(Take::quantity).sum()).isEqualTo(4)));
        assertThat(deductions.stream().map(deduction -> allocationsOf(deduction).getFirst()).toList())
                .containsExactlyInAnyOrder(
                        List.of(new Take(b, 4)),
                        List.of(new Take(c, 4)),
                        List.of(new Take(a, 2), new Take(b, 1), new Take(c, 1)));
        assertThat(unitsByLocation(deductions)).as("what left each location")
                .containsOnly(entry(a, 2), entry(b, 5), entry(c, 5));
        assertThat(api.rows(sku)).containsExactly(entry(a, new Row(0, 0, 0)), entry(b, new Row(0, 0, 0)),
                entry(c, new Row(1, 0, 1)));
        assertThat(api.movements(sku, "DEDUCT")).as("one entry per location a line took from").hasSize(5);
        api.assertLedgerMatchesRows(sku);
    }

    /**
     * Every strategy at once on rows whose ids are not in lock order: a restock made the first product's row at X
     * after the second product's row, so id order puts (P2, DEFAULT) before (P1, X), lock order the other way round.
     * A strategy that wrote rows in id order (Hibernate's ordered updates did, for optimistic) deadlocked with one
     * that locks in (product, location) order.
     */
    @org.junit.jupiter.api.Test
    void strategiesTogetherOnRowsCreatedOutOfLockOrderNeverDeadlock() throws Exception {
        String x = api.locations(131).getFirst();
        String p1 = api.newProduct(at("DEFAULT", 100_000));
        String p2 = api.newProduct(at("DEFAULT", 100_000));
        assertThat(api.restock(p1, x, 100_000).status()).isEqualTo(200);
        // Both products kept at two locations: an atomic or optimistic order takes each one's advisory lock (for its
        // events) between its rows, in the one order all strategies follow.
        assertThat(api.restock(p2, x, 100_000).status()).isEqualTo(200);
        PlacementMode[] modes = PlacementMode.values();

        List<Response> answers = Race.run(40, 40, thread -> {
            List<Response> mine = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                mine.add(api.deduct(modes[(thread + i) % modes.length].value(), unique("IDS"), pinned(p1, 1, x),
                        pinned(p2, 1, "DEFAULT")));
            }
            return mine;
        }).stream().flatMap(List::stream).toList();

        assertThat(answers).hasSize(400).allSatisfy(answer -> assertThat(answer.status() == 201
                || answer.status() == 503 && answer.json().get("detail").asString().startsWith("Gave up after"))
                .as("201, or an optimistic order out of retries; never a lock wait that failed: %s", answer).isTrue());
        long sold = answers.stream().filter(answer -> answer.status() == 201).count();
        assertThat(api.rows(p1).get(x).stock()).isEqualTo(100_000 - (int) sold);
        assertThat(api.rows(p2).get("DEFAULT").stock()).isEqualTo(100_000 - (int) sold);
        api.assertLedgerMatchesRows(p1);
        api.assertLedgerMatchesRows(p2);
    }

    /**
     * Orders lock rows of two products at two locations in every order a client can write them: pinned lines
     * {@code [P1@far, P2@near]} and {@code [P2@near, P1@far]}, and unpinned lines {@code [P1, P2]} and {@code [P2, P1]}
     * (served by {@code near}, the preferred location, which has plenty). One global lock order of (product,
     * location) means no deadlock, so no 503 but the optimistic strategy's retries running out.
     */
    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void ordersTouchingRowsInOppositeOrderNeverDeadlock(PlacementMode strategy) throws Exception {
        List<String> codes = api.locations(121, 122);
        String near = codes.get(0);
        String far = codes.get(1);
        String p1 = api.newProduct(at(near, 10_000), at(far, 10_000));
        String p2 = api.newProduct(at(near, 10_000), at(far, 10_000));

        List<Placed> placed = Race.run(40, 40, thread -> {
            List<Placed> mine = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                mine.add(switch (thread % 4) {
                    case 0 -> new Placed(true, api.deduct(strategy.value(), unique("AB"), pinned(p1, 1, far),
                            pinned(p2, 2, near)));
                    case 1 -> new Placed(true, api.deduct(strategy.value(), unique("BA"), pinned(p2, 2, near),
                            pinned(p1, 1, far)));
                    case 2 -> new Placed(false, api.deduct(strategy.value(), unique("AB"), line(p1, 1), line(p2, 2)));
                    default -> new Placed(false, api.deduct(strategy.value(), unique("BA"), line(p2, 2), line(p1, 1)));
                });
            }
            return mine;
        }).stream().flatMap(List::stream).toList();

        Map<Integer, Long> statuses = placed.stream()
                .collect(Collectors.groupingBy(p -> p.response().status(), Collectors.counting()));
        if (strategy == PlacementMode.OPTIMISTIC) {
            assertThat(statuses.keySet()).isSubsetOf(201, 503);
        } else {
            assertThat(statuses).as("no deadlock, no timeout").containsOnlyKeys(201);
        }
        assertThat(placed).hasSize(400);
        List<Placed> sold = placed.stream().filter(p -> p.response().status() == 201).toList();
        assertThat(sold).filteredOn(p -> !p.pinned()).allSatisfy(p -> assertThat(allocationsOf(p.response().json()))
                .as("near, the preferred location, serves the whole unpinned order")
                .allSatisfy(takes -> assertThat(takes).extracting(Take::location).containsExactly(near)));
        long pinnedSold = sold.stream().filter(Placed::pinned).count();
        long unpinnedSold = sold.size() - pinnedSold;
        int p1Near = (int) (10_000 - unpinnedSold);
        int p1Far = (int) (10_000 - pinnedSold);
        int p2Near = (int) (10_000 - 2 * sold.size());
        assertThat(api.rows(p1)).containsExactly(entry(near, new Row(p1Near, 0, p1Near)),
                entry(far, new Row(p1Far, 0, p1Far)));
        assertThat(api.rows(p2)).containsExactly(entry(near, new Row(p2Near, 0, p2Near)),
                entry(far, new Row(10_000, 0, 10_000)));
        api.assertLedgerMatchesRows(p1);
        api.assertLedgerMatchesRows(p2);
    }

    /** An order of the race above: whether its lines were pinned, and the answer. */
    private record Placed(boolean pinned, Response response) {
    }

    /**
     * Twenty requests of one order id, at once, for 7 units that no location has alone (A 3, B 3, C 3): one places
     * it, split A 3 + B 3 + C 1, and the nineteen others replay it — allocations included, never allocated anew.
     */
    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void sameSplitOrderSentTwentyTimesAtOnceDeductsOnce(PlacementMode strategy) throws Exception {
        List<String> codes = api.locations(131, 132, 133);
        String a = codes.get(0);
        String b = codes.get(1);
        String c = codes.get(2);
        String sku = api.newProduct(at(a, 3), at(b, 3), at(c, 3));
        String order = unique("IDEM-ORD");

        List<Response> responses = Race.run(20, 20, i -> api.deduct(strategy.value(), order, line(sku, 7)));

        assertThat(responses).extracting(Response::status).filteredOn(s -> s == 201).hasSize(1);
        List<Response> replays = responses.stream().filter(r -> r.status() == 200).toList();
        assertThat(replays).hasSize(19);
        assertThat(replays).allSatisfy(r -> assertThat(r.header("Idempotent-Replayed")).contains("true"));
        JsonNode placed = responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().json();
        assertThat(allocations(placed.get("items").get(0)))
                .containsExactly(new Take(a, 3), new Take(b, 3), new Take(c, 1));
        assertThat(replays).allSatisfy(r -> {
            assertThat(r.json().get("id").asString()).isEqualTo(placed.get("id").asString());
            assertThat(r.json().get("items")).isEqualTo(placed.get("items"));
        });
        assertThat(api.rows(sku)).containsExactly(entry(a, new Row(0, 0, 0)), entry(b, new Row(0, 0, 0)),
                entry(c, new Row(2, 0, 2)));
        assertThat(api.movements(sku, "DEDUCT")).as("one entry per location, once").hasSize(3);
        api.assertLedgerMatchesRows(sku);
    }

    /**
     * Twenty cancellations of one deduction split over three locations, at once: the deduction is cancelled once, and
     * each location gets back exactly what it gave, though a restock meanwhile let C alone serve the whole order.
     */
    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void concurrentCancelsOfASplitDeductionGiveEachLocationItsUnitsBackOnce(PlacementMode strategy) throws Exception {
        List<String> codes = api.locations(141, 142, 143);
        String a = codes.get(0);
        String b = codes.get(1);
        String c = codes.get(2);
        String sku = api.newProduct(at(a, 2), at(b, 2), at(c, 2));
        Response deducted = api.deduct(strategy.value(), unique("CANCEL-ORD"), line(sku, 5));
        assertThat(deducted.status()).as(deducted.toString()).isEqualTo(201);
        assertThat(allocationsOf(deducted.json()).getFirst())
                .containsExactly(new Take(a, 2), new Take(b, 2), new Take(c, 1));
        assertThat(api.restock(sku, c, 10).status()).isEqualTo(200);
        String id = deducted.json().get("id").asString();

        Map<Integer, Integer> statuses = Race.count(20, 20,
                i -> api.http().post("/api/v1/deductions/" + id + "/cancel").status());

        assertThat(statuses).containsExactly(entry(200, 20));
        assertThat(api.rows(sku)).containsExactly(entry(a, new Row(2, 0, 2)), entry(b, new Row(2, 0, 2)),
                entry(c, new Row(12, 0, 12)));
        assertThat(api.movements(sku, "CANCEL")).as("one entry per location the deduction took from, once")
                .hasSize(3);
        api.assertLedgerMatchesRows(sku);
    }
}
