package com.example.inventory.events;

import com.example.inventory.common.InventoryEvent;

import tools.jackson.databind.json.JsonMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.support.EventExternalizationTransport;
import org.springframework.modulith.events.support.EventExternalizerModuleListener;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Which events leave the service, and how: every {@link InventoryEvent}, to the durable topic exchange
 * {@value InventoryEvent#EXCHANGE} with its name as the routing key, through Spring Modulith's module listener (its
 * publications kept in the registry until the transport's future completes). The listener runs after commit on the
 * publishers' threads ({@code @EnableAsync}, {@link EventPublishers}): a request never waits for the broker.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableConfigurationProperties(EventSettings.class)
class EventsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EventsConfiguration.class);

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static EventExternalizationConfiguration eventExternalizationConfiguration() {
        return EventExternalizationConfiguration.externalizing()
                .select(event -> event instanceof InventoryEvent)
                .routeAll(event -> RoutingTarget.forTarget(InventoryEvent.EXCHANGE)
                        .andKey(((InventoryEvent) event).eventName()))
                .build();
    }

    /** The registry's repository, wrapped: a transaction's publications are written in one batch. */
    @Bean
    static PublicationBatches publicationBatches(ObjectProvider<JdbcTemplate> jdbc,
                                                 ObjectProvider<EventSerializer> serializer) {
        return new PublicationBatches(jdbc, serializer);
    }

    /** Durable, not auto-deleted: declared at start-up (and on every reconnection) by Spring AMQP's admin. */
    @Bean
    TopicExchange inventoryEventsExchange() {
        return new TopicExchange(InventoryEvent.EXCHANGE, true, false);
    }

    /** {@code inventory.events.enabled=false}: no event is recorded or sent (for measuring what events cost). */
    @Bean
    @ConditionalOnProperty(name = "inventory.events.enabled", havingValue = "true", matchIfMissing = true)
    EventExternalizerModuleListener eventExternalizer(EventExternalizationConfiguration configuration,
                                                      EventSettings settings, ObjectProvider<RabbitTemplate> rabbit,
                                                      JsonMapper json) {
        EventExternalizationTransport transport = switch (settings.transport()) {
            case RABBIT -> new RabbitTransport(rabbit.getObject(), json, settings.confirmTimeout());
            case LOG -> {
                log.debug("Events are logged and completed here, not published (inventory.events.transport=log)");
                yield new LoggedTransport(json);
            }
        };
        return new EventExternalizerModuleListener(configuration, transport);
    }
}
