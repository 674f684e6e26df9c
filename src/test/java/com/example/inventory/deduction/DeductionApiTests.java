package com.example.inventory.deduction;

import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import com.example.inventory.stock.PlacementMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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

@IntegrationTest
class DeductionApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HttpApi api;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
    }

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void deductsEveryLineAndRecordsTheLedger(PlacementMode strategy) {
        String phone = product(10);
        String phoneCase = product(5);
        String order = unique("ORD");

        Response response = api.deduct(strategy.value(), order, phone, 2, phoneCase, 1);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode deduction = response.json();
        assertThat(response.header("Location")).contains("/api/v1/deductions/" + deduction.get("id").asString());
        assertThat(deduction.get("orderId").asString()).isEqualTo(order);
        assertThat(deduction.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(deduction.get("strategy").asString()).isEqualTo(strategy.value());
        assertThat(deduction.get("attempts").asInt()).isEqualTo(1);
        assertThat(deduction.get("createdAt").asString()).isNotBlank();
        assertThat(deduction.get("items")).hasSize(2);
        assertThat(deduction.get("items").get(0).get("sku").asString()).isEqualTo(phone);
        assertThat(deduction.get("items").get(0).get("quantity").asInt()).isEqualTo(2);
        assertThat(deduction.get("items").get(1).get("sku").asString()).isEqualTo(phoneCase);
        assertThat(api.stockOf(phone)).isEqualTo(8);
        assertThat(api.stockOf(phoneCase)).isEqualTo(4);
        JsonNode newest = api.get("/api/v1/products/" + phone + "/movements").json().get("content").get(0);
        assertThat(newest.get("kind").asString()).isEqualTo("DEDUCT");
        assertThat(newest.get("quantity").asInt()).isEqualTo(2);
        assertThat(newest.get("stockAfter").asInt()).isEqualTo(8);
        assertThat(newest.get("reference").asString()).isEqualTo(order);
        assertLedgerMatchesStock(jdbc, phone);
        assertLedgerMatchesStock(jdbc, phoneCase);

        String id = deduction.get("id").asString();
        assertThat(api.get("/api/v1/deductions/" + id).json()).isEqualTo(deduction);
        assertThat(api.get("/api/v1/deductions?orderId=" + order).json()).isEqualTo(deduction);
    }

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void refusesAnOrderBeyondAvailableStockAndChangesNothing(PlacementMode strategy) {
        String plenty = product(10);
        String scarce = product(1);
        String order = unique("ORD");

        Response response = api.deduct(strategy.value(), order, plenty, 2, scarce, 3);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.problemType()).isEqualTo("insufficient-stock");
        assertThat(response.json().get("sku").asString()).isEqualTo(scarce);
        assertThat(response.json().get("requested").asInt()).isEqualTo(3);
        assertThat(response.json().get("available").asInt()).isEqualTo(1);
        assertThat(api.stockOf(plenty)).isEqualTo(10);
        assertThat(api.stockOf(scarce)).isEqualTo(1);
        assertThat(movements(jdbc, plenty, "DEDUCT")).isZero();
        assertThat(deductionsOf(jdbc, order)).isZero();
        assertThat(api.get("/api/v1/deductions?orderId=" + order).status()).isEqualTo(404);

        Response retry = api.deduct(strategy.value(), order, plenty, 2, scarce, 1);
        assertThat(retry.status()).as("the refused order id stays free").isEqualTo(201);
    }

    /**
     * The atomic strategy's one-statement deduction (claim, conditional update, ledger entry): a line that does not
     * fit, or an unknown SKU, leaves neither the claim nor anything else behind, and the order id stays free; a repeat
     * of a placed one changes nothing and is a replay, or a conflict for other items.
     */
    @Test
    void aOneStatementAtomicDeductionLeavesNothingBehindWhenRefusedAndIsPlacedOnce() {
        String sku = product(5);
        String order = unique("ONE");

        Response beyond = api.deduct("atomic", order, sku, 6);
        assertThat(beyond.status()).as(beyond.toString()).isEqualTo(409);
        assertThat(beyond.problemType()).isEqualTo("insufficient-stock");
        assertThat(beyond.json().get("available").asInt()).isEqualTo(5);
        Response unknown = api.deduct("atomic", order, "NO-SUCH-SKU-1", 1);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(deductionsOf(jdbc, order)).isZero();
        assertThat(movements(jdbc, sku, "DEDUCT")).isZero();
        assertThat(api.stockOf(sku)).isEqualTo(5);

        Response placed = api.deduct("atomic", order, sku, 5);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(placed.json().get("attempts").asInt()).isEqualTo(1);
        Response again = api.deduct("atomic", order, sku, 5);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(again.json()).isEqualTo(placed.json());
        Response other = api.deduct("atomic", order, sku, 1);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.problemType()).isEqualTo("order-conflict");
        assertThat(deductionsOf(jdbc, order)).isOne();
        assertThat(movements(jdbc, sku, "DEDUCT")).isOne();
        assertThat(api.stockOf(sku)).isZero();
        assertLedgerMatchesStock(jdbc, sku);
    }

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void unknownSkuIsNotFoundAndChangesNothing(PlacementMode strategy) {
        String known = product(10);

        Response response = api.deduct(strategy.value(), unique("ORD"), known, 1, "NO-SUCH-SKU-9", 1);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.problemType()).isEqualTo("product-not-found");
        assertThat(response.json().get("sku").asString()).isEqualTo("NO-SUCH-SKU-9");
        assertThat(api.stockOf(known)).isEqualTo(10);
    }

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void repeatedOrderIsReplayedAndDeductsNothing(PlacementMode strategy) {
        String a = product(10);
        String b = product(10);
        String order = unique("ORD");
        JsonNode first = api.deduct(strategy.value(), order, a, 2, b, 3).json();

        Response again = api.deduct(strategy.value(), order, b, 3, a, 2);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(again.json()).isEqualTo(first);
        assertThat(api.stockOf(a)).isEqualTo(8);
        assertThat(api.stockOf(b)).isEqualTo(7);
        assertThat(movements(jdbc, a, "DEDUCT")).isEqualTo(1);

        Response different = api.deduct(strategy.value(), order, a, 1);
        assertThat(different.status()).isEqualTo(409);
        assertThat(different.problemType()).isEqualTo("order-conflict");
        assertThat(different.json().get("orderId").asString()).isEqualTo(order);
        assertThat(api.stockOf(a)).isEqualTo(8);
    }

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void cancellationGivesStockBackOnce(PlacementMode strategy) {
        String a = product(10);
        String b = product(4);
        String order = unique("ORD");
        String id = api.deduct(strategy.value(), order, a, 3, b, 4).json().get("id").asString();

        Response cancelled = api.post("/api/v1/deductions/" + id + "/cancel");
        Response again = api.post("/api/v1/deductions/" + id + "/cancel");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(api.stockOf(a)).isEqualTo(10);
        assertThat(api.stockOf(b)).isEqualTo(4);
        assertThat(movements(jdbc, a, "CANCEL")).isEqualTo(1);
        assertThat(movements(jdbc, b, "CANCEL")).isEqualTo(1);
        assertLedgerMatchesStock(jdbc, a);
        assertLedgerMatchesStock(jdbc, b);
        JsonNode newest = api.get("/api/v1/products/" + b + "/movements").json().get("content").get(0);
        assertThat(newest.get("kind").asString()).isEqualTo("CANCEL");
        assertThat(newest.get("reference").asString()).isEqualTo(order);

        Response replay = api.deduct(strategy.value(), order, a, 3, b, 4);
        assertThat(replay.status()).as("a cancelled order is replayed as it is").isEqualTo(200);
        assertThat(replay.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(api.stockOf(a)).isEqualTo(10);
    }

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void cancellationThatWouldLiftStockAboveTheLimitIsRefusedAndChangesNothing(PlacementMode strategy) {
        String sku = product(10);
        String id = api.deduct(strategy.value(), unique("ORD"), sku, 4).json().get("id").asString();
        assertThat(api.post("/api/v1/products/" + sku + "/restock", "{\"quantity\":999999994}").status())
                .isEqualTo(200);
        assertThat(api.stockOf(sku)).isEqualTo(1_000_000_000);

        Response cancel = api.post("/api/v1/deductions/" + id + "/cancel");

        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(409);
        assertThat(cancel.problemType()).isEqualTo("stock-limit-exceeded");
        assertThat(cancel.json().get("sku").asString()).isEqualTo(sku);
        assertThat(api.stockOf(sku)).isEqualTo(1_000_000_000);
        assertThat(api.get("/api/v1/deductions/" + id).json().get("status").asString()).isEqualTo("COMPLETED");
        assertThat(movements(jdbc, sku, "CANCEL")).isZero();
        assertLedgerMatchesStock(jdbc, sku);

        api.deduct(strategy.value(), unique("ORD"), sku, 4);
        assertThat(api.post("/api/v1/deductions/" + id + "/cancel").status()).as("room again").isEqualTo(200);
        assertThat(api.stockOf(sku)).isEqualTo(1_000_000_000);
    }

    @Test
    void usesTheBatchedStrategyUnlessTheRequestNamesOne() {
        String sku = product(5);

        assertThat(api.deduct(null, unique("ORD"), sku, 1).json().get("strategy").asString()).isEqualTo("batched");
        assertThat(api.deduct("", unique("ORD"), sku, 1).json().get("strategy").asString()).isEqualTo("batched");
        assertThat(api.deduct("ATOMIC", unique("ORD"), sku, 1).json().get("strategy").asString()).isEqualTo("atomic");
    }

    @Test
    void unknownStrategyIsValidationProblem() {
        String sku = product(5);

        Response response = api.deduct("magic", unique("ORD"), sku, 1);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo("validation");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("strategy");
        assertThat(api.stockOf(sku)).isEqualTo(5);
    }

    @Test
    void invalidDeductionsAreRejectedAndChangeNothing() {
        String sku = product(5);
        String other = product(5);
        String lines101 = IntStream.range(0, 101).mapToObj(i -> "{\"sku\":\"S" + i + "\",\"quantity\":1}")
                .collect(Collectors.joining(","));
        String item = "{\"sku\":\"" + sku + "\",\"quantity\":1}";
        List<String[]> cases = List.of(
                new String[] {"{\"orderId\":\"O-1\",\"items\":[]}", "items"},
                new String[] {"{\"orderId\":\"O-1\"}", "items"},
                new String[] {"{\"orderId\":\"O-1\",\"items\":[" + item + "," + item + "]}", "items"},
                new String[] {"{\"orderId\":\"O-1\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":0}]}", "items[0].quantity"},
                new String[] {"{\"orderId\":\"O-1\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":-2}]}", "items[0].quantity"},
                new String[] {"{\"orderId\":\"O-1\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1000001}]}", "items[0].quantity"},
                new String[] {"{\"orderId\":\"O-1\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1e20}]}", "items[0].quantity"},
                new String[] {"{\"orderId\":\"O-1\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":2.5}]}", "items[0].quantity"},
                new String[] {"{\"orderId\":\"O-1\",\"items\":[{\"sku\":\"" + sku + "\"}]}", "items[0].quantity"},
                new String[] {"{\"orderId\":\"O-1\",\"items\":[{\"sku\":\"bad sku\",\"quantity\":1}]}", "items[0].sku"},
                new String[] {"{\"orderId\":\"O-1\",\"items\":[null]}", "items[0]"},
                new String[] {"{\"orderId\":\"O-1\",\"items\":[" + lines101 + "]}", "items"},
                new String[] {"{\"items\":[" + item + "]}", "orderId"},
                new String[] {"{\"orderId\":\"\",\"items\":[" + item + "]}", "orderId"},
                new String[] {"{\"orderId\":\"" + "O".repeat(65) + "\",\"items\":[" + item + "]}", "orderId"},
                new String[] {"{\"orderId\":\"has space\",\"items\":[" + item + "]}", "orderId"},
                new String[] {"{\"orderId\":\"O-1\",\"items\":{\"sku\":\"" + sku + "\"}}", "items"});
        for (String[] invalid : cases) {
            Response response = api.post("/api/v1/deductions", invalid[0]);
            assertThat(response.status()).as(invalid[0]).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.problemType()).as(invalid[0]).isEqualTo("validation");
            List<String> fields = new ArrayList<>();
            response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
            assertThat(fields).as(invalid[0]).contains(invalid[1]);
        }
        for (String malformed : List.of("{\"orderId\":", "", "[]", "nonsense")) {
            Response response = api.post("/api/v1/deductions", malformed);
            assertThat(response.status()).as(malformed).isEqualTo(400);
            assertThat(response.problemType()).as(malformed).isEqualTo("validation");
        }
        assertThat(api.stockOf(sku)).isEqualTo(5);
        assertThat(api.stockOf(other)).isEqualTo(5);
        assertThat(deductionsOf(jdbc, "O-1")).isZero();
    }

    @Test
    void unknownDeductionsAreNotFound() {
        for (String path : List.of("/api/v1/deductions/0190b6c4-0000-7000-8000-000000000000",
                "/api/v1/deductions/not-a-uuid", "/api/v1/deductions?orderId=NO-SUCH-ORDER")) {
            Response response = api.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.problemType()).as(path).isEqualTo("deduction-not-found");
        }
        Response cancel = api.post("/api/v1/deductions/0190b6c4-0000-7000-8000-000000000000/cancel");
        assertThat(cancel.status()).isEqualTo(404);
        assertThat(cancel.problemType()).isEqualTo("deduction-not-found");
    }

    @Test
    void lookupByOrderNeedsTheOrderId() {
        Response response = api.get("/api/v1/deductions");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo("validation");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("orderId");
    }

    private String product(int stock) {
        String sku = unique("SKU");
        api.createProduct(sku, stock);
        return sku;
    }
}
