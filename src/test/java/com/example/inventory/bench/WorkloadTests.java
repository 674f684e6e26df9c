package com.example.inventory.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The locations scenario's stock rows and pinned lines, which bench/load.lua computes the same way. */
class WorkloadTests {

    private static final Options OPTIONS = Options.parse("--jar", "pom.xml", "--catalogue-size", "100");

    @Test
    void everyProductIsStockedAtTwoToFiveConsecutiveLocationsAndEveryTwentyInARowCoverEverySpread() {
        Workload workload = Scenario.LOCATIONS.workload("p", OPTIONS);
        assertThat(workload.locations()).containsExactly("BENCH-L1", "BENCH-L2", "BENCH-L3", "BENCH-L4", "BENCH-L5");
        assertThat(workload.rowsOf(0)).containsExactly(0, 1);
        assertThat(workload.rowsOf(3)).containsExactly(0, 1, 2, 3, 4);
        assertThat(workload.rowsOf(7)).containsExactly(1, 2, 3, 4, 0);
        assertThat(workload.rowsOf(18)).containsExactly(4, 0, 1, 2);
        Set<List<Integer>> spreads = new HashSet<>();
        for (int product = 40; product < 60; product++) {
            int[] rows = workload.rowsOf(product);
            assertThat(rows.length).isBetween(2, 5);
            for (int k = 1; k < rows.length; k++) {
                assertThat(rows[k]).isEqualTo((rows[k - 1] + 1) % 5);
            }
            spreads.add(List.of(rows.length, rows[0]));
            assertThat(workload.rowCount(product)).isEqualTo(rows.length);
            assertThat(workload.initialTotal(product)).isEqualTo((long) rows.length * Scenario.AMPLE_STOCK);
        }
        assertThat(spreads).hasSize(20);
    }

    @Test
    void aPinnedLineNamesOneOfItsProductsOwnLocationsAboutAsOftenAsAsked() {
        Workload workload = Scenario.LOCATIONS.workload("p", OPTIONS);
        double share = workload.measuredOrders().pinnedShare();
        assertThat(share).isEqualTo(Scenario.PINNED_SHARE_OF_LOCATIONS);
        SplittableRandom random = new SplittableRandom(19);
        Map<String, Integer> pinned = new HashMap<>();
        int draws = 100_000;
        int none = 0;
        for (int i = 0; i < draws; i++) {
            int product = i % 100;
            String location = workload.pin(random, share, product);
            if (location == null) {
                none++;
                continue;
            }
            int index = workload.locations().indexOf(location);
            assertThat(Arrays.stream(workload.rowsOf(product)).boxed().toList()).contains(index);
            pinned.merge(location, 1, Integer::sum);
        }
        assertThat((double) (draws - none) / draws).isCloseTo(share, org.assertj.core.data.Offset.offset(0.01));
        assertThat(pinned).hasSize(5);
    }

    @Test
    void theOtherScenariosStockEveryProductAtDefaultOnlyAndPinNothing() {
        Workload workload = Scenario.WIDE_CATALOGUE.workload("p", OPTIONS);
        assertThat(workload.locations()).isEmpty();
        assertThat(workload.rowsOf(7)).isEmpty();
        assertThat(workload.rowCount(7)).isEqualTo(1);
        assertThat(workload.initialTotal(7)).isEqualTo(Scenario.AMPLE_STOCK);
        assertThat(workload.pin(new SplittableRandom(1), workload.measuredOrders().pinnedShare(), 7)).isNull();
    }
}
