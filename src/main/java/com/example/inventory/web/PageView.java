package com.example.inventory.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;

/**
 * A page of results: {@code {"content":[…],"page":{"number","size","totalElements","totalPages"}}}. A keyset page
 * (the entries after a given one, {@link #keyset}) has the same shape with {@code number}, {@code totalElements} and
 * {@code totalPages} null: knowing them would take a count of every entry, on every page, which is what a keyset page
 * is there to avoid.
 */
public record PageView<T>(List<T> content, Metadata page) {

    public record Metadata(@Schema(types = {"integer", "null"}, description = "null on a keyset page")
                           @Nullable Integer number,
                           int size,
                           @Schema(types = {"integer", "null"}, format = "int64", description = "null on a keyset page")
                           @Nullable Long totalElements,
                           @Schema(types = {"integer", "null"}, description = "null on a keyset page")
                           @Nullable Integer totalPages) {
    }

    public static <T> PageView<T> of(Page<T> page) {
        return new PageView<>(page.getContent(),
                new Metadata(page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages()));
    }

    /** A keyset page of at most {@code size} entries: nothing counted. */
    public static <T> PageView<T> keyset(List<T> content, int size) {
        return new PageView<>(content, new Metadata(null, size, null, null));
    }
}
