package com.example.inventory.stock;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** A strategy value without an implementation is a start-up failure, not a 500 on the first request naming it. */
class StrategyCoverageTests {

    @Test
    void refusesToStartWithoutAnImplementationOfEveryStrategy() {
        List<StockStrategy> allButAtomic = Arrays.stream(Strategy.values()).filter(s -> s != Strategy.ATOMIC)
                .map(StrategyCoverageTests::fake).toList();

        assertThatIllegalStateException().isThrownBy(() -> service(allButAtomic))
                .withMessage("No implementation of strategy atomic");
    }

    @Test
    void refusesTwoImplementationsOfOneStrategy() {
        List<StockStrategy> twice = Arrays.stream(Strategy.values()).map(StrategyCoverageTests::fake)
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        twice.add(fake(Strategy.PESSIMISTIC));

        assertThatIllegalStateException().isThrownBy(() -> service(twice))
                .withMessage("Two implementations of strategy pessimistic");
    }

    @Test
    void startsWithEveryStrategy() {
        assertThatCode(() -> service(Arrays.stream(Strategy.values()).map(StrategyCoverageTests::fake).toList()))
                .doesNotThrowAnyException();
    }

    @SuppressWarnings("DataFlowIssue")
    private static InventoryService service(List<StockStrategy> strategies) {
        return new InventoryService(null, null, null, null, null, null, null, strategies);
    }

    private static StockStrategy fake(Strategy name) {
        return new StockStrategy() {
            @Override
            public Strategy name() {
                return name;
            }

            @Override
            public <O extends StockOrder> Placement place(O order, OrderBook<O> book) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
