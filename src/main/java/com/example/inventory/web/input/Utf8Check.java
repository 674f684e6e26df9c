package com.example.inventory.web.input;

import java.io.IOException;

/**
 * Checks, byte by byte as a body is read, that it is well-formed UTF-8 (RFC 3629): no overlong form (such as
 * {@code C1 81} for {@code A}, which a lenient decoder reads as that letter), no encoded surrogate, nothing above
 * U+10FFFF, no sequence cut short. JSON on the wire must be UTF-8 (RFC 8259), and a byte sequence that a lenient
 * decoder reads as another text would reach the database as a value the client never sent.
 *
 * <p>Nor a NUL byte: JSON text has none (a NUL in a string is written as an escape), while UTF-16 and UTF-32 text
 * without a byte order mark has one in every ASCII character, and Jackson would read it in that encoding.
 */
public final class Utf8Check implements CheckedBody.Check {

    /** Continuation bytes still expected for the current character. */
    private int expected;
    /** The range the next continuation byte must fall in: narrower than 80..BF right after some lead bytes. */
    private int low = 0x80;
    private int high = 0xBF;
    private long offset;

    /** @throws NotUtf8Exception at the first byte that cannot be where it is */
    @Override
    public void check(byte[] bytes, int from, int length) throws NotUtf8Exception {
        for (int i = from; i < from + length; i++) {
            check(bytes[i] & 0xFF);
        }
    }

    @Override
    public void check(int b) throws NotUtf8Exception {
        if (b == 0) {
            throw new NotUtf8Exception("The request body is not UTF-8 JSON text: a NUL byte at byte " + offset
                    + " (as UTF-16 or UTF-32 text has)");
        }
        if (expected > 0) {
            if (b < low || b > high) {
                throw new NotUtf8Exception(offset);
            }
            low = 0x80;
            high = 0xBF;
            expected--;
        } else if (b >= 0x80) {
            lead(b);
        }
        offset++;
    }

    /** @throws NotUtf8Exception when the body ended inside a character */
    @Override
    public void end() throws NotUtf8Exception {
        if (expected > 0) {
            throw new NotUtf8Exception(offset);
        }
    }

    private void lead(int b) throws NotUtf8Exception {
        if (b >= 0xC2 && b <= 0xDF) {
            expected = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            expected = 2;
            if (b == 0xE0) {
                low = 0xA0; // below: an overlong form of U+0000..U+07FF
            } else if (b == 0xED) {
                high = 0x9F; // above: U+D800..U+DFFF, the surrogates
            }
        } else if (b >= 0xF0 && b <= 0xF4) {
            expected = 3;
            if (b == 0xF0) {
                low = 0x90; // below: an overlong form of U+0000..U+FFFF
            } else if (b == 0xF4) {
                high = 0x8F; // above: beyond U+10FFFF
            }
        } else {
            // 80..BF cannot lead; C0 and C1 only lead overlong forms; F5..FF lead nothing Unicode has.
            throw new NotUtf8Exception(offset);
        }
    }

    /** A body that is not well-formed UTF-8; an {@link IOException}, so that the body's stream can throw it. */
    public static final class NotUtf8Exception extends IOException {

        NotUtf8Exception(long offset) {
            this("The request body is not well-formed UTF-8 (at byte " + offset + ")");
        }

        NotUtf8Exception(String message) {
            super(message);
        }
    }
}
