package com.example.inventory.bench;

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
}
