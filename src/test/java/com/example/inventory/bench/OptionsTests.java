package com.example.inventory.bench;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTests {

    @Test
    void locationsIsAScenarioThatRunsByDefaultBesideWideCatalogue() {
        assertThat(Options.parse("--jar", "pom.xml").scenarios())
                .containsSubsequence(Scenario.WIDE_CATALOGUE, Scenario.LOCATIONS);
        assertThat(Options.parse("--jar", "pom.xml", "--scenarios", "wide-catalogue,locations").scenarios())
                .containsExactly(Scenario.WIDE_CATALOGUE, Scenario.LOCATIONS);
        assertThat(Options.USAGE).contains("wide-catalogue, locations,", "locations, 30% of lines pinned");
    }

    /** --compare-auth is the one flag that may go without a value. */
    @Test
    void compareAuthIsOffByDefaultAndTakesItsRoundsOrTheDefault() {
        assertThat(Options.parse("--jar", "pom.xml").compareAuth()).isZero();
        assertThat(Options.parse("--jar", "pom.xml", "--compare-auth").compareAuth())
                .isEqualTo(Options.COMPARE_AUTH_ROUNDS);
        assertThat(Options.parse("--compare-auth", "--jar", "pom.xml").compareAuth())
                .isEqualTo(Options.COMPARE_AUTH_ROUNDS);
        assertThat(Options.parse("--compare-auth", "5", "--jar", "pom.xml").compareAuth()).isEqualTo(5);
        assertThat(Options.parse("--compare-auth=2", "--jar", "pom.xml").compareAuth()).isEqualTo(2);
        assertThatThrownBy(() -> Options.parse("--compare-auth", "21", "--jar", "pom.xml"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void baselineJarIsOffByDefaultAndComparesHotSkuUnlessTheScenariosAreNamed() {
        Options plain = Options.parse("--jar", "pom.xml");
        assertThat(plain.baselineJar()).isNull();
        assertThat(plain.scenarios()).containsExactly(Scenario.values());

        Options baseline = Options.parse("--jar", "pom.xml", "--baseline-jar", "mvnw", "--strategies",
                "batched,atomic");
        assertThat(baseline.baselineJar()).isEqualTo(Path.of("mvnw"));
        assertThat(baseline.baselineRounds()).isEqualTo(Options.BASELINE_ROUNDS);
        assertThat(baseline.scenarios()).containsExactly(Scenario.HOT_SKU);
        assertThat(baseline.describe()).contains("mvnw (baseline)", "pom.xml (current)", "hot-sku",
                "batched, atomic");

        assertThat(Options.parse("--jar", "pom.xml", "--baseline-jar=mvnw", "--baseline-rounds", "5",
                "--scenarios", "hot-sku,wide-catalogue")).satisfies(options -> {
                    assertThat(options.baselineRounds()).isEqualTo(5);
                    assertThat(options.scenarios()).containsExactly(Scenario.HOT_SKU, Scenario.WIDE_CATALOGUE);
                });
        assertThatThrownBy(() -> Options.parse("--jar", "pom.xml", "--baseline-jar", "no-such.jar"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no baseline jar");
        assertThatThrownBy(() -> Options.parse("--jar", "pom.xml", "--baseline-jar", "mvnw", "--compare-auth"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.parse("--jar", "pom.xml", "--baseline-jar", "mvnw", "--baseline-rounds",
                "0")).isInstanceOf(IllegalArgumentException.class);
    }

    /** --compare-events, like --compare-auth, may go without a value; it compares hot-sku unless told otherwise. */
    @Test
    void compareEventsIsOffByDefaultTakesItsRoundsOrTheDefaultAndComparesHotSku() {
        assertThat(Options.parse("--jar", "pom.xml").compareEvents()).isZero();
        assertThat(Options.parse("--jar", "pom.xml", "--compare-events").compareEvents())
                .isEqualTo(Options.COMPARE_EVENTS_ROUNDS);
        Options events = Options.parse("--compare-events", "--strategies", "batched", "--jar", "pom.xml");
        assertThat(events.compareEvents()).isEqualTo(Options.COMPARE_EVENTS_ROUNDS);
        assertThat(events.compareAuth()).isZero();
        assertThat(events.scenarios()).containsExactly(Scenario.HOT_SKU);
        assertThat(events.describe()).contains("the cost of events", "hot-sku", "batched", "3 round(s)");
        assertThat(Options.parse("--compare-events", "5", "--jar", "pom.xml").compareEvents()).isEqualTo(5);
        assertThat(Options.parse("--compare-events=2", "--jar", "pom.xml", "--scenarios", "hot-sku,flash-sale"))
                .satisfies(options -> {
                    assertThat(options.compareEvents()).isEqualTo(2);
                    assertThat(options.scenarios()).containsExactly(Scenario.HOT_SKU, Scenario.FLASH_SALE);
                });
        assertThatThrownBy(() -> Options.parse("--compare-events", "21", "--jar", "pom.xml"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.parse("--compare-events", "--compare-auth", "--jar", "pom.xml"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one at a time");
        assertThatThrownBy(() -> Options.parse("--compare-events", "--baseline-jar", "mvnw", "--jar", "pom.xml"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one at a time");
        assertThat(Options.USAGE).contains("--compare-events [ROUNDS]", "inventory.events.enabled=true",
                "ROUNDS times (default " + Options.COMPARE_EVENTS_ROUNDS + ")");
    }

    /** --compare-instances may go without a value; it compares hot-sku and checkout on 3 instances unless told. */
    @Test
    void compareInstancesIsOffByDefaultTakesItsRoundsAndComparesHotSkuAndCheckoutOnThreeInstances() {
        assertThat(Options.parse("--jar", "pom.xml").compareInstances()).isZero();
        Options instances = Options.parse("--compare-instances", "--strategies", "batched", "--jar", "pom.xml");
        assertThat(instances.compareInstances()).isEqualTo(Options.COMPARE_INSTANCES_ROUNDS);
        assertThat(instances.instances()).isEqualTo(3);
        assertThat(instances.scenarios()).containsExactly(Scenario.HOT_SKU, Scenario.CHECKOUT);
        assertThat(instances.describe()).contains("one instance against 3", "hot-sku, checkout", "batched",
                "3 round(s)");
        assertThat(Options.parse("--compare-instances=1", "--instances", "2", "--scenarios", "hot-sku", "--jar",
                "pom.xml")).satisfies(options -> {
                    assertThat(options.compareInstances()).isEqualTo(1);
                    assertThat(options.instances()).isEqualTo(2);
                    assertThat(options.scenarios()).containsExactly(Scenario.HOT_SKU);
                });
        assertThatThrownBy(() -> Options.parse("--compare-instances", "--instances", "1", "--jar", "pom.xml"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--instances");
        assertThatThrownBy(() -> Options.parse("--compare-instances", "--client", "wrk", "--jar", "pom.xml"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Java load client");
        assertThatThrownBy(() -> Options.parse("--compare-instances", "--compare-events", "--jar", "pom.xml"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one at a time");
        assertThat(Options.USAGE).contains("--compare-instances [ROUNDS]", "X-Sku",
                "ROUNDS times (default " + Options.COMPARE_INSTANCES_ROUNDS + ")");
    }

    /** SKU affinity sends every request of one SKU to one instance, and spreads a catalogue over all of them. */
    @Test
    void skuAffinityRoutesEachSkuToOneInstanceAndSpreadsACatalogue() {
        int[] seen = new int[3];
        for (int product = 0; product < 300; product++) {
            String sku = "sku-r1-checkout-batched-" + product;
            int instance = JavaClient.instanceFor(sku, 3);
            assertThat(instance).isBetween(0, 2).isEqualTo(JavaClient.instanceFor(sku, 3));
            seen[instance]++;
        }
        assertThat(java.util.Arrays.stream(seen).min().orElseThrow()).isGreaterThan(50);
    }
}
