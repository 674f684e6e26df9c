package com.example.inventory.events;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A broker outage is a line at its first failed publication, then one line per interval with the count since. */
@ExtendWith(OutputCaptureExtension.class)
class FailedPublicationLogTests {

    private final AtomicLong now = new AtomicLong(1_000);
    private final FailedPublicationLog failures = new FailedPublicationLog(Duration.ofSeconds(30), now::get);

    @Test
    void logsTheFirstFailureAtOnceAndTheRestOncePerIntervalWithTheirCount(CapturedOutput output) {
        failures.failed("Connection refused");
        for (int i = 0; i < 999; i++) {
            now.addAndGet(Duration.ofMillis(10).toNanos());
            failures.failed("Connection refused");
        }
        assertThat(lines(output)).containsExactly("1 event publication(s) not taken by the broker (Connection refused)");

        now.addAndGet(Duration.ofSeconds(21).toNanos());
        failures.failed("no confirm within PT5S");

        assertThat(lines(output)).containsExactly("1 event publication(s) not taken by the broker (Connection refused)",
                "1000 event publication(s) not taken by the broker (no confirm within PT5S)");
    }

    private static List<String> lines(CapturedOutput output) {
        java.util.regex.Pattern line = java.util.regex.Pattern.compile(
                "\\d+ event publication\\(s\\) not taken by the broker \\([^)]*\\)");
        return output.getAll().lines().map(line::matcher).filter(java.util.regex.Matcher::find)
                .map(java.util.regex.Matcher::group).toList();
    }
}
