package com.example.inventory.stock;

import com.example.inventory.stock.placement.Placer;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** A strategy value without an implementation is a start-up failure, not a 500 on the first request naming it. */
class PlacementModeCoverageTests {

    @Test
    void refusesToStartWithoutAnImplementationOfEveryStrategy() {
        List<Placer> allButAtomic = Arrays.stream(PlacementMode.values()).filter(s -> s != PlacementMode.ATOMIC)
                .map(PlacementModeCoverageTests::fake).toList();

        assertThatIllegalStateException().isThrownBy(() -> service(allButAtomic))
                .withMessage("No implementation of strategy atomic");
    }

    @Test
    void refusesTwoImplementationsOfOneStrategy() {
        List<Placer> twice = Arrays.stream(PlacementMode.values()).map(PlacementModeCoverageTests::fake)
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        twice.add(fake(PlacementMode.PESSIMISTIC));

        assertThatIllegalStateException().isThrownBy(() -> service(twice))
                .withMessage("Two implementations of strategy pessimistic");
    }

    @Test
    void startsWithEveryStrategy() {
        assertThatCode(() -> service(Arrays.stream(PlacementMode.values()).map(PlacementModeCoverageTests::fake).toList()))
                .doesNotThrowAnyException();
    }

    @SuppressWarnings("DataFlowIssue")
    private static InventoryService service(List<Placer> strategies) {
        return new InventoryService(null, null, null, null, null, null, null, strategies, null);
    }

    private static Placer fake(PlacementMode name) {
        return new Placer() {
            @Override
            public PlacementMode name() {
                return name;
            }

            @Override
            public <O extends StockOrder> Placement place(O order, OrderClaims<O> book) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
