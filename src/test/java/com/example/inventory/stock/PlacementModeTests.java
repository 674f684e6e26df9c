package com.example.inventory.stock;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@code ?strategy=}: the document's pattern accepts exactly the names {@link PlacementMode#of} reads. */
class PlacementModeTests {

    private static final Pattern DOCUMENTED = Pattern.compile(PlacementMode.QUERY_PATTERN);

    @Test
    void everyAsciiCaseOfEveryNameIsReadAndDocumented() {
        for (PlacementMode mode : PlacementMode.values()) {
            for (String spelling : asciiCases(mode.value())) {
                assertThat(PlacementMode.of(spelling)).as(spelling).isEqualTo(mode);
                assertThat(DOCUMENTED.matcher(spelling).matches()).as(spelling).isTrue();
            }
        }
        assertThat(DOCUMENTED.matcher("").matches()).as("empty: the default").isTrue();
    }

    @Test
    void lookAlikesAndPaddingAreNeitherReadNorDocumented() {
        for (String name : List.of("pessımistic", "peſſimiſtic", "ATOMİC", " batched", "batched\t", "batched ",
                "ａｔｏｍｉｃ", "atomics", "atomi", "strategy")) {
            assertThatIllegalArgumentException().as(name).isThrownBy(() -> PlacementMode.of(name));
            assertThat(DOCUMENTED.matcher(name).matches()).as(name).isFalse();
        }
    }

    /** The name, all upper case, and each spelling with one letter upper case. */
    private static List<String> asciiCases(String lowerCase) {
        List<String> spellings = new ArrayList<>(List.of(lowerCase, lowerCase.toUpperCase(Locale.ROOT)));
        for (int i = 0; i < lowerCase.length(); i++) {
            spellings.add(lowerCase.substring(0, i) + Character.toUpperCase(lowerCase.charAt(i))
                    + lowerCase.substring(i + 1));
        }
        return spellings;
    }
}
