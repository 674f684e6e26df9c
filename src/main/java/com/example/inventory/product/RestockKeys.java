package com.example.inventory.product;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the restock idempotency keys ({@code restock_idempotency_key}), the table's one owner. */
@Repository
class RestockKeys {

    /** What a key's first request was (its canonical form) and the answer it got. */
    record Stored(String request, int status, String body) {
    }

    private final JdbcClient jdbc;

    RestockKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the client's key for the rest of the current transaction without waiting: a transaction-scoped advisory
     * lock on a 64-bit hash of (client, key), released when the transaction commits or rolls back (or its backend
     * dies).
     *
     * @return false when another transaction holds it: a request with the same key is in flight
     */
    boolean tryClaim(String clientId, IdempotencyKey key) {
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(lockId(clientId, key)).query(Boolean.class)
                .single();
    }

    /** The stored request and answer of the client's key, as committed: read after {@link #tryClaim} succeeded. */
    Optional<Stored> find(String clientId, IdempotencyKey key) {
        return jdbc.sql("""
                SELECT request, status, body::text AS body FROM restock_idempotency_key
                WHERE client_id = ? AND idempotency_key = ?""")
                .param(clientId).param(key.value())
                .query((row, n) -> new Stored(row.getString("request"), row.getInt("status"), row.getString("body")))
                .optional();
    }

    /** Stores the key's request and answer, in the caller's transaction (the restock's). */
    void store(String clientId, IdempotencyKey key, String request, int status, String body, Instant createdAt) {
        jdbc.sql("""
                INSERT INTO restock_idempotency_key (client_id, idempotency_key, request, status, body, created_at)
                VALUES (?, ?, ?, ?, cast(? AS json), ?)""")
                .param(clientId).param(key.value()).param(request).param(status).param(body)
                .param(createdAt.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Deletes the keys first used before {@code cutoff}; how many. */
    int purgeCreatedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM restock_idempotency_key WHERE created_at < ?")
                .param(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)).update();
    }

    /**
     * The advisory lock of (client, key): the first 64 bits of SHA-256 over both, the client's length first so that no
     * two pairs spell the same text. Two pairs that share a hash would only make one of them wait for the other's
     * transaction (a 409 to retry), never mix their answers: the row is read by the full pair.
     */
    static long lockId(String clientId, IdempotencyKey key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((clientId.length() + ":" + clientId + ":" + key.value())
                    .getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
