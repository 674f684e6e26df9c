package com.example.inventory.events;

import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import com.example.inventory.Race;
import com.example.inventory.stock.PlacementMode;
import java.time.Duration;
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
        long before = publications();

        Map<Integer, Integer> statuses = Race.count(8, 32,
                index -> api.deduct(mode.name().toLowerCase(), unique("ORD"), sku, 1).status());

        assertThat(statuses.keySet()).as("placed (or, optimistic, out of retries)").containsAnyOf(201)
                .isSubsetOf(201, 503);
        assertThat(api.levelsOf(sku)[0]).isEqualTo(1_000 - statuses.get(201));
        assertThat(publications()).as("no publication for orders that crossed nothing").isEqualTo(before);
    }

    @Test
    void completedPublicationsArePurgedAfterTheRetentionAndNoSooner() {
        String old = insertCompleted(settings.retention().plus(Duration.ofMinutes(1)));
        String recent = insertCompleted(settings.retention().minus(Duration.ofMinutes(1)));
        String outstanding = jdbc.sql("""
                INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
                                               completion_attempts)
                VALUES (gen_random_uuid(), 'test', 'test', '{}', now() - interval '30 days', 'FAILED', 1)
                RETURNING id::text""").query(String.class).single();

        upkeep.purgeCompleted();

        assertThat(exists(old)).as("completed before the retention").isFalse();
        assertThat(exists(recent)).as("completed within the retention").isTrue();
        assertThat(exists(outstanding)).as("never completed: never purged").isTrue();
        jdbc.sql("DELETE FROM event_publication WHERE id::text IN (?, ?)").params(recent, outstanding).update();
    }

    private String insertCompleted(Duration ago) {
        return jdbc.sql("""
                INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
                                               completion_date, status, completion_attempts)
                VALUES (gen_random_uuid(), 'test', 'test', '{}', now() - ? * interval '1 second',
                        now() - ? * interval '1 second', 'COMPLETED', 1)
                RETURNING id::text""").params(ago.toSeconds() + 1, ago.toSeconds()).query(String.class).single();
    }

    private boolean exists(String id) {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE id::text = ?").param(id).query(Long.class)
                .single() == 1;
    }

    private long publications() {
        return jdbc.sql("SELECT count(*) FROM event_publication").query(Long.class).single();
    }
}
