package io.minxin.notice.pushback;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.minxin.events.EventJson;
import io.minxin.events.state.CaseState;
import io.minxin.notice.kafka.InboundRecords;
import io.minxin.notice.notices.Notices;
import io.minxin.notice.units.UnitNameSettings;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import reactor.core.publisher.Flux;
import tools.jackson.databind.ObjectReader;

/** Topic {@code case-state} → 推诿 alerts, and every {@link CaseStateProjection} (较差件 candidates, cases). */
@Configuration(proxyBeanMethods = false)
class PushbackConfig {
    /**
     * case-state without the history: the detector reads the returns and the conclusion, and the history (every
     * event of the case) is most of each record, so it is skipped unparsed (reading case-state whole was about half
     * of this service's CPU under load, in a JFR profile).
     */
    private static final ObjectReader WITHOUT_HISTORY = EventJson.mapper()
            .rebuild()
            .addMixIn(CaseState.class, WithoutHistory.class)
            .build()
            .readerFor(CaseState.class);

    @JsonIgnoreProperties({"history"})
    private interface WithoutHistory {}

    @Bean
    PushbackDetector pushbackDetector(PushbackSettings settings, UnitNameSettings names) {
        return new PushbackDetector(settings.unitReturns(), settings.caseReturns(), names.unitNames());
    }

    /** The case-state of a record, without its history; empty for a tombstone or a record that is none. */
    static Optional<CaseState> read(Message<?> message) {
        return InboundRecords.read(message, WITHOUT_HISTORY, CaseState.class);
    }

    /**
     * Input binding {@code caseState-in-0}: the 推诿 alerts, then every {@link CaseStateProjection} (the confirmed
     * 推诿 is the 较差件 review's, which raises its notice); a failure is retried by the binder, the offset waits for
     * it.
     */
    @Bean
    Consumer<Message<byte[]>> caseState(
            PushbackDetector detector, Notices notices, List<CaseStateProjection> projections) {
        return message -> read(message)
                // a Kafka listener thread: the offset must not advance before the notices and projections are stored
                .ifPresent(state -> notices.emitAll(detector.alerts(state))
                        .thenMany(Flux.fromIterable(projections).concatMap(projection -> projection.apply(state)))
                        .then()
                        .block(InboundRecords.STORE_TIMEOUT));
    }
}
