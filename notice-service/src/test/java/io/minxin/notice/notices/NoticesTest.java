package io.minxin.notice.notices;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.minxin.events.Channel;
import io.minxin.events.notice.Notice;
import io.minxin.events.notice.NoticeType;
import io.minxin.notice.MutableClock;
import io.minxin.notice.mongo.InMemoryMongo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class NoticesTest {
    static final Instant T0 = Instant.parse("2020-09-10T02:00:00Z");

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final MutableClock clock = new MutableClock(T0);
    private final NoticeStore store = new NoticeStore(mongo.database(), clock);
    private final List<Notice> sunk = new ArrayList<>();
    private final AtomicBoolean sinkDown = new AtomicBoolean();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Notices notices = new Notices(
            store,
            List.of(notice -> sinkDown.get()
                    ? Mono.error(new IllegalStateException("broker down"))
                    : Mono.fromRunnable(() -> sunk.add(notice))),
            meters,
            clock);

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void theSameNoticeEmittedTwiceIsStoredAndFannedOutOnce() {
        Notice notice = notice("pushback-confirmed|625810|xlt-zhenxing", NoticeType.PUSHBACK_CONFIRMED);

        assertThat(notices.emit(notice).block()).isTrue();
        assertThat(notices.emit(notice).block()).isFalse();

        assertThat(sunk).containsExactly(notice);
        assertThat(notices.find(null, null, null, 100).collectList().block()).containsExactly(notice);
        assertThat(meters.counter("minxin.notices", "type", "PUSHBACK_CONFIRMED")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void storedNoticeReadsBackEqual() {
        Notice notice = Notice.builder(NoticeType.TARGET_MISSED, "target-missed|u|WEB|2020-09|COMPLETION", T0)
                .period("2020-09")
                .unit("u", "单位")
                .channel(Channel.WEB)
                .title("未达标")
                .text("文本")
                .fact("rate", 0.8666666666666667)
                .fact("numerator", 26L)
                .fact("missedDays", List.of("2020-09-01", "2020-09-02"))
                .build();
        notices.emit(notice).block();

        Notice stored = store.byId(notice.id()).block();

        assertThat(stored).usingRecursiveComparison().ignoringFields("facts").isEqualTo(notice);
        assertThat(stored.facts())
                .containsEntry("rate", 0.8666666666666667)
                .containsEntry("missedDays", List.of("2020-09-01", "2020-09-02"));
        assertThat(((Number) stored.facts().get("numerator")).longValue()).isEqualTo(26L);
    }

    @Test
    void queryFiltersByTypeUnitAndPeriod() {
        notices.emitAll(List.of(
                        notice("a", NoticeType.PUSHBACK_ALERT),
                        Notice.builder(NoticeType.DUTY_LETTER, "b", T0)
                                .period("2020-10")
                                .unit("u2", null)
                                .title("t")
                                .text("x")
                                .build(),
                        notice("c", NoticeType.DUTY_LETTER)))
                .block();

        assertThat(notices.find(NoticeType.DUTY_LETTER, null, null, 10)
                        .map(Notice::id)
                        .collectList()
                        .block())
                .containsExactly("b", "c");
        assertThat(notices.find(null, "u2", null, 10)
                        .map(Notice::id)
                        .collectList()
                        .block())
                .containsExactly("b");
        assertThat(notices.find(null, null, "2020-09", 10)
                        .map(Notice::id)
                        .collectList()
                        .block())
                .containsExactly("a", "c");
    }

    @Test
    void anInterruptedFanOutIsResumedLater() {
        Notice notice = notice("duty-letter|u|2020-09", NoticeType.DUTY_LETTER);
        sinkDown.set(true);
        assertThat(notices.emit(notice).onErrorReturn(false).block()).isFalse();
        sinkDown.set(false);

        notices.resumeFanOut();
        assertThat(sunk)
                .as("too young: its fan-out may still be running elsewhere")
                .isEmpty();
        clock.advance(Duration.ofMinutes(2));
        notices.resumeFanOut();
        notices.resumeFanOut();

        assertThat(sunk).containsExactly(notice);
    }

    private static Notice notice(String id, NoticeType type) {
        return Notice.builder(type, id, T0)
                .period("2020-09")
                .unit("u1", "单位一")
                .caseId("c1")
                .title("title " + id)
                .text("text " + id)
                .fact("k", "v")
                .build();
    }
}
