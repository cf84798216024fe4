package io.minxin.notice.notices;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.minxin.events.notice.Notice;
import io.minxin.events.notice.NoticeType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one way a notice comes into being: stored once by its deterministic id, then fanned out to the
 * {@code notices} topic and the webhook outbox. Emitting the same notice again does nothing.
 */
@Service
public class Notices {
    private static final Logger log = LoggerFactory.getLogger(Notices.class);
    /** A fan-out younger than this may still be running in the instance that stored the notice. */
    private static final Duration FAN_OUT_GRACE = Duration.ofMinutes(1);

    private final NoticeStore store;
    private final List<NoticeSink> sinks;
    private final MeterRegistry meters;
    private final Clock clock;

    public Notices(NoticeStore store, List<NoticeSink> sinks, MeterRegistry meters, Clock clock) {
        this.store = store;
        this.sinks = sinks;
        this.meters = meters;
        this.clock = clock;
    }

    /** Stores and fans out the notice unless it exists; emits true when it was new. */
    public Mono<Boolean> emit(Notice notice) {
        return store.insertIfAbsent(notice).flatMap(created -> {
            if (!created) {
                return Mono.just(false);
            }
            counter(notice.type()).increment();
            return fanOut(notice).thenReturn(true);
        });
    }

    /** Emits the notices one after the other (their order is the delivery order); emits how many were new. */
    public Mono<Long> emitAll(List<Notice> notices) {
        return Flux.fromIterable(notices)
                .concatMap(this::emit)
                .filter(Boolean::booleanValue)
                .count();
    }

    public Flux<Notice> find(NoticeType type, String unitId, String period, int limit) {
        return store.find(type, unitId, period, limit);
    }

    /** Finishes fan-outs that an earlier run of the service (or instance) left half done. */
    @Scheduled(fixedDelayString = "${minxin.notice.resume-fan-out-interval:PT1M}")
    public void resumeFanOut() {
        Long resumed = store.notFannedOut(clock.instant().minus(FAN_OUT_GRACE))
                .concatMap(notice -> fanOut(notice).thenReturn(notice))
                .count()
                // the @Scheduled thread: with a fixed delay the next pass starts only after this one has finished
                .block();
        if (resumed != null && resumed > 0) {
            log.info("Resumed the fan-out of {} notices", resumed);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    public void createIndexes() {
        // start-up, on the main thread: the indexes exist before the service reports ready
        store.ensureIndexes().block(Duration.ofSeconds(30));
    }

    private Mono<Void> fanOut(Notice notice) {
        return Flux.fromIterable(sinks).concatMap(sink -> sink.accept(notice)).then(store.markFannedOut(notice.id()));
    }

    private Counter counter(NoticeType type) {
        return Counter.builder("minxin.notices")
                .description("Notices raised (stored for the first time), by type")
                .tag("type", type.name())
                .register(meters);
    }
}
