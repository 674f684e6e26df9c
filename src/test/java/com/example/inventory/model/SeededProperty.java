package com.example.inventory.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A property checked on random cases in plain JUnit: every case comes from one printed seed, a failing case is
 * shrunk (the smaller variants {@code smaller} offers are tried, and the first that still fails is kept, until none
 * does), and the failure names the minimal case and the seed that replays it.
 *
 * <p>The seed of the first try is the run's seed; each next try's seed derives from the one before. So
 * {@code -Dinventory.model.seed=S} replays a whole run, and the seed a failure prints replays the failing try first.
 */
final class SeededProperty {

    static final String SEED_PROPERTY = "inventory.model.seed";

    /** Shrinking runs the property against the service each time: this bounds how long a failure takes to report. */
    private static final int SHRINK_RUNS = 200;

    private SeededProperty() {
    }

    @FunctionalInterface
    interface Check<T> {
        void check(T sample) throws Exception;
    }

    static <T> void check(String name, int tries, Function<Random, T> generate, Function<T, List<T>> smaller,
                          Check<T> property) {
        String replay = System.getProperty(SEED_PROPERTY);
        long seed = replay != null ? Long.parseLong(replay) : ThreadLocalRandom.current().nextLong();
        System.out.printf("%s: %d tries from seed %d (replay: -D%s=%d)%n", name, tries, seed, SEED_PROPERTY, seed);
        for (int i = 1; i <= tries; i++, seed = new SplittableRandom(seed).nextLong()) {
            T sample = generate.apply(new Random(seed));
            Throwable failure = failureOf(property, sample);
            if (failure != null) {
                System.out.printf("%s failed on try %d, seed %d, shrinking: %s%n", name, i, seed, sample);
                throw shrunk(name, i, tries, seed, sample, failure, smaller, property);
            }
        }
    }

    private static <T> AssertionError shrunk(String name, int attempt, int tries, long seed, T sample,
                                             Throwable failure, Function<T, List<T>> smaller, Check<T> property) {
        T smallest = sample;
        Throwable smallestFailure = failure;
        int runs = 0;
        boolean shrinking = true;
        while (shrinking && runs < SHRINK_RUNS) {
            shrinking = false;
            for (T candidate : smaller.apply(smallest)) {
                if (runs == SHRINK_RUNS) {
                    break;
                }
                runs++;
                Throwable candidateFailure = failureOf(property, candidate);
                if (candidateFailure != null) {
                    smallest = candidate;
                    smallestFailure = candidateFailure;
                    shrinking = true;
                    break;
                }
            }
        }
        return new AssertionError("""
                %s failed on try %d of %d, seed %d (replay: -D%s=%d).
                Shrunk in %d runs%s to:
                %s
                which fails with: %s""".formatted(name, attempt, tries, seed, SEED_PROPERTY, seed, runs,
                runs >= SHRINK_RUNS ? " (the limit; smaller may exist)" : "", smallest, smallestFailure),
                smallestFailure);
    }

    private static <T> @Nullable Throwable failureOf(Check<T> property, T sample) {
        try {
            property.check(sample);
            return null;
        } catch (Exception | AssertionError failure) {
            return failure;
        }
    }

    /** {@code list} without one run of consecutive elements, for every run: halves first, single elements last. */
    static <E> List<List<E>> withoutRuns(List<E> list) {
        List<List<E>> smaller = new ArrayList<>();
        for (int length = Math.max(1, list.size() / 2); ; length /= 2) {
            for (int start = 0; start < list.size(); start += length) {
                List<E> candidate = new ArrayList<>(list.subList(0, start));
                candidate.addAll(list.subList(Math.min(list.size(), start + length), list.size()));
                smaller.add(candidate);
            }
            if (length == 1) {
                return smaller;
            }
        }
    }
}
