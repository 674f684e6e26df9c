package com.example.inventory.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refuses, before anything else reads the request, what no endpoint can accept:
 * <ul>
 *   <li>a body over {@link InventoryLimits#MAX_BODY_BYTES}: 413, from its {@code Content-Length} before a byte of it
 *       is read, or (a chunked body) as soon as it grows past the limit while a controller reads it;</li>
 *   <li>a query string the servlet container cannot decode (a parameter without a name, a bad percent-escape,
 *       bytes that are not UTF-8), or a parameter that breaks the {@link TextRule}: 400 {@code validation}.</li>
 * </ul>
 * Tomcat decodes parameters lazily and throws from every later {@code getParameter…} call, wherever it happens (an
 * argument resolver, an interceptor); decoding them here, once, keeps that from ever being an unexpected failure.
 * The refusal is rendered by the MVC exception handlers, like every other problem.
 */
@Component
// After the character-encoding filter (the encoding decides the decoding) and the observation filter (so that
// refusals are measured too), before every filter that may read a parameter.
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestLimitsFilter extends OncePerRequestFilter {

    private final HandlerExceptionResolver problems;

    RequestLimitsFilter(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Exception refusal = refusal(request);
        if (refusal != null) {
            if (problems.resolveException(request, response, null, refusal) == null) {
                response.sendError(refusal instanceof PayloadTooLargeException ? HttpStatus.CONTENT_TOO_LARGE.value()
                        : HttpStatus.BAD_REQUEST.value());
            }
            response.flushBuffer();
            return;
        }
        chain.doFilter(new LimitedBodyRequest(request), response);
    }

    private static @Nullable Exception refusal(HttpServletRequest request) {
        if (request.getContentLengthLong() > InventoryLimits.MAX_BODY_BYTES) {
            return new PayloadTooLargeException();
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
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            String violation = TextRule.violation(name);
            if (violation != null) {
                return InvalidParameterException.of(InvalidParameterException.QUERY,
                        "has a parameter name that " + violation);
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

    /** The request with its body limited to {@link InventoryLimits#MAX_BODY_BYTES}, however it is read. */
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
            String encoding = getCharacterEncoding();
            Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8;
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private long read;

        LimitedInputStream(ServletInputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
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
