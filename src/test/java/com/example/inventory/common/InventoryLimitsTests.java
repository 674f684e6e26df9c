package com.example.inventory.common;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The name rule, one rule in two forms: {@link InventoryLimits#hasVisibleCharacter} (what the service applies) and
 * {@link InventoryLimits#NAME_PATTERN} (what the schema says, in a dialect Java and ECMA-262 read alike).
 */
class InventoryLimitsTests {

    private static final Pattern NAME = Pattern.compile(InventoryLimits.NAME_PATTERN);

    /** Whatever the JDK calls whitespace, a space, a control or a format character shows nothing by itself. */
    @Test
    void everyCodePointTheJdkCallsBlankOrFormatIsInvisible() {
        List<String> visible = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            int type = Character.getType(c);
            boolean blank = Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.CONTROL
                    || type == Character.FORMAT;
            if (blank && !Character.isSurrogate((char) c) && InventoryLimits.hasVisibleCharacter(Character.toString(c))) {
                visible.add("U+%04X".formatted(c));
            }
        }
        assertThat(visible).isEmpty();
    }

    /** The pattern and the rule agree on every character of the Basic Multilingual Plane, alone or beside others. */
    @Test
    void thePatternSaysTheRuleForTheBasicMultilingualPlane() {
        List<String> disagreements = new ArrayList<>();
        for (char c = 0; c < Character.MIN_SURROGATE; c++) {
            check(String.valueOf(c), disagreements);
            check(" \u200b" + c + "\u00a0", disagreements);
        }
        for (int c = Character.MAX_SURROGATE + 1; c <= 0xFFFF; c++) {
            check(String.valueOf((char) c), disagreements);
        }
        assertThat(disagreements).isEmpty();
        assertThat(InventoryLimits.NAME_PATTERN).doesNotContain("\\p", "\\x", "\\h", "\\w");
    }

    @Test
    void aNameNeedsOneVisibleCharacter() {
        for (String invisible : List.of("", " ", "\u00a0", "\u200b", "\ufeff", "\u180e", "\u3164", "\ufe0f",
                "\u00a0\u200b\ufeff\u180e\u2060\u3000", "\t\r\n\u0085\u2028", "\udb40\udc20", "\ud834\udd73")) {
            assertThat(InventoryLimits.hasVisibleCharacter(invisible)).as(invisible).isFalse();
        }
        for (String visible : List.of("Phone", " a ", "\u00a0\u00e9", "\ud83d\ude00", "\u200d\u4e2d", "\u0301")) {
            assertThat(InventoryLimits.hasVisibleCharacter(visible)).as(visible).isTrue();
            assertThat(NAME.matcher(visible).matches()).as(visible).isTrue();
        }
    }

    private static void check(String text, List<String> disagreements) {
        if (NAME.matcher(text).matches() != InventoryLimits.hasVisibleCharacter(text)) {
            disagreements.add(text.codePoints().mapToObj("U+%04X"::formatted).toList().toString());
        }
    }
}
