package com.example.inventory.web.input;

import com.example.inventory.common.InventoryLimits;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * A body over {@link InventoryLimits#MAX_BODY_BYTES} is 413 {@code payload-too-large}: from its
 * {@code Content-Length} before a byte of it is read, on any request, or (a chunked body) as soon as it grows past
 * the limit while a controller reads it. The first rule: a body too large is refused whatever else is wrong.
 */
@Component
@Order(InputRuleFilter.BODY_SIZE)
class BodySizeFilter extends InputRuleFilter {

    BodySizeFilter(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        super(problems);
    }

    @Override
    @Nullable Exception refusal(HttpServletRequest request) {
        return request.getContentLengthLong() > InventoryLimits.MAX_BODY_BYTES ? new PayloadTooLargeException() : null;
    }

    @Override
    HttpServletRequest admitted(HttpServletRequest request) {
        return new CheckedBody(request, new Limit());
    }

    /** Counts the bytes read, and throws once they are more than the limit. */
    private static final class Limit implements CheckedBody.Check {

        private long read;

        @Override
        public void check(byte[] bytes, int from, int length) throws PayloadTooLargeException {
            count(length);
        }

        @Override
        public void check(int b) throws PayloadTooLargeException {
            count(1);
        }

        @Override
        public void end() {
        }

        private void count(int n) throws PayloadTooLargeException {
            read += n;
            if (read > InventoryLimits.MAX_BODY_BYTES) {
                throw new PayloadTooLargeException();
            }
        }
    }
}
