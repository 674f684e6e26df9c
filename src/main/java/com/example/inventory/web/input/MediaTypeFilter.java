package com.example.inventory.web.input;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * A {@code Content-Type} that is a media range ({@code *}{@code /*}, {@code application/*}), which names no type a
 * body could have, is 415, on any request; an {@code Accept} that cannot be parsed, or whose every range has
 * {@code q=0} (RFC 9110: "not acceptable"), is 406. Spring, too, fails on a media range as a {@code Content-Type}
 * (with a failure of its own), cannot write any answer to an {@code Accept} it cannot parse and ignores the weight,
 * wherever it meets them. After the body's size and charset, before the query string.
 *
 * <p>A request whose {@code Accept} admits {@code application/problem+json} but nothing that JSON answers are
 * ({@code application/json}, {@code application/*}, {@code *}{@code /*}) is served rather than refused: whatever it
 * causes, a failure is a problem it accepts; its success is answered in {@code application/json} all the same
 * (RFC 9110 lets a server disregard {@code Accept}; a 406 after an order was placed would hide the change).
 */
@Component
@Order(InputRuleFilter.MEDIA_TYPES)
class MediaTypeFilter extends InputRuleFilter {

    MediaTypeFilter(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        super(problems);
    }

    @Override
    @Nullable Exception refusal(HttpServletRequest request) {
        MediaType type = ContentType.of(request);
        if (type != null && !type.isConcrete()) {
            return ContentType.unsupported(type, request);
        }
        List<String> accept = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        if (accept.isEmpty()) {
            return null;
        }
        List<MediaType> acceptable;
        try {
            acceptable = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException unparsable) {
            return notAcceptable("The Accept header cannot be parsed: " + unparsable.getMessage());
        }
        if (!acceptable.isEmpty() && acceptable.stream().allMatch(range -> range.getQualityValue() == 0)) {
            return notAcceptable("The Accept header refuses every media type (q=0)");
        }
        return null;
    }

    private static HttpMediaTypeNotAcceptableException notAcceptable(String detail) {
        HttpMediaTypeNotAcceptableException refusal = new HttpMediaTypeNotAcceptableException(
                List.of(MediaType.APPLICATION_JSON));
        refusal.getBody().setDetail(detail);
        return refusal;
    }

    /**
     * The request as it is, or, when its {@code Accept} admits problem details but no JSON, with
     * {@code application/json} admitted last: so that Spring serves it, answers a failure with its problem and a
     * success with JSON.
     */
    @Override
    HttpServletRequest admitted(HttpServletRequest request) {
        List<String> accept = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        if (accept.isEmpty()) {
            return request;
        }
        List<MediaType> ranges = MediaType.parseMediaTypes(accept); // parsed once already: it parses
        boolean json = ranges.stream().anyMatch(range -> range.isCompatibleWith(MediaType.APPLICATION_JSON));
        boolean problems = ranges.stream().anyMatch(range -> range.getQualityValue() > 0
                && range.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        return json || !problems ? request
                : new WithAccept(request, String.join(", ", accept) + ", " + MediaType.APPLICATION_JSON_VALUE
                        + ";q=0.001");
    }

    /** The request with another {@code Accept}. */
    private static final class WithAccept extends HttpServletRequestWrapper {

        private final String accept;

        WithAccept(HttpServletRequest request, String accept) {
            super(request);
            this.accept = accept;
        }

        @Override
        public @Nullable String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? accept : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(List.of(accept))
                    : super.getHeaders(name);
        }
    }
}
