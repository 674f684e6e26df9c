package com.example.inventory.stock.placement;

import com.example.inventory.stock.OrderClaims;
import com.example.inventory.stock.Placement;
import com.example.inventory.stock.PlacementMode;
import com.example.inventory.stock.StockOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** A placement mode without a placer is a start-up failure, not a 500 on the first request naming it. */
class PlacersTests {

    @Test
    void refusesToStartWithoutAPlacerForEveryMode() {
        List<Placer> allButAtomic = Arrays.stream(PlacementMode.values()).filter(mode -> mode != PlacementMode.ATOMIC)
                .map(PlacersTests::fake).toList();

        assertThatIllegalStateException().isThrownBy(() -> new Placers(allButAtomic))
                .withMessage("No placer for placement mode atomic");
    }

    @Test
    void refusesTwoPlacersForOneMode() {
        List<Placer> twice = new ArrayList<>(Arrays.stream(PlacementMode.values()).map(PlacersTests::fake).toList());
        twice.add(fake(PlacementMode.PESSIMISTIC));

        assertThatIllegalStateException().isThrownBy(() -> new Placers(twice))
                .withMessage("Two placers for placement mode pessimistic");
    }

    @Test
    void findsThePlacerOfEveryMode() {
        List<Placer> all = Arrays.stream(PlacementMode.values()).map(PlacersTests::fake).toList();

        Placers placers = new Placers(all);

        for (PlacementMode mode : PlacementMode.values()) {
            assertThat(placers.of(mode).name()).isEqualTo(mode);
        }
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
