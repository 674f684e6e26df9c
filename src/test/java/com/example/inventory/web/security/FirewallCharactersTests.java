package com.example.inventory.web.security;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The loops answer as StrictHttpFirewall's own regular expressions (Spring Security 7.1) do, for every code point. */
class FirewallCharactersTests {

    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern HEADER_VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointAloneAndAfterALetterIsJudgedAsTheFirewallsExpressionsJudgeIt() {
        int allowed = 0;
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String alone = Character.toString(codePoint);
            for (String text : List.of(alone, "a" + alone, alone + "a")) {
                assertThat(FirewallCharacters.NAMES.test(text)).as("name U+%04X in %s", codePoint, text)
                        .isEqualTo(NAMES.matcher(text).matches());
                assertThat(FirewallCharacters.HEADER_VALUES.test(text)).as("value U+%04X", codePoint)
                        .isEqualTo(HEADER_VALUES.matcher(text).matches());
            }
            allowed += NAMES.matcher(alone).matches() ? 1 : 0;
        }
        assertThat(allowed).as("a test that compares something").isBetween(100_000, Character.MAX_CODE_POINT);
    }

    @Test
    void tabsPassInValuesOnlyAndLoneSurrogatesAsTheExpressionsLetThem() {
        for (String text : List.of("", "Bearer eyJ.abc-_~+/=", "a\tb", "\t", "x\u0000", "\r\n", "\ud800", "a\udc00b",
                "\ud83d\ude00", "caf\u00e9 \u2028", "\u0085", "\u007f")) {
            assertThat(FirewallCharacters.NAMES.test(text)).as("name %s", text).isEqualTo(NAMES.matcher(text).matches());
            assertThat(FirewallCharacters.HEADER_VALUES.test(text)).as("value %s", text)
                    .isEqualTo(HEADER_VALUES.matcher(text).matches());
        }
        assertThat(FirewallCharacters.HEADER_VALUES.test("a\tb")).isTrue();
        assertThat(FirewallCharacters.NAMES.test("a\tb")).isFalse();
    }
}
