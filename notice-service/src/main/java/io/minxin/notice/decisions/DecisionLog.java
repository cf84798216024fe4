package io.minxin.notice.decisions;

import io.minxin.events.EventJson;
import io.minxin.events.decision.Decision;
import io.minxin.events.decision.DecisionBody;
import io.minxin.events.identity.Caller;
import io.minxin.servicekit.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Takes a human decision: puts it on topic {@code decisions} (binding {@code decisions-out-0}, synchronous,
 * {@code acks=all}: the decision exists once the broker has it), then applies it to this service's projections.
 * A decision the broker did not take was not taken: the caller gets 503 problem JSON and nothing is stored.
 */
@Component
public class DecisionLog {
    static final String OUT = "decisions-out-0";

    private final StreamBridge bridge;
    private final List<DecisionProjection> projections;
    private final Clock clock;

    DecisionLog(StreamBridge bridge, List<DecisionProjection> projections, Clock clock) {
        this.bridge = bridge;
        this.projections = projections;
        this.clock = clock;
    }

    /** A new decision of {@code caller}, now, with a fresh id. */
    public Decision decide(Caller caller, String period, String reason, DecisionBody body) {
        return new Decision(
                UUID.randomUUID().toString(),
                period,
                caller.keyId(),
                caller.role().wireName(),
                clock.instant(),
                reason,
                body);
    }

    /** Publishes the decisions in order, then applies each; completes with them once all are stored. */
    public Mono<List<Decision>> record(List<Decision> decisions) {
        return Flux.fromIterable(decisions)
                .concatMap(decision -> publish(decision).then(apply(decision)).thenReturn(decision))
                .collectList();
    }

    /** {@link #record(List)} of one decision. */
    public Mono<Decision> record(Decision decision) {
        return record(List.of(decision)).thenReturn(decision);
    }

    /** Applies a decision read from the topic to every projection. */
    Mono<Void> apply(Decision decision) {
        return Flux.fromIterable(projections)
                .concatMap(projection -> projection.apply(decision))
                .then();
    }

    private Mono<Void> publish(Decision decision) {
        Message<byte[]> message = MessageBuilder.withPayload(EventJson.mapper().writeValueAsBytes(decision))
                .setHeader(KafkaHeaders.KEY, decision.key().getBytes(StandardCharsets.UTF_8))
                .build();
        return Mono.fromCallable(() -> bridge.send(OUT, message))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorReturn(false)
                .flatMap(sent -> sent
                        ? Mono.<Void>empty()
                        : Mono.error(ProblemException.eventLogUnavailable(
                                "the decision was not recorded: the event log did not take it; try again")));
    }
}
