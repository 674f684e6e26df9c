package com.example.inventory.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the outbox moving. At start-up the exchange is declared (when a broker answers; Spring AMQP declares it again
 * on every new connection). Every {@code inventory.events.resubmit-every}, from start-up on, the publications that
 * failed are resubmitted — those whose publish failed or was not confirmed, and those that the registry's staleness
 * monitor ({@code spring.modulith.events.staleness.*}) found left in progress, e.g. by an instance that died between
 * commit and publish; one instance at a time resubmits, and while the broker does not answer, rounds are skipped.
 * Completed publications are purged after {@code inventory.events.retention}.
 */
@Component
class EventUpkeep {

    private static final Logger log = LoggerFactory.getLogger(EventUpkeep.class);

    /** The advisory lock (one-key space) of the resubmission round: the ASCII of "inventry". */
    static final long RESUBMISSION_LOCK = 0x696e_7665_6e74_7279L;

    private final FailedEventPublications failed;
    private final CompletedEventPublications completed;
    private final EventSettings settings;
    private final OutstandingEvents outstanding;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final ObjectProvider<RabbitAdmin> admin;
    private final ObjectProvider<ConnectionFactory> rabbit;

    EventUpkeep(FailedEventPublications failed, CompletedEventPublications completed, EventSettings settings,
                OutstandingEvents outstanding, PlatformTransactionManager transactionManager, JdbcClient jdbc,
                ObjectProvider<RabbitAdmin> admin, ObjectProvider<ConnectionFactory> rabbit) {
        this.failed = failed;
        this.completed = completed;
        this.settings = settings;
        this.outstanding = outstanding;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.admin = admin;
        this.rabbit = rabbit;
    }

    @EventListener(ApplicationReadyEvent.class)
    void declareExchange() {
        if (settings.transport() != EventSettings.Transport.RABBIT) {
            return;
        }
        RabbitAdmin declarer = admin.getIfAvailable();
        if (declarer == null) {
            return;
        }
        try {
            declarer.initialize();
        } catch (AmqpException e) {
            ConnectionFactory broker = rabbit.getIfAvailable();
            log.warn("RabbitMQ{} does not answer ({}): orders are taken as ever, their events are kept and published "
                    + "when it does", broker == null ? "" : " at " + broker.getHost() + ":" + broker.getPort(),
                    e.getMessage());
        }
    }

    /**
     * Each round when the broker answers (while it does not, every attempt would fail at once), by one instance at a
     * time: the registry claims a publication with an update that a completed one also passes, so two instances
     * working through the same list of failed publications would send again what the other has just completed. The
     * round runs in a transaction holding an advisory lock ({@link #RESUBMISSION_LOCK}), taken without waiting; its
     * claims commit with it, so it is kept short ({@code inventory.events.resubmit-batch} publications).
     */
    @Scheduled(initialDelay = 0, fixedDelayString = "${inventory.events.resubmit-every:5s}")
    void resubmitFailed() {
        if (!outstanding.brokerAnswers()) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> {
                if (Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(RESUBMISSION_LOCK)
                        .query(Boolean.class).single())) {
                    failed.resubmit(ResubmissionOptions.defaults().withBatchSize(settings.resubmitBatch())
                            .withMaxInFlight(settings.resubmitBatch()));
                }
            });
        } catch (RuntimeException e) {
            log.warn("Failed event publications could not be resubmitted now: {}", e.getMessage());
        }
    }

    @Scheduled(initialDelayString = "${inventory.events.purge-every:1h}",
            fixedDelayString = "${inventory.events.purge-every:1h}")
    void purgeCompleted() {
        try {
            completed.deletePublicationsOlderThan(settings.retention());
        } catch (RuntimeException e) {
            log.warn("Completed event publications could not be purged now: {}", e.getMessage());
        }
    }
}
