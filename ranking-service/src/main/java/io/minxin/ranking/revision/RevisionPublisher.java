package io.minxin.ranking.revision;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.minxin.events.Channel;
import io.minxin.events.EventJson;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.RevisionStatus;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Publishes revisions on {@code rankings} (binding {@code rankings-out-0}, key {@code period|channel}, the JSON of
 * the contract), and live views under {@code period|channel|LIVE}. The binding is synchronous, so a revision counts
 * as published only once the broker has it.
 */
@Component
class RevisionPublisher {
    static final String BINDING = "rankings-out-0";

    private final StreamBridge bridge;
    private final Map<Channel, Counter> published = new EnumMap<>(Channel.class);

    RevisionPublisher(StreamBridge bridge, MeterRegistry registry) {
        this.bridge = bridge;
        // Registered up front, so the series exist (at 0) before the first close.
        for (Channel channel : Channel.values()) {
            published.put(
                    channel,
                    Counter.builder("minxin.ranking.revisions.published")
                            .description("ranking revisions published on the rankings topic")
                            .tag("channel", channel.name())
                            .register(registry));
        }
    }

    void publish(RankingRevision revision) {
        send(revision);
        published.get(revision.channel()).increment();
    }

    /**
     * Puts the live view of an open period on {@code rankings}, under its own key ({@link RankingRevision#key()}
     * of a {@code LIVE} view), so that other services (the bulletin draft) can show it; not counted as published.
     */
    void publishLive(RankingRevision view) {
        if (view.status() != RevisionStatus.LIVE) {
            throw new IllegalArgumentException("not a live view: " + view.status());
        }
        send(view);
    }

    private void send(RankingRevision revision) {
        Message<byte[]> message = MessageBuilder.withPayload(EventJson.mapper().writeValueAsBytes(revision))
                .setHeader(KafkaHeaders.KEY, revision.key().getBytes(StandardCharsets.UTF_8))
                .build();
        if (!bridge.send(BINDING, message)) {
            throw new IllegalStateException("the rankings binding refused " + revision.key());
        }
    }
}
