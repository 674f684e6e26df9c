package com.example.inventory.web.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

/**
 * A request whose body is checked byte by byte while it is read, however it is read (as a stream or as UTF-8
 * text; a request naming another charset never gets this far): a {@link Check} throws at the first byte it refuses,
 * and the message converter reading the body fails with it as its cause. Wrapped twice, the inner request's check
 * sees each byte first.
 */
final class CheckedBody extends HttpServletRequestWrapper {

    /** What a body must be, checked as it is read; its state is the one request's. */
    interface Check {

        /** {@code length} bytes of the body from {@code bytes[from]}, as they were read. */
        void check(byte[] bytes, int from, int length) throws IOException;

        /** One byte of the body ({@code 0..255}), as it was read. */
        void check(int b) throws IOException;

        /** The body has ended. */
        void end() throws IOException;
    }

    private final Check check;
    private @Nullable ServletInputStream body;

    CheckedBody(HttpServletRequest request, Check check) {
        super(request);
        this.check = check;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (body == null) {
            body = new CheckedInputStream(super.getInputStream(), check);
        }
        return body;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    private static final class CheckedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final Check check;

        CheckedInputStream(ServletInputStream delegate, Check check) {
            this.delegate = delegate;
            this.check = check;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                check.check(b);
            } else {
                check.end();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                check.check(buffer, offset, n);
            } else if (n < 0) {
                check.end();
            }
            return n;
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
