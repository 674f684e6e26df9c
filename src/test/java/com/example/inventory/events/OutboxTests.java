package com.example.inventory.events;

import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import com.example.inventory.Race;
import com.example.inventory.TestClock;
import com.example.inventory.stock.PlacementMode;
import com.example.inventory.stock.event.StockDepleted;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.example.inventory.HttpApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's own rules: orders that cross nothing write nothing to it (one registry write per event, never per
 * order), completed publications are purged after the retention and no sooner, and the health and gauges say what it
 * holds.
 */
@IntegrationTest
class OutboxTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventUpkeep upkeep;

    @Autowired
    EventSettings settings;

    @ParameterizedTest
    @EnumSource(PlacementMode.class)
    void ordersThatCrossNothingWriteNothingToTheOutbox(PlacementMode mode) throws Exception {
        HttpApi api = new HttpApi(port);
        String sku = unique("QUIET");
        api.createProduct(sku, 1_000);

        Map<Integer, Integer> statuses = Race.count(8, 32,
                index -> api.deduct(mode.name().toLowerCase(), unique("ORD"), sku, 1).status());

        assertThat(statuses.keySet()).as("placed (or, optimistic, out of retries)").containsAnyOf(201)
                .isSubsetOf(201, 503);
        assertThat(api.levelsOf(sku)[0]).isEqualTo(1_000 - statuses.get(201));
        assertThat(publicationsNaming(sku)).as("no publication for orders that crossed nothing").isZero();
    }

    /** The registry measures ages on the service's clock (the tests' clock, which other tests move forward). */
    @Test
    void completedPublicationsArePurgedAfterTheRetentionAndNoSooner() {
        Instant now = TestClock.shared().instant();
        String old = insertCompleted(now.minus(settings.retention()).minus(Duration.ofMinutes(1)));
        String recent = insertCompleted(now.minus(settings.retention()).plus(Duration.ofMinutes(1)));
        // Never completed, however old (an event type the registry can read, should its staleness check see the row).
        String sku = unique("PURGE");
        String outstanding = jdbc.sql("""
                INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
                                               completion_attempts)
                VALUES (gen_random_uuid(), 'test', ?, ?, ?, 'PROCESSING', 1)
                RETURNING id::text""").params(StockDepleted.class.getName(), "{\"eventId\":\""
                        + java.util.UUID.randomUUID() + "\",\"occurredAt\":\"" + now.minus(Duration.ofDays(30))
                        + "\",\"sku\":\"" + sku + "\",\"stock\":0,\"reserved\":0,\"ledgerPosition\":1}",
                        Timestamp.from(now.minus(Duration.ofDays(30)))).query(String.class).single();

        upkeep.purgeCompleted();

        assertThat(exists(old)).as("completed before the retention").isFalse();
        assertThat(exists(recent)).as("completed within the retention").isTrue();
        assertThat(exists(outstanding)).as("never completed: never purged").isTrue();
        jdbc.sql("DELETE FROM event_publication WHERE id::text IN (?, ?)").params(recent, outstanding).update();
    }

    private String insertCompleted(Instant completedAt) {
        return jdbc.sql("""
                INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
                                               completion_date, status, completion_attempts)
                VALUES (gen_random_uuid(), 'test', 'test', '{}', ?, ?, 'COMPLETED', 1)
                RETURNING id::text""").params(Timestamp.from(completedAt.minusSeconds(1)), Timestamp.from(completedAt))
                .query(String.class).single();
    }

    private boolean exists(String id) {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE id::text = ?").param(id).query(Long.class)
                .single() == 1;
    }

    /** Publications whose event names the SKU (every event about a product or an order's lines does). */
    private long publicationsNaming(String sku) {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE strpos(serialized_event, ?) > 0").param(sku)
                .query(Long.class).single();
    }
}
