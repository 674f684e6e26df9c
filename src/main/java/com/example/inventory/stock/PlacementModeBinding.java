package com.example.inventory.stock;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * {@code ?strategy=atomic}: a strategy's name in any ASCII case ({@link PlacementMode#of}); an empty value means the
 * configured default; anything else, a blank or padded value included, is refused (400 {@code validation}).
 *
 * <p>An editor registered for the type, not a converter: when a converter refuses a value, Spring falls back on its
 * lenient default for enums, which trims the value, reads {@code " "} as no value and {@code "BATCHED "} as
 * {@code BATCHED}. A refusing editor ends the binding.
 */
@ControllerAdvice
class PlacementModeBinding {

    @InitBinder
    void strategiesByName(WebDataBinder binder) {
        binder.registerCustomEditor(PlacementMode.class, new Editor());
    }

    static final class Editor extends PropertyEditorSupport {

        /** @throws IllegalArgumentException naming the strategies, for anything but a name or an empty value */
        @Override
        public void setAsText(String text) {
            setValue(text.isEmpty() ? null : PlacementMode.of(text));
        }
    }
}
