package com.example.inventory.faults;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads what a client sends a PostgreSQL server (protocol 3) and spots a {@code COMMIT}: a simple query, or — as
 * pgjdbc sends it once it has prepared it on that connection — a Bind of the statement prepared from "COMMIT".
 */
final class CommitSpotter {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_ENCRYPTION_REQUEST = 80877104;

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final Set<String> commitStatements = new HashSet<>();
    private boolean started;

    /** Takes the next bytes the client sent; whether a whole COMMIT message ended among them. */
    boolean commitIn(byte[] bytes, int length) {
        pending.write(bytes, 0, length);
        ByteBuffer buffer = ByteBuffer.wrap(pending.toByteArray());
        boolean commit = false;
        while (true) {
            int messageStart = buffer.position();
            if (!started) {
                if (buffer.remaining() < 8) {
                    break;
                }
                int size = buffer.getInt();
                int code = buffer.getInt();
                if (buffer.remaining() < size - 8) {
                    buffer.position(messageStart);
                    break;
                }
                buffer.position(messageStart + size);
                started = code != SSL_REQUEST && code != GSS_ENCRYPTION_REQUEST;
                continue;
            }
            if (buffer.remaining() < 5) {
                break;
            }
            byte type = buffer.get();
            int size = buffer.getInt();
            if (buffer.remaining() < size - 4) {
                buffer.position(messageStart);
                break;
            }
            int end = buffer.position() + size - 4;
            switch (type) {
                case 'Q' -> commit |= isCommit(cString(buffer));
                case 'P' -> {
                    String statement = cString(buffer);
                    if (isCommit(cString(buffer))) {
                        commitStatements.add(statement);
                    } else {
                        commitStatements.remove(statement);
                    }
                }
                case 'B' -> {
                    cString(buffer);
                    commit |= commitStatements.contains(cString(buffer));
                }
                default -> {
                }
            }
            buffer.position(end);
        }
        byte[] rest = new byte[buffer.remaining()];
        buffer.get(rest);
        pending.reset();
        pending.write(rest, 0, rest.length);
        return commit;
    }

    private static boolean isCommit(String query) {
        return query.strip().equalsIgnoreCase("COMMIT");
    }

    private static String cString(ByteBuffer buffer) {
        int start = buffer.position();
        while (buffer.get() != 0) {
            // up to the terminating NUL
        }
        return new String(buffer.array(), start, buffer.position() - start - 1, StandardCharsets.UTF_8);
    }
}
