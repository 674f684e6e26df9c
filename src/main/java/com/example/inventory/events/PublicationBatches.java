package com.example.inventory.events;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the publications a transaction records in one JDBC batch, just before it commits, instead of one statement
 * each as the registry's JDBC repository does: a sweep that expires a hundred holds records a hundred
 * {@code reservation.expired}. Wraps that repository (every other call goes to it unchanged); outside a transaction a
 * publication is written at once, as before. The row is the one the repository writes (its table, columns and
 * serialized event), so that it finds, marks and completes it as its own.
 */
final class PublicationBatches implements BeanPostProcessor {

    private static final String INSERT = """
            INSERT INTO event_publication (id, event_type, listener_id, publication_date, serialized_event, status,
                                           completion_attempts, last_resubmission_date)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final ObjectProvider<JdbcTemplate> jdbc;
    private final ObjectProvider<EventSerializer> serializer;

    PublicationBatches(ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<EventSerializer> serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof EventPublicationRepository repository)) {
            return bean;
        }
        InvocationHandler batching = (proxy, method, arguments) -> {
            if (method.getName().equals("create") && arguments != null && arguments.length == 1
                    && arguments[0] instanceof TargetEventPublication publication
                    && TransactionSynchronizationManager.isSynchronizationActive()
                    && TransactionSynchronizationManager.isActualTransactionActive()) {
                batchOfThisTransaction().add(publication);
                return publication;
            }
            return invoke(repository, method, arguments);
        };
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EventPublicationRepository.class},
                batching);
    }

    /**
     * The publications this transaction recorded so far, kept by a synchronization of its own (which a
     * {@code REQUIRES_NEW} transaction suspends with the others); the first one registers their write before commit.
     */
    private List<TargetEventPublication> batchOfThisTransaction() {
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof BatchWrite write && write.owner() == this) {
                return write.batch();
            }
        }
        BatchWrite write = new BatchWrite(this, new ArrayList<>());
        TransactionSynchronizationManager.registerSynchronization(write);
        return write.batch();
    }

    /** Writes a transaction's publications before it commits (a failure rolls it back, its change with it). */
    private record BatchWrite(PublicationBatches owner, List<TargetEventPublication> batch)
            implements TransactionSynchronization {

        @Override
        public void beforeCommit(boolean readOnly) {
            owner.write(batch);
        }
    }

    private void write(List<TargetEventPublication> batch) {
        if (batch.isEmpty()) {
            return;
        }
        EventSerializer events = serializer.getObject();
        List<Object[]> rows = new ArrayList<>(batch.size());
        for (TargetEventPublication publication : batch) {
            Timestamp at = Timestamp.from(publication.getPublicationDate());
            rows.add(new Object[] {publication.getIdentifier(), publication.getEvent().getClass().getName(),
                    publication.getTargetIdentifier().getValue(), at,
                    events.serialize(publication.getEvent()).toString(), publication.getStatus().name(), 1, at});
        }
        jdbc.getObject().batchUpdate(INSERT, rows);
        batch.clear();
    }

    private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
