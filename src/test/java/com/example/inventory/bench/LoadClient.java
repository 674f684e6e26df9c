package com.example.inventory.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Sends one phase of closed-loop load: N clients, each with at most one request in flight. */
interface LoadClient {

    /** Which load generator the benchmark uses. */
    enum Choice {
        /** wrk when it is installed (bench/run installs it), else the Java client. */
        AUTO,
        WRK,
        JAVA;

        static Choice of(String name) {
            for (Choice choice : values()) {
                if (choice.name().equalsIgnoreCase(name.strip())) {
                    return choice;
                }
            }
            throw new IllegalArgumentException("Unknown --client '" + name + "', known: auto, wrk, java");
        }
    }

    /** What the report calls it: {@code wrk} or {@code java}. */
    String name();

    /** A line for the report's machine facts. */
    String describe();

    /**
     * Sends the traffic for {@code limit} or, for a sale, until a client is told the stock is gone (409) or
     * {@code limit} passes. Returns once every request sent has been answered, or counted as unanswered.
     */
    Phase run(Traffic traffic, int clients, Duration limit) throws IOException, InterruptedException;

    /**
     * @throws IllegalStateException when wrk was asked for and is not installed
     */
    static LoadClient choose(Choice choice, URI service) throws IOException, InterruptedException {
        Optional<WrkClient> wrk = choice == Choice.JAVA ? Optional.empty() : WrkClient.find(service);
        if (wrk.isPresent()) {
            return wrk.get();
        }
        if (choice == Choice.WRK) {
            throw new IllegalStateException("--client wrk: no wrk on PATH (apt-get install wrk) or no "
                    + WrkClient.SCRIPT + " (run from the project directory)");
        }
        return new JavaClient(service);
    }
}
