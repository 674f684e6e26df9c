package com.example.inventory.stock.placement.batch;

import com.example.inventory.stock.Allocated;
import com.example.inventory.stock.InsufficientStockException;
import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.OrderLine;
import com.example.inventory.stock.ProductNotFoundException;
import com.example.inventory.stock.ledger.Movement;
import com.example.inventory.stock.model.LocationStock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch's decision, without a database: orders are applied in arrival order to the stock the orders before them
 * left, each all or nothing; a refused order changes nothing and keeps no later order from its chance.
 */
class AllocationTests {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    record Order(String orderId, MovementKind movement, List<OrderLine> lines) implements Allocation.Request {

        @Override
        public String clientId() {
            return "shop";
        }
    }

    @Test
    void earlierOrdersWin() {
        Map<String, LocationStock> locked = products(product("A", 5));

        Allocation allocation = allocate(locked, deduct("first", "A", 3), deduct("second", "A", 3));

        assertThat(allocation.refusal(0)).isNull();
        assertThat(allocation.refusal(1)).isInstanceOfSatisfying(InsufficientStockException.class, refusal -> {
            assertThat(refusal.requested()).isEqualTo(3);
            assertThat(refusal.available()).as("what the first order left").isEqualTo(2);
        });
        assertThat(locked.get("A").getStock()).isEqualTo(2);
    }

    @Test
    void aRefusedOrderDoesNotBlockLaterSmallerOnes() {
        Map<String, LocationStock> locked = products(product("A", 5));

        Allocation allocation = allocate(locked, deduct("big", "A", 4), deduct("too-big", "A", 3),
                deduct("small", "A", 1));

        assertThat(allocation.refusal(0)).isNull();
        assertThat(allocation.refusal(1)).isInstanceOf(InsufficientStockException.class);
        assertThat(allocation.refusal(2)).isNull();
        assertThat(locked.get("A").getStock()).isZero();
        assertThat(allocation.movements()).extracting(Movement::reference).containsExactly("big", "small");
    }

    @Test
    void aMultiLineOrderIsPlacedWholeOrNotAtAll() {
        Map<String, LocationStock> locked = products(product("A", 5), product("B", 1));

        Allocation allocation = allocate(locked,
                new Order("short-of-b", MovementKind.DEDUCT, List.of(new OrderLine("A", 2), new OrderLine("B", 2))),
                new Order("fits", MovementKind.DEDUCT, List.of(new OrderLine("A", 5), new OrderLine("B", 1))));

        assertThat(allocation.refusal(0)).isInstanceOfSatisfying(InsufficientStockException.class,
                refusal -> assertThat(refusal.sku()).isEqualTo("B"));
        assertThat(allocation.refusal(1)).isNull();
        assertThat(locked.get("A").getStock()).as("none of the refused order's lines applied").isZero();
        assertThat(locked.get("B").getStock()).isZero();
        assertThat(allocation.movements()).extracting(Movement::reference).containsExactly("fits", "fits");
    }

    @Test
    void anUnknownSkuRefusesItsOrderOnly() {
        Map<String, LocationStock> locked = products(product("A", 5));

        Allocation allocation = allocate(locked,
                new Order("unknown", MovementKind.DEDUCT, List.of(new OrderLine("A", 1), new OrderLine("NONE", 1))),
                deduct("known", "A", 1));

        assertThat(allocation.refusal(0)).isInstanceOfSatisfying(ProductNotFoundException.class,
                refusal -> assertThat(refusal.sku()).isEqualTo("NONE"));
        assertThat(allocation.refusal(1)).isNull();
        assertThat(locked.get("A").getStock()).isEqualTo(4);
    }

    @Test
    void aHoldTakesAvailableUnitsFromTheOrdersBehindIt() {
        Map<String, LocationStock> locked = products(product("A", 5));

        Allocation allocation = allocate(locked, new Order("hold", MovementKind.RESERVE, List.of(new OrderLine("A", 3))),
                deduct("sale", "A", 3), deduct("smaller-sale", "A", 2));

        assertThat(allocation.refusal(0)).isNull();
        assertThat(allocation.refusal(1)).isInstanceOf(InsufficientStockException.class);
        assertThat(allocation.refusal(2)).isNull();
        assertThat(locked.get("A").getStock()).isEqualTo(3);
        assertThat(locked.get("A").getReserved()).isEqualTo(3);
    }

    @Test
    void recordsEveryAppliedLineWithTheStockRightAfterItInTheOrderApplied() {
        Map<String, LocationStock> locked = products(product("A", 10), product("B", 10));

        Allocation allocation = allocate(locked, deduct("one", "B", 1),
                new Order("two", MovementKind.DEDUCT, List.of(new OrderLine("A", 3), new OrderLine("B", 2))),
                deduct("three", "A", 4));

        assertThat(allocation.movements()).extracting(applied -> skuOf(locked, applied.productId()) + " "
                        + applied.quantity() + " -> " + applied.stockAfter() + " for " + applied.reference())
                .containsExactly("B 1 -> 9 for one", "A 3 -> 7 for two", "B 2 -> 7 for two", "A 4 -> 3 for three");
        assertThat(allocation.changed()).extracting(LocationStock::getSku).as("in the order first changed")
                .containsExactly("B", "A");
    }

    @Test
    void allocatesEachOrderOnTheLocationsTheOrdersBeforeItLeft() {
        LocationStock near = new LocationStock(1, "A", "NEAR", 1, 3, NOW);
        LocationStock far = new LocationStock(1, "A", "FAR", 2, 3, NOW);
        Map<String, List<LocationStock>> rows = Map.of("A", List.of(far, near));

        Allocation allocation = Allocation.inArrivalOrder(List.of(deduct("whole", "A", 2),
                new Order("pinned", MovementKind.DEDUCT, List.of(new OrderLine("A", 1, "FAR"))),
                deduct("split", "A", 3), deduct("too-big", "A", 1)), rows, NOW);

        assertThat(allocation.allocations(0)).as("the preferred location has all of it")
                .containsExactly(List.of(new Allocated("NEAR", 2)));
        assertThat(allocation.allocations(1)).containsExactly(List.of(new Allocated("FAR", 1)));
        assertThat(allocation.allocations(2)).as("no one location has 3 left: split, preferred first")
                .containsExactly(List.of(new Allocated("NEAR", 1), new Allocated("FAR", 2)));
        assertThat(allocation.refusal(3)).isInstanceOfSatisfying(InsufficientStockException.class,
                refusal -> assertThat(refusal.available()).as("nothing is left anywhere").isZero());
        assertThat(near.getStock()).isZero();
        assertThat(far.getStock()).isZero();
        assertThat(allocation.movements()).extracting(movement -> movement.location() + " " + movement.quantity()
                + " -> " + movement.stockAfter()).containsExactly("NEAR 2 -> 1", "FAR 1 -> 2", "NEAR 1 -> 0",
                "FAR 2 -> 0");
    }

    private static Allocation allocate(Map<String, LocationStock> locked, Order... orders) {
        Map<String, List<LocationStock>> rows = new LinkedHashMap<>();
        locked.forEach((sku, row) -> rows.put(sku, List.of(row)));
        return Allocation.inArrivalOrder(List.of(orders), rows, NOW);
    }

    private static String skuOf(Map<String, LocationStock> locked, long productId) {
        return locked.values().stream().filter(row -> row.getProductId() == productId).findFirst().orElseThrow()
                .getSku();
    }

    private static Order deduct(String orderId, String sku, int quantity) {
        return new Order(orderId, MovementKind.DEDUCT, List.of(new OrderLine(sku, quantity)));
    }

    private static LocationStock product(String sku, int stock) {
        return new LocationStock(sku.hashCode(), sku, "DEFAULT", 0, stock, NOW);
    }

    private static Map<String, LocationStock> products(LocationStock... rows) {
        Map<String, LocationStock> bySku = new LinkedHashMap<>();
        Arrays.stream(rows).forEach(row -> bySku.put(row.getSku(), row));
        return bySku;
    }
}
