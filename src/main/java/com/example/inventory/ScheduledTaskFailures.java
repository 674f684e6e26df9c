package com.example.inventory;

import com.example.inventory.common.DatabaseFaults;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ErrorHandler;

/**
 * What the scheduler does with a failure that escapes a scheduled task: log it and suppress it, so that the task runs
 * again at its next turn, as Spring does by default for repeating tasks (the only kind scheduled here) — but a
 * database that went away (a terminated backend, a restart) is logged at WARN in one line, not at ERROR with a stack
 * trace as if it were a bug. The service's own tasks catch such failures themselves; the event registry's staleness
 * monitor (Spring Modulith, {@code spring.modulith.events.staleness.*}) does not.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledTaskFailures implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ScheduledTaskFailures.class);

    @Override
    public void handleError(Throwable failure) {
        if (DatabaseFaults.isUnavailable(failure)) {
            log.warn("A scheduled task could not reach the database; it runs again at its next turn: {}",
                    failure.getMessage());
        } else {
            log.error("Unexpected error occurred in scheduled task", failure);
        }
    }

    /** The scheduler of virtual threads ({@code spring.threads.virtual.enabled=true}, the default here). */
    @Bean
    SimpleAsyncTaskSchedulerCustomizer scheduledTaskFailuresOnVirtualThreads() {
        return scheduler -> scheduler.setErrorHandler(this);
    }

    /** The scheduler of platform threads, when virtual threads are turned off. */
    @Bean
    ThreadPoolTaskSchedulerCustomizer scheduledTaskFailuresOnPlatformThreads() {
        return scheduler -> scheduler.setErrorHandler(this);
    }
}
