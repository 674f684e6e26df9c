package com.example.inventory.stock;

import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** {@code ?strategy=atomic} (any case); an empty value means the configured default. */
@Component
class PlacementModeConverter implements Converter<String, PlacementMode> {

    @Override
    public @Nullable PlacementMode convert(String source) {
        return source.isBlank() ? null : PlacementMode.of(source);
    }
}
