package com.example.inventory.stock.placement.batch;

import com.example.inventory.stock.InsufficientStockException;
import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.OrderLine;
import com.example.inventory.stock.ProductNotFoundException;
import com.example.inventory.stock.model.Product;
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
        Map<String, Product> locked = products(product("A", 5));

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
        Map<String, Product> locked = products(product("A", 5));

        Allocation allocation = allocate(locked, deduct("big", "A", 4), deduct("too-big", "A", 3),
                deduct("small", "A", 1));

        assertThat(allocation.refusal(0)).isNull();
        assertThat(allocation.refusal(1)).isInstanceOf(InsufficientStockException.class);
        assertThat(allocation.refusal(2)).isNull();
        assertThat(locked.get("A").getStock()).isZero();
        assertThat(allocation.applied()).extracting(Allocation.Applied::reference).containsExactly("big", "small");
    }

    @Test
    void aMultiLineOrderIsPlacedWholeOrNotAtAll() {
        Map<String, Product> locked = products(product("A", 5), product("B", 1));

        Allocation allocation = allocate(locked,
                new Order("short-of-b", MovementKind.DEDUCT, List.of(new OrderLine("A", 2), new OrderLine("B", 2))),
                new Order("fits", MovementKind.DEDUCT, List.of(new OrderLine("A", 5), new OrderLine("B", 1))));

        assertThat(allocation.refusal(0)).isInstanceOfSatisfying(InsufficientStockException.class,
                refusal -> assertThat(refusal.sku()).isEqualTo("B"));
        assertThat(allocation.refusal(1)).isNull();
        assertThat(locked.get("A").getStock()).as("none of the refused order's lines applied").isZero();
        assertThat(locked.get("B").getStock()).isZero();
        assertThat(allocation.applied()).extracting(Allocation.Applied::reference).containsExactly("fits", "fits");
    }

    @Test
    void anUnknownSkuRefusesItsOrderOnly() {
        Map<String, Product> locked = products(product("A", 5));

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
        Map<String, Product> locked = products(product("A", 5));

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
        Map<String, Product> locked = products(product("A", 10), product("B", 10));

        Allocation allocation = allocate(locked, deduct("one", "B", 1),
                new Order("two", MovementKind.DEDUCT, List.of(new OrderLine("A", 3), new OrderLine("B", 2))),
                deduct("three", "A", 4));

        assertThat(allocation.applied()).extracting(applied -> applied.product().getSku() + " " + applied.quantity()
                        + " -> " + applied.stockAfter() + " for " + applied.reference())
                .containsExactly("B 1 -> 9 for one", "A 3 -> 7 for two", "B 2 -> 7 for two", "A 4 -> 3 for three");
        assertThat(allocation.changed()).extracting(Product::getSku).as("in the order first changed")
                .containsExactly("B", "A");
    }

    private static Allocation allocate(Map<String, Product> locked, Order... orders) {
        return Allocation.inArrivalOrder(List.of(orders), locked, NOW);
    }

    private static Order deduct(String orderId, String sku, int quantity) {
        return new Order(orderId, MovementKind.DEDUCT, List.of(new OrderLine(sku, quantity)));
    }

    private static Product product(String sku, int stock) {
        return new Product(sku, "Product " + sku, stock, NOW);
    }

    private static Map<String, Product> products(Product... products) {
        Map<String, Product> bySku = new LinkedHashMap<>();
        Arrays.stream(products).forEach(product -> bySku.put(product.getSku(), product));
        return bySku;
    }
}
