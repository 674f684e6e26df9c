package com.example.inventory;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failure that escapes a scheduled task: the task runs again at its next turn, and the log says what happened — a
 * database gone away at WARN in one line, anything else at ERROR, as a bug. The first case is the event registry's
 * staleness monitor (Spring Modulith's task, which catches nothing) meeting terminated backends: under CI it had
 * logged "Unexpected error occurred in scheduled task" at ERROR.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScheduledTaskFailuresTests {

    private static final String POOL = "scheduled-task-failures";
    private static final String DATABASE_AWAY = "A scheduled task could not reach the database";

    @Test
    void aLostDatabaseIsAWarningAndABugStaysAnError(CapturedOutput output) throws Exception {
        JdbcClient operator = TestDatabase.shared().jdbc();
        try (ServiceInstance service = ServiceInstance.start(
                "spring.datasource.hikari.data-source-properties.ApplicationName=" + POOL,
                "spring.modulith.events.staleness.check-intervall=50ms")) {
            int logged = output.getAll().length();

            // The staleness monitor reuses one pool connection every 50 ms, too soon for the pool to check it again:
            // terminated under it, the next check fails on it.
            Instant deadline = Instant.now().plusSeconds(20);
            int terminations = 0;
            while (!output.getAll().substring(logged).contains(DATABASE_AWAY) && Instant.now().isBefore(deadline)) {
                terminations += operator.sql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        + "WHERE application_name = ?").param(POOL).query(Integer.class).single();
                Thread.sleep(200);
            }
            assertThat(terminations).as("backends of the instance terminated").isPositive();
            List<String> struck = linesSince(output, logged);
            assertThat(struck).as("the staleness monitor met a terminated backend")
                    .anySatisfy(line -> assertThat(line).contains(" WARN ", DATABASE_AWAY));
            assertThat(struck).as("a lost database is not logged as a bug")
                    .noneMatch(ScheduledTaskFailuresTests::isTaskError);

            TaskScheduler scheduler = service.bean(TaskScheduler.class);
            int before = output.getAll().length();
            scheduler.schedule(() -> {
                throw new DataAccessResourceFailureException("pool connection gone",
                        new SQLException("terminating connection due to administrator command", "57P01"));
            }, Instant.now());
            scheduler.schedule(() -> {
                throw new IllegalStateException("a bug in a scheduled task");
            }, Instant.now());
            awaitLine(output, before, "pool connection gone");
            awaitLine(output, before, "IllegalStateException: a bug in a scheduled task");
            List<String> lines = linesSince(output, before);
            assertThat(lines).filteredOn(line -> line.contains("pool connection gone")).singleElement()
                    .satisfies(line -> assertThat(line).contains(" WARN ", DATABASE_AWAY));
            assertThat(lines).filteredOn(ScheduledTaskFailuresTests::isTaskError).singleElement()
                    .satisfies(line -> assertThat(line).contains("Unexpected error occurred in scheduled task"));
            assertThat(lines).as("the bug's stack trace")
                    .anySatisfy(line -> assertThat(line).contains("IllegalStateException: a bug in a scheduled task"));
        }
    }

    private static void awaitLine(CapturedOutput output, int from, String text) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!output.getAll().substring(from).contains(text) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
    }

    /**
     * An ERROR line about a failed scheduled task. Other ERROR lines may come and go meanwhile: this JVM's other
     * contexts share the test database, where other tests leave stock rows out of balance on purpose, and every
     * context's drift check reports them.
     */
    private static boolean isTaskError(String line) {
        return line.contains(" ERROR ") && line.contains("scheduled task");
    }

    private static List<String> linesSince(CapturedOutput output, int from) {
        return output.getAll().substring(from).lines().toList();
    }
}
