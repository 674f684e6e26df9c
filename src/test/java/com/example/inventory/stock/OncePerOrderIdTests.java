package com.example.inventory.stock;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule "an order id is placed once; a repeat is a replay or a conflict", on its own: no Spring, no database. */
class OncePerOrderIdTests {

    private static final OrderLine PHONES = new OrderLine("PHONE-1", 2);
    private static final OrderLine CASES = new OrderLine("CASE-1", 1);

    private final Order stored = new Order("ORD-1", List.of(PHONES, CASES));

    @Test
    void aRepeatWithTheSameItemsIsAReplayOfTheStoredOrder() {
        assertThat(OncePerOrderId.replayOf(new Order("ORD-1", List.of(PHONES, CASES)), stored, "deducted"))
                .isSameAs(stored);
    }

    @Test
    void aRepeatWithTheSameItemsInAnotherLineOrderIsAReplay() {
        assertThat(OncePerOrderId.replayOf(new Order("ORD-1", List.of(CASES, PHONES)), stored, "reserved"))
                .isSameAs(stored);
    }

    @Test
    void aRepeatWithOtherQuantitiesIsAnOrderConflict() {
        Order repeat = new Order("ORD-1", List.of(new OrderLine("PHONE-1", 3), CASES));

        assertThatThrownBy(() -> OncePerOrderId.replayOf(repeat, stored, "deducted"))
                .isInstanceOfSatisfying(OrderConflictException.class,
                        conflict -> assertThat(conflict.orderId()).isEqualTo("ORD-1"))
                .hasMessage("Order 'ORD-1' was already deducted with other items");
    }

    @Test
    void aRepeatWithFewerOrMoreLinesIsAnOrderConflict() {
        assertThatThrownBy(() -> OncePerOrderId.replayOf(new Order("ORD-1", List.of(PHONES)), stored, "reserved"))
                .isInstanceOf(OrderConflictException.class)
                .hasMessage("Order 'ORD-1' was already reserved with other items");
        Order more = new Order("ORD-1", List.of(PHONES, CASES, new OrderLine("CHARGER-1", 1)));
        assertThatThrownBy(() -> OncePerOrderId.replayOf(more, stored, "reserved"))
                .isInstanceOf(OrderConflictException.class);
    }

    @Test
    void aRepeatWithAnotherSkuIsAnOrderConflict() {
        Order repeat = new Order("ORD-1", List.of(PHONES, new OrderLine("CASE-2", 1)));

        assertThatThrownBy(() -> OncePerOrderId.replayOf(repeat, stored, "deducted"))
                .isInstanceOf(OrderConflictException.class);
    }

    private record Order(String orderId, List<OrderLine> lines) implements StockOrder {

        @Override
        public String clientId() {
            return "shop";
        }
    }
}
