package com.example.inventory.web;

import java.util.List;

import org.springframework.data.domain.Page;

/** A page of results: {@code {"content":[…],"page":{"number","size","totalElements","totalPages"}}}. */
public record PageView<T>(List<T> content, Metadata page) {

    public record Metadata(int number, int size, long totalElements, int totalPages) {
    }

    public static <T> PageView<T> of(Page<T> page) {
        return new PageView<>(page.getContent(),
                new Metadata(page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages()));
    }
}
