package com.example.inventory.web.input;

import com.example.inventory.common.InventoryLimits;
import com.example.inventory.web.input.InvalidParameterException;
import com.example.inventory.web.input.PayloadTooLargeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refuses, before anything else reads the request, what no endpoint can accept:
 * <ul>
 *   <li>a body over {@link InventoryLimits#MAX_BODY_BYTES}: 413, from its {@code Content-Length} before a byte of it
 *       is read, or (a chunked body) as soon as it grows past the limit while a controller reads it;</li>
 *   <li>a UTF-8 body that is not well-formed UTF-8 (an overlong form such as {@code C1 81} for {@code A}, a
 *       surrogate, a truncated sequence): 400 {@code validation} while it is read, so that no byte sequence is
 *       silently read as another text;</li>
 *   <li>a JSON body with a NUL byte, which JSON text never has and UTF-16 or UTF-32 text without a byte order mark
 *       always has: 400 {@code validation} while it is read;</li>
 *   <li>a {@code Content-Type} that is a media range ({@code *}{@code /*}, {@code application/*}), which names no
 *       type a body could have, or that names a charset other than UTF-8: 415, on any request;</li>
 *   <li>an {@code Accept} header that cannot be parsed, or that refuses every type ({@code q=0}): 406;</li>
 *   <li>a query string the servlet container cannot decode (a parameter without a name, a bad percent-escape,
 *       bytes that are not UTF-8), a parameter that breaks the {@link TextRule}, or an API parameter given twice
 *       (which one counts would be a guess): 400 {@code validation}.</li>
 * </ul>
 * Tomcat decodes parameters lazily and throws from every later {@code getParameter…} call, wherever it happens (an
 * argument resolver, an interceptor); decoding them here, once, keeps that from ever being an unexpected failure.
 * Spring, too, fails on a media range as a {@code Content-Type} and cannot write any answer to an {@code Accept} it
 * cannot parse, wherever it meets them. The refusal is rendered by the MVC exception handlers, like every other
 * problem, as {@code application/problem+json} whatever the request's {@code Accept}.
 *
 * <p>A request whose {@code Accept} admits {@code application/problem+json} but nothing that JSON answers are
 * ({@code application/json}, {@code application/*}, {@code *}{@code /*}) is served rather than refused: whatever it
 * causes, a failure is a problem it accepts; its success is answered in {@code application/json} all the same
 * (RFC 9110 lets a server disregard {@code Accept}; a 406 after an order was placed would hide the change).
 */
@Component
// After the character-encoding filter (the encoding decides the decoding) and the observation filter (so that
// refusals are measured too), before every filter that may read a parameter.
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestLimitsFilter extends OncePerRequestFilter {

    /** The API's own paths, where no operation takes a parameter more than once. */
    private static final String API_PATHS = "/api/";

    private final HandlerExceptionResolver problems;

    RequestLimitsFilter(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
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
        chain.doFilter(new LimitedBodyRequest(problemsAccepted(request)), response);
    }

    private static @Nullable Exception refusal(HttpServletRequest request) {
        if (request.getContentLengthLong() > InventoryLimits.MAX_BODY_BYTES) {
            return new PayloadTooLargeException();
        }
        Exception mediaTypes = mediaTypeRefusal(request);
        if (mediaTypes != null) {
            return mediaTypes;
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException undecodable) {
            // Tomcat's InvalidParameterException; 413 when a form body is over server.tomcat.max-http-form-post-size
            return undecodable instanceof org.apache.tomcat.util.http.InvalidParameterException tomcat
                    && tomcat.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()
                    ? new PayloadTooLargeException() : InvalidParameterException.malformedQuery();
        }
        boolean api = request.getRequestURI().startsWith(API_PATHS);
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            String violation = TextRule.violation(name);
            if (violation != null) {
                return InvalidParameterException.of(InvalidParameterException.QUERY,
                        "has a parameter name that " + violation);
            }
            if (api && parameter.getValue().length > 1) {
                return InvalidParameterException.of(name, "is given more than once");
            }
            for (String value : parameter.getValue()) {
                violation = TextRule.violation(value);
                if (violation != null) {
                    return InvalidParameterException.of(name, violation);
                }
            }
        }
        return null;
    }

    /**
     * A media range where a body's type belongs (Spring refuses to read it, with a failure of its own) or a charset
     * other than UTF-8 (a body is UTF-8, as RFC 8259 has JSON on the wire), an {@code Accept} that cannot be parsed
     * (Spring could then write no answer at all), or one whose every range has {@code q=0} (RFC 9110: "not
     * acceptable"; Spring would ignore the weight).
     */
    private static @Nullable Exception mediaTypeRefusal(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType != null && !contentType.isBlank()) {
            try {
                MediaType type = MediaType.parseMediaType(contentType);
                Charset charset = type.getCharset();
                if (!type.isConcrete() || charset != null && !charset.equals(StandardCharsets.UTF_8)) {
                    return new HttpMediaTypeNotSupportedException(type, List.of(MediaType.APPLICATION_JSON),
                            HttpMethod.valueOf(request.getMethod()));
                }
            } catch (InvalidMediaTypeException unparsable) {
                // Spring answers it as it should, 415: "Could not parse Content-Type".
            }
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
    private static HttpServletRequest problemsAccepted(HttpServletRequest request) {
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

    /**
     * The request with its body limited to {@link InventoryLimits#MAX_BODY_BYTES}, however it is read, and checked
     * to be well-formed UTF-8 JSON text (a request naming another charset never gets here).
     */
    private static final class LimitedBodyRequest extends HttpServletRequestWrapper {

        private @Nullable ServletInputStream body;

        LimitedBodyRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new LimitedInputStream(super.getInputStream());
            }
            return body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final Utf8Check utf8 = new Utf8Check();
        private long read;

        LimitedInputStream(ServletInputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
                utf8.check(b);
            } else {
                utf8.end();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
                utf8.check(buffer, offset, n);
            } else if (n < 0) {
                utf8.end();
            }
            return n;
        }

        private void count(int n) throws PayloadTooLargeException {
            read += n;
            if (read > InventoryLimits.MAX_BODY_BYTES) {
                throw new PayloadTooLargeException();
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
