package com.example.inventory.stock;

import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** {@code ?strategy=atomic} (any case); an empty value means the configured default. */
@Component
class StrategyConverter implements Converter<String, Strategy> {

    @Override
    public @Nullable Strategy convert(String source) {
        return source.isBlank() ? null : Strategy.of(source);
    }
}
