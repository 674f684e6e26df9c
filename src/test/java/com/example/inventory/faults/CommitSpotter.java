package com.example.inventory.faults;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads what a client sends a PostgreSQL server (protocol 3) and spots a {@code COMMIT}: a simple query, or — as
 * pgjdbc sends it once it has prepared it on that connection — a Bind of the statement prepared from "COMMIT".
 */
final class CommitSpotter {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_ENCRYPTION_REQUEST = 80877104;
    private static final int MAX_BYTES_KEPT = 1 << 20;

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final Set<String> commitStatements = new HashSet<>();
    private final Set<String> beginStatements = new HashSet<>();
    private boolean started;
    private int roundTripsSinceBegin;
    private int roundTripsToCommit;
    private final StringBuilder sinceBegin = new StringBuilder();
    private String transactionToCommit = "";
    private final ByteArrayOutputStream bytesSinceBegin = new ByteArrayOutputStream();
    private byte[] bytesOfTransactionToCommit = new byte[0];

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
                case 'Q' -> {
                    String query = cString(buffer);
                    roundTripsSinceBegin++;
                    if (isBegin(query)) {
                        // pgjdbc sends BEGIN as a simple query with the transaction's first statement, in the
                        // statement's round trip (it reads both answers after its Sync)
                        beginTransaction();
                    }
                    note("Q", query);
                    if (isCommit(query)) {
                        commit = true;
                        roundTripsToCommit = roundTripsSinceBegin;
                        transactionToCommit = sinceBegin.toString();
                        bytesOfTransactionToCommit = bytesSinceBegin.toByteArray();
                    }
                }
                case 'P' -> {
                    String statement = cString(buffer);
                    String query = cString(buffer);
                    remember(commitStatements, statement, isCommit(query));
                    remember(beginStatements, statement, isBegin(query));
                    if (isBegin(query)) {
                        beginTransaction();
                    }
                    note("P " + statement, query);
                }
                case 'B' -> {
                    cString(buffer);
                    String statement = cString(buffer);
                    if (beginStatements.contains(statement)) {
                        beginTransaction();
                    }
                    note("B", statement);
                    if (commitStatements.contains(statement)) {
                        commit = true;
                        // the Sync that ends the COMMIT's exchange is not counted yet
                        roundTripsToCommit = roundTripsSinceBegin + 1;
                        transactionToCommit = sinceBegin.append("| S").toString();
                        bytesOfTransactionToCommit = bytesSinceBegin.toByteArray();
                    }
                }
                case 'S' -> {
                    roundTripsSinceBegin++;
                    sinceBegin.append("| S\n");
                }
                default -> {
                }
            }
            if (bytesSinceBegin.size() < MAX_BYTES_KEPT) {
                bytesSinceBegin.write(buffer.array(), messageStart, end - messageStart);
            }
            buffer.position(end);
        }
        byte[] rest = new byte[buffer.remaining()];
        buffer.get(rest);
        pending.reset();
        pending.write(rest, 0, rest.length);
        return commit;
    }

    /**
     * How many round trips (exchanges ended by a Sync, or simple queries) the transaction of the last COMMIT spotted
     * took, from its BEGIN (sent with its first statement) to the COMMIT, both included.
     */
    int roundTripsToCommit() {
        return roundTripsToCommit;
    }

    /**
     * The messages of the transaction of the last COMMIT spotted, its Syncs marked: what {@link #roundTripsToCommit}
     * counted.
     */
    String transactionToCommit() {
        return transactionToCommit;
    }

    /**
     * Whether the transaction of the last COMMIT spotted sent these characters (in a statement or a parameter bound
     * as text, as pgjdbc binds strings): how a test tells its request's transaction from the service's background
     * work (event resubmission rounds, publications marked completed), which commits on other connections.
     */
    boolean transactionToCommitSent(String text) {
        byte[] wanted = text.getBytes(StandardCharsets.UTF_8);
        byte[] sent = bytesOfTransactionToCommit;
        for (int start = 0; start + wanted.length <= sent.length; start++) {
            if (Arrays.equals(sent, start, start + wanted.length, wanted, 0, wanted.length)) {
                return true;
            }
        }
        return false;
    }

    private void beginTransaction() {
        roundTripsSinceBegin = 0;
        sinceBegin.setLength(0);
        bytesSinceBegin.reset();
    }

    private void note(String message, String text) {
        if (sinceBegin.length() < 20_000) {
            String line = text.strip().replaceAll("\\s+", " ");
            sinceBegin.append(message).append(": ").append(line, 0, Math.min(line.length(), 80)).append('\n');
        }
    }

    private static void remember(Set<String> statements, String statement, boolean is) {
        if (is) {
            statements.add(statement);
        } else {
            statements.remove(statement);
        }
    }

    private static boolean isBegin(String query) {
        return query.strip().equalsIgnoreCase("BEGIN");
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
