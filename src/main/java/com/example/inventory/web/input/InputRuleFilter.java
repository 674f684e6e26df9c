package com.example.inventory.web.input;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * One input rule, applied before anything else reads the request: a refusal from its headers or query string, or
 * the request passed on (perhaps wrapped, to check its body while it is read). A refusal is rendered by the MVC
 * exception handlers, like every other problem, as {@code application/problem+json} whatever the request's
 * {@code Accept}; the rules after it never run.
 *
 * <p>The rules run in this order, so that a request breaking two gets the first one's answer: {@link #PROBE_PORT},
 * {@link #BODY_SIZE},
 * {@link #UTF8}, {@link #MEDIA_TYPES}, {@link #QUERY_STRING}. All run after the character-encoding filter (the
 * encoding decides the decoding) and the observation filter (so that refusals are measured too), before every
 * filter that may read a parameter.
 */
abstract class InputRuleFilter extends OncePerRequestFilter {

    /** {@link ProbePortFilter}: the probe connector serves the health probes only. */
    static final int PROBE_PORT = Ordered.HIGHEST_PRECEDENCE + 9;
    /** {@link BodySizeFilter}. */
    static final int BODY_SIZE = Ordered.HIGHEST_PRECEDENCE + 10;
    /** {@link Utf8BodyFilter}. */
    static final int UTF8 = BODY_SIZE + 1;
    /** {@link MediaTypeFilter}. */
    static final int MEDIA_TYPES = BODY_SIZE + 2;
    /** {@link QueryStringFilter}. */
    static final int QUERY_STRING = BODY_SIZE + 3;

    private final HandlerExceptionResolver problems;

    InputRuleFilter(HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    @Override
    protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        Exception refusal = refusal(request);
        if (refusal != null) {
            if (problems.resolveException(new WithoutAccept(request), response, null, refusal) == null) {
                response.sendError(refusal instanceof ErrorResponse error ? error.getStatusCode().value()
                        : refusal instanceof PayloadTooLargeException ? HttpStatus.CONTENT_TOO_LARGE.value()
                        : HttpStatus.BAD_REQUEST.value());
            }
            response.flushBuffer();
            return;
        }
        chain.doFilter(admitted(request), response);
    }

    /** Why the rule refuses {@code request} before it is served, or {@code null} to serve it. */
    abstract @Nullable Exception refusal(HttpServletRequest request);

    /** The request to serve, once the rule let it through: the request itself, unless the rule wraps it. */
    HttpServletRequest admitted(HttpServletRequest request) {
        return request;
    }

    /** The request without its {@code Accept}, so that a refusal can always be written as a problem detail. */
    private static final class WithoutAccept extends HttpServletRequestWrapper {

        WithoutAccept(HttpServletRequest request) {
            super(request);
        }

        @Override
        public @Nullable String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(header -> !HttpHeaders.ACCEPT.equalsIgnoreCase(header)).toList());
        }
    }
}
