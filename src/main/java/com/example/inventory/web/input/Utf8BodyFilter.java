package com.example.inventory.web.input;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * A body is UTF-8 JSON text, as RFC 8259 has JSON on the wire. A {@code Content-Type} naming another charset is
 * 415, on any request; a body that is not well-formed UTF-8 (an overlong form such as {@code C1 81} for {@code A},
 * a surrogate, a truncated sequence) or that has a NUL byte (which JSON text never has and UTF-16 or UTF-32 text
 * without a byte order mark always has) is 400 {@code validation} while it is read, by the {@link Utf8Check}, so
 * that no byte sequence is silently read as another text. After the body size: a body both too large and not
 * UTF-8 is 413.
 */
@Component
@Order(InputRuleFilter.UTF8)
class Utf8BodyFilter extends InputRuleFilter {

    Utf8BodyFilter(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        super(problems);
    }

    @Override
    @Nullable Exception refusal(HttpServletRequest request) {
        MediaType type = ContentType.of(request);
        Charset charset = type == null ? null : type.getCharset();
        return type != null && charset != null && !charset.equals(StandardCharsets.UTF_8)
                ? ContentType.unsupported(type, request) : null;
    }

    @Override
    HttpServletRequest admitted(HttpServletRequest request) {
        return new CheckedBody(request, new Utf8Check());
    }
}
