package com.example.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Real threads released together by one latch, and what they saw. */
public final class Race {

    private Race() {
    }

    /** Runs {@code tasks} tasks on {@code threads} threads, all released by one latch; counts the results. */
    public static <T> Map<T, Integer> count(int threads, int tasks, Task<T> task) throws Exception {
        Map<T, Integer> counts = new ConcurrentHashMap<>();
        for (T result : run(threads, tasks, task)) {
            counts.merge(result, 1, Integer::sum);
        }
        return counts;
    }

    /** Runs {@code tasks} tasks on {@code threads} threads, all released by one latch; their results in task order. */
    public static <T> List<T> run(int threads, int tasks, Task<T> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger ready = new AtomicInteger();
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < tasks; i++) {
                int index = i;
                Callable<T> callable = () -> {
                    ready.incrementAndGet();
                    start.await();
                    return task.run(index);
                };
                futures.add(pool.submit(callable));
            }
            while (ready.get() < Math.min(threads, tasks)) {
                Thread.onSpinWait();
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    @FunctionalInterface
    public interface Task<T> {
        T run(int index) throws Exception;
    }
}
