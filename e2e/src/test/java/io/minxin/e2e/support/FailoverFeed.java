package io.minxin.e2e.support;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An integration's feed through several gateways, as a client behind a load balancer sends: batch after batch to
 * the gateways in turn, a batch that gets 503, 429, a 502 or 504, or no answer sent again to the next gateway until
 * one accepts it (202). Every request is kept, so a fault test can tell what clients saw while a part of the system
 * was down.
 */
public final class FailoverFeed {
    /** Statuses a client sends the batch again for; 0 is no answer (refused, reset or timed out). */
    private static final Set<Integer> RETRIED = Set.of(0, 429, 502, 503, 504);

    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);
    private static final Duration RETRY_AFTER = Duration.ofMillis(200);

    /**
     * One request.
     *
     * @param batch the batch's number in this feed, from 1
     * @param gateway the index of the gateway it went to
     * @param sentAt {@link System#nanoTime()} when it was sent
     * @param answeredAt {@link System#nanoTime()} when it was answered or failed
     * @param status the HTTP status, 0 for no answer
     */
    public record Attempt(int batch, int gateway, long sentAt, long answeredAt, int status) {}

    private final List<Api> gateways;
    private final String apiKey;
    private final List<Attempt> attempts = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger batches = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();

    public FailoverFeed(List<Api> gateways, String apiKey) {
        this.gateways = List.copyOf(gateways);
        this.apiKey = apiKey;
    }

    /**
     * Sends the lines in batches of {@code batchSize}, {@code between} after each accepted one (a steady load rather
     * than a burst); returns the number of events accepted.
     */
    public int send(List<String> lines, int batchSize, Duration between) {
        int sent = 0;
        for (int from = 0; from < lines.size(); from += batchSize) {
            List<String> batch = lines.subList(from, Math.min(lines.size(), from + batchSize));
            sendBatch(batch);
            sent += batch.size();
            Pause.lasting(between, "the load's pace");
        }
        return sent;
    }

    private void sendBatch(List<String> batch) {
        byte[] body = (String.join("\n", batch) + "\n").getBytes(StandardCharsets.UTF_8);
        int number = batches.incrementAndGet();
        await("batch " + number + " accepted by one of the gateways")
                .atMost(GIVE_UP_AFTER)
                .pollDelay(Duration.ZERO)
                .pollInterval(RETRY_AFTER)
                .until(() -> {
                    int gateway = Math.floorMod(next.getAndIncrement(), gateways.size());
                    long sentAt = System.nanoTime();
                    int status;
                    try {
                        status = gateways.get(gateway)
                                .post("api/v1/events/batch", apiKey, EventFeed.NDJSON, body)
                                .status();
                    } catch (RuntimeException e) {
                        status = 0;
                    }
                    keep(new Attempt(number, gateway, sentAt, System.nanoTime(), status));
                    if (status == 202) {
                        accepted.incrementAndGet();
                        return true;
                    }
                    if (RETRIED.contains(status)) {
                        return false;
                    }
                    throw new AssertionError("batch " + number + " refused: HTTP " + status);
                });
    }

    private synchronized void keep(Attempt attempt) {
        attempts.add(attempt);
    }

    /** Every request so far, in the order they were answered. */
    public synchronized List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** How many batches were accepted so far. */
    public int acceptedBatches() {
        return accepted.get();
    }
}
