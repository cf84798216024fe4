package io.minxin.e2e.support;

import static org.awaitility.Awaitility.await;

import io.minxin.events.CaseEvent;
import io.minxin.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends events to {@code POST /api/v1/events/batch} as NDJSON, the way a platform integration does: in batches,
 * retrying a batch that got 503 or 429 (the same batch again: intake deduplicates nothing, metrics-service
 * does, by source and id) until it is accepted.
 */
public final class EventFeed {
    public static final String NDJSON = "application/x-ndjson";
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    private final Api api;
    private final String apiKey;
    private final List<Integer> retriedStatuses = new ArrayList<>();

    public EventFeed(Api api, String apiKey) {
        this.api = api;
        this.apiKey = apiKey;
    }

    /**
     * NDJSON lines of the events. With a tag, every case id and event id gets the prefix {@code tag-}, so a demo
     * month generated for another period never shares a case (the reference cases keep their ids in every
     * generated month) or an event id with another test's.
     */
    public static List<String> lines(List<CaseEvent> events, String tag) {
        List<String> lines = new ArrayList<>(events.size());
        for (CaseEvent event : events) {
            ObjectNode node = EventJson.toNode(event);
            if (tag != null) {
                node.put("id", tag + "-" + node.get("id").asString());
                ObjectNode data = (ObjectNode) node.get("data");
                if (data.has("caseId")) {
                    data.put("caseId", tag + "-" + data.get("caseId").asString());
                }
            }
            lines.add(EventJson.mapper().writeValueAsString(node));
        }
        return lines;
    }

    /** Sends the lines in batches of {@code batchSize}; returns the number of events accepted (202). */
    public int send(List<String> lines, int batchSize) {
        int sent = 0;
        for (int from = 0; from < lines.size(); from += batchSize) {
            List<String> batch = lines.subList(from, Math.min(lines.size(), from + batchSize));
            sendBatch(batch);
            sent += batch.size();
        }
        return sent;
    }

    /** Sends one batch, retrying 503 and 429 and connection failures until it is accepted. */
    public Response sendBatch(List<String> batch) {
        byte[] body = (String.join("\n", batch) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicReference<Response> accepted = new AtomicReference<>();
        await("batch of " + batch.size() + " accepted")
                .atMost(GIVE_UP_AFTER)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    Response response;
                    try {
                        response = api.post("api/v1/events/batch", apiKey, NDJSON, body);
                    } catch (RuntimeException e) {
                        retried(0);
                        return false;
                    }
                    if (response.status() == 202) {
                        accepted.set(response);
                        return true;
                    }
                    if (response.status() == 503 || response.status() == 429) {
                        retried(response.status());
                        return false;
                    }
                    throw new AssertionError("batch refused: " + response);
                });
        return accepted.get();
    }

    private void retried(int status) {
        synchronized (retriedStatuses) {
            retriedStatuses.add(status);
        }
    }

    /** The HTTP statuses that were retried, in order; 0 for no answer (connection failed). */
    public List<Integer> retriedStatuses() {
        synchronized (retriedStatuses) {
            return List.copyOf(retriedStatuses);
        }
    }
}
