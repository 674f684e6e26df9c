package com.example.inventory.bench;

import com.example.inventory.ServiceJar;
import com.example.localauth.LocalClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's batching meters, scraped from {@code /actuator/prometheus} before and after a measured phase:
 * the {@code inventory.batch.size} summary ({@code inventory_batch_size…_count}, {@code _sum}, {@code _max}, with
 * any tags), the {@code inventory.batch.duration} timer ({@code inventory_batch_duration_seconds_count}, {@code _sum})
 * and {@code inventory_batch_rejections…_total}. A service or strategy without batching has none, and
 * the report shows "–".
 */
final class BatchMeters {

    private static final String SIZE = "inventory_batch_size";
    private static final String REJECTIONS = "inventory_batch_rejections";
    private static final String DURATION = "inventory_batch_duration_seconds";
    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    private BatchMeters() {
    }

    /**
     * Totals over every tag set; {@code max} is the largest of them.
     *
     * @param buckets cumulative counts by upper bound ({@code le}), when the summary publishes buckets
     * @param timed the batches the duration timer counted
     * @param seconds their durations, summed
     */
    record Snapshot(double count, double sum, double max, double rejections, SortedMap<Double, Double> buckets,
                    double timed, double seconds) {
    }

    /**
     * The batches of one phase.
     *
     * @param max the largest batch: Micrometer's max after the phase, which covers the last minute or two (so maybe
     *            the warm-up, or an earlier run of the same strategy), capped by the smallest bucket bound that holds
     *            every batch of the phase, when the summary has buckets
     * @param meanMillis the mean time from taking a batch off its queue to answering its orders (its transaction,
     *                   mostly); NaN when the service has no such timer
     */
    record Sizes(long batches, double mean, double max, long rejections, double meanMillis) {
    }

    static Optional<Snapshot> scrape(HttpClient http, URI service) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(service.resolve("/actuator/prometheus"))
                .header("Authorization", ServiceJar.tokens().authorization(LocalClient.TEST_HARNESS))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? parse(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The meters of several instances of one service, summed ({@code max} the largest): each batches alone, so the
     * phase's batches are all of theirs. Empty when none of them has the meters.
     */
    static Optional<Snapshot> scrape(HttpClient http, List<URI> services) throws InterruptedException {
        Optional<Snapshot> total = Optional.empty();
        for (URI service : services) {
            Optional<Snapshot> one = scrape(http, service);
            if (one.isPresent()) {
                total = Optional.of(total.map(sum -> plus(sum, one.get())).orElse(one.get()));
            }
        }
        return total;
    }

    private static Snapshot plus(Snapshot a, Snapshot b) {
        SortedMap<Double, Double> buckets = new TreeMap<>(a.buckets());
        b.buckets().forEach((bound, count) -> buckets.merge(bound, count, Double::sum));
        return new Snapshot(a.count() + b.count(), a.sum() + b.sum(), Math.max(a.max(), b.max()),
                a.rejections() + b.rejections(), buckets, a.timed() + b.timed(), a.seconds() + b.seconds());
    }

    static Optional<Snapshot> parse(String exposition) {
        double count = 0;
        double sum = 0;
        double max = 0;
        double rejections = 0;
        double timed = 0;
        double seconds = 0;
        SortedMap<Double, Double> buckets = new TreeMap<>();
        boolean found = false;
        for (String line : exposition.lines().toList()) {
            if (line.startsWith("#") || !line.startsWith("inventory_batch_")) {
                continue;
            }
            int nameEnd = line.indexOf('{') >= 0 ? line.indexOf('{') : line.indexOf(' ');
            int valueStart = line.indexOf('}') >= 0 ? line.indexOf('}') + 1 : nameEnd;
            String name = line.substring(0, nameEnd);
            double value;
            try {
                value = Double.parseDouble(line.substring(valueStart).strip().split("\\s+")[0]);
            } catch (RuntimeException e) {
                continue;
            }
            if (name.startsWith(SIZE) && name.endsWith("_count")) {
                count += value;
                found = true;
            } else if (name.startsWith(SIZE) && name.endsWith("_sum")) {
                sum += value;
            } else if (name.startsWith(SIZE) && name.endsWith("_max")) {
                max = Math.max(max, value);
            } else if (name.startsWith(SIZE) && name.endsWith("_bucket")) {
                Matcher bound = LE.matcher(line);
                if (bound.find() && !bound.group(1).equals("+Inf")) {
                    buckets.merge(Double.parseDouble(bound.group(1)), value, Double::sum);
                }
            } else if (name.startsWith(REJECTIONS) && name.endsWith("_total")) {
                rejections += value;
            } else if (name.equals(DURATION + "_count")) {
                timed += value;
            } else if (name.equals(DURATION + "_sum")) {
                seconds += value;
            }
        }
        return found ? Optional.of(new Snapshot(count, sum, max, rejections, buckets, timed, seconds))
                : Optional.empty();
    }

    /** The phase's batches, or empty when the meters are absent or no batch was made. */
    static Optional<Sizes> between(Optional<Snapshot> before, Optional<Snapshot> after) {
        if (after.isEmpty()) {
            return Optional.empty();
        }
        // A meter registered on first use is absent before the first batch: it counted nothing then.
        Snapshot start = before.orElse(new Snapshot(0, 0, 0, 0, new TreeMap<>(), 0, 0));
        long batches = Math.round(after.get().count() - start.count());
        if (batches <= 0) {
            return Optional.empty();
        }
        double max = after.get().max();
        for (Map.Entry<Double, Double> bucket : after.get().buckets().entrySet()) {
            if (bucket.getValue() - start.buckets().getOrDefault(bucket.getKey(), 0.0) >= batches) {
                max = Math.min(max, bucket.getKey());
                break;
            }
        }
        double timed = after.get().timed() - start.timed();
        return Optional.of(new Sizes(batches, (after.get().sum() - start.sum()) / batches, max,
                Math.round(after.get().rejections() - start.rejections()),
                timed > 0 ? 1000 * (after.get().seconds() - start.seconds()) / timed : Double.NaN));
    }
}
