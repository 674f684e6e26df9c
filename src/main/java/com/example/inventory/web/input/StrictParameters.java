package com.example.inventory.web.input;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Parameters are as strict as JSON bodies: an integer is written in ASCII decimal digits, with a minus sign only
 * before a number that is not zero ({@code -0} is no number a client means). Spring's own conversion
 * also reads {@code 0x10} as 16, {@code #0} as 0, {@code +1} and {@code " 1"} as 1, and digits of other scripts
 * ({@code １}, {@code ١}) as theirs; a client sending those meant something else, or nothing sensible. An editor
 * registered for the type is the one binding step that a refusal ends (a failing conversion service would fall
 * back on Spring's lenient default editor).
 */
@ControllerAdvice
class StrictParameters {

    private static final Pattern DECIMAL = Pattern.compile("0|-?[1-9][0-9]*|[0-9]+");

    @InitBinder
    void decimalIntegersOnly(WebDataBinder binder) {
        binder.registerCustomEditor(int.class, new DecimalEditor(Integer::valueOf));
        binder.registerCustomEditor(Integer.class, new DecimalEditor(Integer::valueOf));
        binder.registerCustomEditor(long.class, new DecimalEditor(Long::valueOf));
        binder.registerCustomEditor(Long.class, new DecimalEditor(Long::valueOf));
    }

    /**
     * Reads an integer written in ASCII decimal digits ({@code Integer::valueOf}, {@code Long::valueOf}); an empty
     * value is none (the parameter's default, if any).
     */
    static final class DecimalEditor extends PropertyEditorSupport {

        private final Function<String, Number> parse;

        DecimalEditor(Function<String, Number> parse) {
            this.parse = parse;
        }

        /** @throws IllegalArgumentException for anything else, or a value beyond the type */
        @Override
        public void setAsText(String text) {
            if (text.isEmpty()) {
                setValue(null);
                return;
            }
            if (!DECIMAL.matcher(text).matches()) {
                throw new IllegalArgumentException("not a decimal integer: " + text);
            }
            setValue(parse.apply(text));
        }
    }
}
