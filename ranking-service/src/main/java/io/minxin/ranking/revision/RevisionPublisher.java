package io.minxin.ranking.revision;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.minxin.events.Channel;
import io.minxin.events.EventJson;
import io.minxin.events.ranking.RankingRevision;
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
 * the contract). The binding is synchronous, so a revision counts as published only once the broker has it.
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
        Message<byte[]> message = MessageBuilder.withPayload(EventJson.mapper().writeValueAsBytes(revision))
                .setHeader(KafkaHeaders.KEY, revision.key().getBytes(StandardCharsets.UTF_8))
                .build();
        if (!bridge.send(BINDING, message)) {
            throw new IllegalStateException("the rankings binding refused revision " + revision.id());
        }
        published.get(revision.channel()).increment();
    }
}
