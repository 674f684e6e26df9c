package com.example.inventory.web.input;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;

/** A request's {@code Content-Type}, as the rules on it read it, and their one answer: 415. */
final class ContentType {

    private ContentType() {
    }

    /**
     * The request's {@code Content-Type}, or {@code null} when it has none or one that cannot be parsed (Spring
     * answers that as it should, 415: "Could not parse Content-Type").
     */
    static @Nullable MediaType of(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        try {
            return MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException unparsable) {
            return null;
        }
    }

    /** 415 for {@code type}: the service reads JSON. */
    static HttpMediaTypeNotSupportedException unsupported(MediaType type, HttpServletRequest request) {
        return new HttpMediaTypeNotSupportedException(type, List.of(MediaType.APPLICATION_JSON),
                HttpMethod.valueOf(request.getMethod()));
    }
}
