package io.minxin.notice.targets;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.minxin.events.Channel;
import io.minxin.events.notice.Notice;
import io.minxin.events.state.AssessmentPeriod;
import io.minxin.events.state.Counts;
import io.minxin.events.state.UnitMetrics;
import io.minxin.notice.MutableClock;
import io.minxin.notice.mongo.InMemoryMongo;
import io.minxin.notice.notices.NoticeStore;
import io.minxin.notice.notices.Notices;
import io.minxin.notice.units.UnitDirectory;
import io.minxin.notice.units.UnitNames;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class TargetAlertsTest {
    static final Counts ONE_LATE = new Counts(30, 26, 25, 20, 20, 10, 0, 0);

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final MutableClock clock = new MutableClock(Instant.parse("2020-09-15T02:00:00Z"));
    private final List<Notice> raised = new ArrayList<>();
    private final TargetSettings settings =
            new TargetSettings(new BigDecimal("0.95"), new BigDecimal("0.95"), BigDecimal.ONE, 10, Duration.ofHours(1));
    private final TargetAlerts alerts;

    TargetAlertsTest() {
        AssessmentPeriod periods = AssessmentPeriod.calendarMonth();
        Notices notices = new Notices(
                new NoticeStore(mongo.database(), clock),
                List.of(notice -> Mono.fromRunnable(() -> raised.add(notice))),
                new SimpleMeterRegistry(),
                clock);
        alerts = new TargetAlerts(
                new TargetCheck(settings.thresholds(), UnitNames.xinglongtai(), periods),
                new UnitMetricsStore(mongo.database()),
                new PeriodCloseStore(mongo.database(), clock),
                new UnitDirectory(mongo.database(), clock),
                notices,
                periods,
                settings,
                clock);
    }

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void runningPeriodGetsForecastsOnceAndItsCloseTheMissedTargets() {
        alerts.onMetrics(metrics("2020-09", ONE_LATE, 1)).block();
        alerts.onMetrics(metrics("2020-09", ONE_LATE, 2)).block();

        alerts.onClose("2020-09", Channel.PHONE, TargetAlerts.CLOSED_BY_RANKING).block();
        alerts.onClose("2020-09", Channel.PHONE, TargetAlerts.CLOSED_BY_RANKING).block();

        assertThat(raised)
                .extracting(Notice::id)
                .containsExactly(
                        "target-forecast|u1|PHONE|2020-09|ON_TIME",
                        "target-missed|u1|PHONE|2020-09|COMPLETION",
                        "target-missed|u1|PHONE|2020-09|ON_TIME");
    }

    @Test
    void endedPeriodWaitsForItsCloseWithoutForecasts() {
        alerts.onMetrics(metrics("2020-08", ONE_LATE, 1)).block();

        assertThat(raised).isEmpty();
    }

    @Test
    void lateRevisionOfAClosedPeriodIsJudgedAtOnce() {
        alerts.onClose("2020-08", Channel.PHONE, TargetAlerts.CLOSED_BY_RANKING).block();

        alerts.onMetrics(metrics("2020-08", new Counts(10, 10, 10, 10, 9, 0, 0, 0), 7))
                .block();

        assertThat(raised).extracting(Notice::id).containsExactly("target-missed|u1|PHONE|2020-08|SATISFACTION");
    }

    @Test
    void olderVersionOfTheMetricsChangesNothing() {
        alerts.onMetrics(metrics("2020-09", new Counts(30, 30, 30, 0, 0, 0, 0, 0), 5))
                .block();

        alerts.onMetrics(metrics("2020-09", ONE_LATE, 4)).block();

        assertThat(raised).isEmpty();
    }

    @Test
    void periodWithoutRankingIsClosedCloseAfterDaysAfterItsEnd() {
        alerts.onMetrics(metrics("2020-09", new Counts(30, 20, 20, 0, 0, 0, 0, 0), 1))
                .block();

        clock.set(Instant.parse("2020-10-10T15:59:00Z"));
        alerts.closeOverduePeriods();
        assertThat(raised).isEmpty();
        clock.set(Instant.parse("2020-10-10T16:00:00Z"));
        alerts.closeOverduePeriods();

        assertThat(raised).extracting(Notice::id).containsExactly("target-missed|u1|PHONE|2020-09|COMPLETION");
    }

    private static UnitMetrics metrics(String period, Counts counts, long version) {
        return new UnitMetrics("u1", "盘锦市兴隆台区惠宾街道办事处", Channel.PHONE, period, counts, version);
    }
}
