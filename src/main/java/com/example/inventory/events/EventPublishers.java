package com.example.inventory.events;

import java.util.concurrent.Executor;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that publish events after commit (the only {@code @Async} work of the service):
 * {@code inventory.events.publishers} of them, with a queue that never refuses. Each publication marks its record
 * twice on a pool connection, so a wave of events (30,000 holds expiring together) must not take the pool from the
 * requests: it drains at the publishers' pace instead, and whatever is queued when the service stops stays outstanding
 * in the registry, to be resubmitted.
 */
@Configuration(proxyBeanMethods = false)
class EventPublishers implements AsyncConfigurer {

    private final EventSettings settings;

    EventPublishers(EventSettings settings) {
        this.settings = settings;
    }

    @Override
    public Executor getAsyncExecutor() {
        ThreadPoolTaskExecutor publishers = new ThreadPoolTaskExecutor();
        publishers.setCorePoolSize(settings.publishers());
        publishers.setMaxPoolSize(settings.publishers());
        publishers.setThreadNamePrefix("events-");
        publishers.setWaitForTasksToCompleteOnShutdown(false);
        publishers.initialize();
        return publishers;
    }
}
