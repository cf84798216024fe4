package io.minxin.notice.decisions;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.minxin.events.EventJson;
import io.minxin.events.decision.Decision;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/**
 * A {@link DecisionLog} whose broker takes every decision (kept in {@link #published}), applying the given
 * projections as the service does; and the consumer's second application of a decision ({@link #replay}).
 */
public final class TestDecisionLog {
    private final List<Decision> published = new CopyOnWriteArrayList<>();
    private final DecisionLog log;

    public TestDecisionLog(Clock clock, List<DecisionProjection> projections) {
        StreamBridge bridge = mock(StreamBridge.class);
        when(bridge.send(anyString(), any())).thenAnswer(call -> {
            Message<?> message = call.getArgument(1);
            published.add(EventJson.mapper().readValue((byte[]) message.getPayload(), Decision.class));
            return true;
        });
        this.log = new DecisionLog(bridge, projections, clock);
    }

    public DecisionLog log() {
        return log;
    }

    /** Every decision the broker took, in order. */
    public List<Decision> published() {
        return List.copyOf(published);
    }

    /** The decisions consumer applying a decision read from the topic. */
    public Mono<Void> replay(Decision decision) {
        return log.apply(decision);
    }
}
