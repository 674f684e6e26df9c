package com.example.inventory.stock.placement.batch;

import com.example.inventory.stock.ContentionException;
import com.example.inventory.stock.DecisionBook;
import com.example.inventory.stock.DecisionBook.DecideEachAlone;
import com.example.inventory.stock.DecisionBook.Decided;
import com.example.inventory.stock.OrderClaims;
import com.example.inventory.stock.Placement;
import com.example.inventory.stock.PlacementMode;
import com.example.inventory.stock.StockMetrics;
import com.example.inventory.stock.StockOrder;
import com.example.inventory.stock.StockSettings;
import com.example.inventory.stock.TrackedTransactions;
import com.example.inventory.stock.fault.CommitVerifier;
import com.example.inventory.common.DatabaseFaults;
import com.example.inventory.stock.placement.DecisionQueue;
import com.example.inventory.stock.placement.Placer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Smart batching, as LMAX and TigerBeetle do it: a request joins a queue and waits; the queue's drainer takes
 * everything that queued while its previous batch committed and places it in one transaction ({@link OrderBatch}).
 * There is no timer: a lone order is placed at once, and a burst shares one row lock and one commit instead of
 * handing the lock from transaction to transaction. Orders are routed by their first line's SKU, so one product's
 * orders meet in one queue; a multi-line order's other rows are locked in the batch's id order wherever it goes,
 * so batches, other strategies and other instances never deadlock.
 *
 * <p>Later decisions on placed orders (a hold's confirmation, release, extension: {@link DecisionBook}) join the
 * queue of the product they name, so a burst of them for a hot product shares one lock hand-off and one commit too:
 * a round takes its orders in one transaction, then its decisions, book by book, in one transaction each
 * ({@link TrackedTransactions}). Not in the orders' transaction: a decision locks its order's record and its client's
 * hold counter before any stock row, as a claim does, and one transaction taking both in two statements could wait
 * in a circle with another taking them the other way round.
 *
 * <p>A full queue refuses at once (503 {@code contention}), logged as one line per interval ({@link QueueFullLog}).
 * On shutdown, after the web server has let in-flight
 * requests finish, everything still queued is placed and answered before the connection pool closes.
 */
@Component
class BatchedPlacer implements Placer, DecisionQueue, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BatchedPlacer.class);

    /** After the web server's graceful shutdown (whose requests wait on the queues) and before the pool closes. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final OrderBatch batches;
    private final CommitVerifier verifier;
    private final TrackedTransactions writes;
    private final StockMetrics metrics;
    private final StockSettings.Batch settings;
    private final List<Drainer> drainers = new ArrayList<>();
    private final DistributionSummary batchSizes;
    private final Timer batchDurations;
    private final QueueFullLog queueFull;
    private volatile boolean accepting;

    BatchedPlacer(OrderBatch batches, CommitVerifier verifier, TrackedTransactions writes, StockMetrics metrics,
                  StockSettings settings, MeterRegistry registry) {
        this.batches = batches;
        this.verifier = verifier;
        this.writes = writes;
        this.metrics = metrics;
        this.settings = settings.batch();
        this.queueFull = new QueueFullLog(this.settings.queueCapacity());
        for (int i = 0; i < this.settings.drainers(); i++) {
            drainers.add(new Drainer(i));
        }
        this.batchSizes = DistributionSummary.builder("inventory.batch.size")
                .description("Orders placed per batch transaction").baseUnit("orders")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128, 256, 512).register(registry);
        this.batchDurations = Timer.builder("inventory.batch.duration")
                .description("Time from taking a batch off its queue to answering its orders")
                .publishPercentileHistogram().register(registry);
        Gauge.builder("inventory.batch.queue.depth", drainers, all -> all.stream().mapToInt(Drainer::depth).sum())
                .description("Orders waiting in the batched strategy's queues").baseUnit("orders")
                .register(registry);
    }

    @Override
    public PlacementMode name() {
        return PlacementMode.BATCHED;
    }

    @Override
    public <O extends StockOrder> Placement place(O order, OrderClaims<O> book) {
        QueuedOrder<O> queued = new QueuedOrder<>(order, book);
        enqueue(queued);
        return queued.awaitAnswer();
    }

    @Override
    public <D, R> R decide(D decision, String routingSku, DecisionBook<D, R> book) {
        QueuedDecision<D, R> queued = new QueuedDecision<>(decision, routingSku, book);
        enqueue(queued);
        return queued.awaitAnswer();
    }

    private void enqueue(Queued queued) {
        if (!accepting) {
            throw new DataAccessResourceFailureException("The service is shutting down; nothing was changed");
        }
        Drainer drainer = drainers.get(Math.floorMod(queued.routingKey().hashCode(), drainers.size()));
        if (!drainer.queue.offer(queued)) {
            metrics.queueFull();
            queueFull.refused();
            throw ContentionException.queueFull();
        }
    }

    @SuppressWarnings("unchecked")
    private static <O extends StockOrder> boolean storedAny(List<QueuedOrder<?>> placed) {
        QueuedOrder<O> first = (QueuedOrder<O>) placed.getFirst();
        return !first.book().stored(List.of(first.order())).isEmpty();
    }

    @Override
    public void start() {
        accepting = true;
        drainers.forEach(Drainer::start);
    }

    /** Stops taking orders, then waits until every queued order has been placed and answered. */
    @Override
    public void stop() {
        accepting = false;
        for (Drainer drainer : drainers) {
            drainer.finish();
        }
        queueFull.flush();
    }

    @Override
    public boolean isRunning() {
        return accepting;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** One queue and the platform thread that drains it, batch after batch. */
    private final class Drainer implements Runnable {

        private final BlockingQueue<Queued> queue;
        private final Thread thread;
        /** Orders deferred from the previous batch because an order with the same id was in it: they go first. */
        private final Deque<Queued> carried = new ArrayDeque<>();
        private volatile boolean finishing;

        Drainer(int index) {
            this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
            this.thread = Thread.ofPlatform().name("stock-batch-" + index).unstarted(this);
        }

        int depth() {
            return queue.size() + carried.size();
        }

        void start() {
            thread.start();
        }

        void finish() {
            finishing = true;
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.warn("Interrupted while {} placed its last batches; {} orders still queued", thread.getName(),
                        depth());
            }
        }

        @Override
        public void run() {
            while (!(finishing && queue.isEmpty() && carried.isEmpty())) {
                List<Queued> batch;
                try {
                    batch = nextBatch();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                List<QueuedOrder<?>> orders = new ArrayList<>(batch.size());
                List<QueuedDecision<?, ?>> decisions = new ArrayList<>();
                for (Queued queued : batch) {
                    switch (queued) {
                        case QueuedOrder<?> order -> orders.add(order);
                        case QueuedDecision<?, ?> decision -> decisions.add(decision);
                    }
                }
                if (!orders.isEmpty()) {
                    placeAndAnswer(orders);
                }
                if (!decisions.isEmpty()) {
                    decideAndAnswer(decisions);
                }
                queueFull.writeIfDue();
            }
        }

        /**
         * Everything queued now, up to the bounds; waits only while nothing is queued. An order whose id is already
         * in the batch is carried over to the next one, which then finds it claimed and answers it as a replay.
         */
        private List<Queued> nextBatch() throws InterruptedException {
            List<Queued> batch = new ArrayList<>();
            Deque<Queued> deferred = new ArrayDeque<>();
            int lines = 0;
            while (batch.size() < settings.maxSize()) {
                Queued next = carried.pollFirst();
                if (next == null) {
                    next = batch.isEmpty() && deferred.isEmpty() ? queue.poll(100, TimeUnit.MILLISECONDS)
                            : queue.poll();
                }
                if (next == null) {
                    break;
                }
                if (lines + next.lineCount() > settings.maxLines()) {
                    deferred.addFirst(next);
                    break;
                }
                if (sameIdIn(batch, next)) {
                    deferred.addLast(next);
                } else {
                    batch.add(next);
                    lines += next.lineCount();
                }
            }
            deferred.descendingIterator().forEachRemaining(carried::addFirst);
            return batch;
        }

        private boolean sameIdIn(List<Queued> batch, Queued next) {
            if (!(next instanceof QueuedOrder<?> order)) {
                return false;
            }
            for (Queued queued : batch) {
                if (queued instanceof QueuedOrder<?> other && other.sameIdAs(order)) {
                    return true;
                }
            }
            return false;
        }

        /** Takes the round's decisions, each book's in one transaction, and answers them once it has ended. */
        private void decideAndAnswer(List<QueuedDecision<?, ?>> decisions) {
            Map<DecisionBook<?, ?>, List<QueuedDecision<?, ?>>> byBook = new IdentityHashMap<>();
            decisions.forEach(queued -> byBook.computeIfAbsent(queued.book(), book -> new ArrayList<>()).add(queued));
            byBook.forEach((book, queued) -> decideAndAnswer(book, queued));
        }

        @SuppressWarnings("unchecked")
        private <D, R> void decideAndAnswer(DecisionBook<D, R> book, List<QueuedDecision<?, ?>> group) {
            List<QueuedDecision<D, R>> queued = (List<QueuedDecision<D, R>>) (List<?>) group;
            if (queued.size() == 1) {
                decideAlone(queued.getFirst());
                return;
            }
            long started = System.nanoTime();
            List<Decided<R>> decided;
            try {
                List<D> asked = queued.stream().map(QueuedDecision::decision).toList();
                decided = writes.write(() -> book.decide(asked));
            } catch (DecideEachAlone each) {
                queued.forEach(this::decideAlone);
                return;
            } catch (RuntimeException | Error failure) {
                // An Error too: uncaught, it would end this drainer's thread and hang its queue.
                logFailed("decisions", queued.size(), failure);
                queued.forEach(decision -> decision.answerFailed(failure instanceof RuntimeException runtime ? runtime
                        : CommitVerifier.nothingChanged(failure)));
                return;
            } finally {
                batchSizes.record(queued.size());
                batchDurations.record(Duration.ofNanos(System.nanoTime() - started));
            }
            for (int i = 0; i < queued.size(); i++) {
                queued.get(i).answer(decided.get(i));
            }
        }

        /** One decision in a transaction of its own: a refusal rolls it back. */
        private <D, R> void decideAlone(QueuedDecision<D, R> queued) {
            long started = System.nanoTime();
            try {
                queued.answer(Decided.done(writes.write(() -> queued.book().decide(List.of(queued.decision()))
                        .getFirst().orThrow())));
            } catch (RuntimeException refusedOrFailed) {
                queued.answerFailed(refusedOrFailed);
            } catch (Error failure) {
                logFailed("decisions", 1, failure);
                queued.answerFailed(CommitVerifier.nothingChanged(failure));
            } finally {
                batchSizes.record(1);
                batchDurations.record(Duration.ofNanos(System.nanoTime() - started));
            }
        }

        /** One line for a failed batch; a stack trace only for what is neither contention nor a database away. */
        private void logFailed(String what, int size, Throwable failure) {
            if (ContentionException.isLockTimeout(failure)) {
                log.warn("A batch of {} {} timed out waiting for a row lock: {}", size, what, failure.getMessage());
            } else if (DatabaseFaults.isUnavailable(failure)) {
                log.warn("A batch of {} {} failed, none of them was taken: {}", size, what, failure.toString());
            } else {
                log.error("A batch of {} {} failed; none of them was taken", size, what, failure);
            }
        }

        private void placeAndAnswer(List<QueuedOrder<?>> batch) {
            long started = System.nanoTime();
            Throwable failure = null;
            try {
                batches.place(batch);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            batchSizes.record(batch.size());
            batchDurations.record(Duration.ofNanos(System.nanoTime() - started));
            boolean committed;
            try {
                committed = failure == null
                        || CommitVerifier.mayHaveCommitted(failure) && committedAfterAll(batch, failure);
            } catch (RuntimeException unknown) {
                // The database did not come back in time to tell (CommitVerifier logged it): every order is told so,
                // and the drainer goes on to the next batch (uncaught, this ended its thread and hung its queue).
                batch.forEach(queued -> queued.answerFailed(unknown));
                return;
            }
            if (committed) {
                batch.forEach(QueuedOrder::answerDecided);
                return;
            }
            logFailed("orders", batch.size(), failure);
            if (ContentionException.isLockTimeout(failure)) {
                // Each order's InventoryService.place counts the timeout and answers contention, as in every mode.
                RuntimeException lockTimeout = (RuntimeException) failure;
                batch.forEach(queued -> queued.answerFailed(lockTimeout));
            } else {
                for (QueuedOrder<?> queued : batch) {
                    queued.answerFailed(CommitVerifier.nothingChanged(failure));
                }
            }
        }

        /**
         * The batch's connection failed: whether its transaction committed nonetheless. Its placed orders' records
         * tell; a batch that placed none changed nothing either way, and answers 503.
         */
        private boolean committedAfterAll(List<QueuedOrder<?>> batch, Throwable failure) {
            List<QueuedOrder<?>> placed = batch.stream().filter(QueuedOrder::isPlaced).toList();
            return !placed.isEmpty() && verifier.committed(() -> storedAny(placed), failure);
        }

    }
}
