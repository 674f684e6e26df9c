package com.example.inventory.stock.placement.batch;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A burst of refusals is a line at its start and one line per interval after it, each with its count. */
@ExtendWith(OutputCaptureExtension.class)
class QueueFullLogTests {

    private final AtomicLong now = new AtomicLong(1_000);
    private final QueueFullLog refusals = new QueueFullLog(7, Duration.ofSeconds(10), now::get);

    @Test
    void logsTheFirstRefusalAtOnceAndTheRestOncePerInterval(CapturedOutput output) {
        refusals.refused();
        for (int i = 0; i < 2_423; i++) {
            now.addAndGet(Duration.ofMillis(1).toNanos());
            refusals.refused();
        }
        assertThat(lines(output)).containsExactly("Refused 1 order(s)");

        now.addAndGet(Duration.ofSeconds(7).toNanos());
        refusals.writeIfDue();
        assertThat(lines(output)).as("the interval is not over").hasSize(1);

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        refusals.writeIfDue();
        refusals.writeIfDue();
        assertThat(lines(output)).containsExactly("Refused 1 order(s)", "Refused 2423 order(s)");

        now.addAndGet(Duration.ofSeconds(60).toNanos());
        refusals.writeIfDue();
        assertThat(lines(output)).as("nothing refused since").hasSize(2);
        refusals.refused();
        refusals.refused();
        refusals.flush();
        assertThat(lines(output)).containsExactly("Refused 1 order(s)", "Refused 2423 order(s)", "Refused 1 order(s)",
                "Refused 1 order(s)");
        assertThat(output.getAll()).contains("batch queue was full (7 orders)", "inventory.batch.rejections");
    }

    private static java.util.List<String> lines(CapturedOutput output) {
        return output.getAll().lines().filter(line -> line.contains("Refused "))
                .map(line -> line.substring(line.indexOf("Refused "), line.indexOf(" with 503"))).toList();
    }
}
