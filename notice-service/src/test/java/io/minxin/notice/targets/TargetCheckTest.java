package io.minxin.notice.targets;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.Channel;
import io.minxin.events.notice.Notice;
import io.minxin.events.notice.NoticeType;
import io.minxin.events.state.AssessmentPeriod;
import io.minxin.events.state.Counts;
import io.minxin.events.state.Rates;
import io.minxin.events.state.UnitMetrics;
import io.minxin.notice.units.UnitNames;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetCheckTest {
    static final Instant MID_SEPTEMBER = Instant.parse("2020-09-15T08:00:00Z");

    private final TargetCheck check = new TargetCheck(
            Map.of(
                    Target.SATISFACTION, new BigDecimal("0.95"),
                    Target.COMPLETION, new BigDecimal("0.95"),
                    Target.ON_TIME, BigDecimal.ONE),
            UnitNames.xinglongtai(),
            AssessmentPeriod.calendarMonth());

    @Test
    void ratesBelowTargetsAtCloseAreMissed() {
        // 办结 26/30 = 86.67%, 按时 26/26, 满意 19/20 = 95%
        UnitMetrics metrics = metrics(new Counts(30, 26, 26, 20, 19, 10, 0, 0));

        assertThat(check.missedAtClose(metrics)).singleElement().satisfies(missed -> {
            assertThat(missed.id()).isEqualTo("target-missed|xlt-huibin|WEB|2020-09|COMPLETION");
            assertThat(missed.type()).isEqualTo(NoticeType.TARGET_MISSED);
            assertThat(missed.channel()).isEqualTo(Channel.WEB);
            assertThat(missed.occurredAt()).isEqualTo(Instant.parse("2020-09-30T16:00:00Z"));
            assertThat(missed.text()).isEqualTo("盘锦市兴隆台区惠宾街道办事处（网络端）2020年9月办结率86.67%（26/30），低于95%的要求。");
            assertThat(missed.facts()).containsEntry("numerator", 26L).containsEntry("denominator", 30L);
            assertThat(missed.facts()).containsEntry("target", "completionRate");
        });
    }

    @Test
    void targetsNameTheirRatesAsTheReadApisDo() {
        assertThat(Rates.NAMES)
                .containsAll(java.util.Arrays.stream(Target.values())
                        .map(Target::rateName)
                        .toList());
    }

    @Test
    void oneLateConclusionMissesTheOnTimeTarget() {
        UnitMetrics metrics = metrics(new Counts(40, 40, 39, 0, 0, 0, 0, 0));

        assertThat(check.missedAtClose(metrics))
                .extracting(Notice::id)
                .containsExactly("target-missed|xlt-huibin|WEB|2020-09|ON_TIME");
    }

    @Test
    void ratesExactlyOnTargetAndRatesWithoutDenominatorMissNothing() {
        UnitMetrics onTarget = metrics(new Counts(20, 19, 19, 20, 19, 0, 0, 0));
        UnitMetrics nothingVisited = metrics(new Counts(1, 1, 1, 0, 0, 0, 0, 0));

        assertThat(check.missedAtClose(onTarget)).isEmpty();
        assertThat(check.missedAtClose(nothingVisited)).isEmpty();
    }

    @Test
    void anUnsatisfiedVisitExcludedFromSatisfactionMissesNothing() {
        // given 20 answered visits, 18 satisfied: 90 %, below 95 %
        Counts counts = new Counts(20, 20, 20, 20, 18, 0, 0, 0);
        // when both unsatisfied visits are excluded from 满意率 (剔除)
        Counts excluded = counts.excluding(Counts.Excluded.from("satisfactionRate", new Counts.Part(0, 2)));

        // then 18 of 18 assessed visits are satisfied, and neither the close nor the forecast raises anything
        assertThat(check.missedAtClose(metrics(counts))).isNotEmpty();
        assertThat(check.missedAtClose(metrics(excluded))).isEmpty();
        assertThat(check.forecast(metrics(excluded), Instant.parse("2020-09-10T00:00:00Z")))
                .isEmpty();
    }

    @Test
    void targetsAreConfigurable() {
        TargetCheck lenient = new TargetCheck(
                Map.of(Target.COMPLETION, new BigDecimal("0.80")),
                UnitNames.xinglongtai(),
                AssessmentPeriod.calendarMonth());

        assertThat(lenient.missedAtClose(metrics(new Counts(30, 26, 20, 20, 10, 0, 0, 0))))
                .isEmpty();
    }

    @Test
    void oneLateConclusionMakesTheOnTimeTargetUnreachableDuringTheMonth() {
        UnitMetrics metrics = metrics(new Counts(12, 5, 4, 0, 0, 0, 0, 0));

        assertThat(check.forecast(metrics, MID_SEPTEMBER)).singleElement().satisfies(warning -> {
            assertThat(warning.id()).isEqualTo("target-forecast|xlt-huibin|WEB|2020-09|ON_TIME");
            assertThat(warning.type()).isEqualTo(NoticeType.TARGET_FORECAST);
            assertThat(warning.occurredAt()).isEqualTo(MID_SEPTEMBER);
            assertThat(warning.text()).contains("按时办结率已无法达到100%", "已办结5件中1件超期", "最高也只有91.67%");
        });
    }

    @Test
    void satisfactionIsUnreachableOnceUnsatisfiedAnswersExceedFivePercentOfTheCasesReceived() {
        // 2 unsatisfied of 30 received: at best 28/30 = 93.33% < 95%
        UnitMetrics lost = metrics(new Counts(30, 10, 10, 5, 3, 0, 0, 0));
        // 1 unsatisfied of 30 received: 29/30 = 96.67% is still reachable
        UnitMetrics open = metrics(new Counts(30, 10, 10, 5, 4, 0, 0, 0));

        assertThat(check.forecast(lost, MID_SEPTEMBER))
                .extracting(Notice::id)
                .containsExactly("target-forecast|xlt-huibin|WEB|2020-09|SATISFACTION");
        assertThat(check.forecast(open, MID_SEPTEMBER)).isEmpty();
    }

    @Test
    void completionIsNeverForecast() {
        UnitMetrics metrics = metrics(new Counts(30, 0, 0, 0, 0, 0, 0, 0));

        assertThat(check.forecast(metrics, MID_SEPTEMBER)).isEmpty();
    }

    @Test
    void forecastAfterThePeriodIsDatedAtItsEnd() {
        UnitMetrics metrics = metrics(new Counts(12, 5, 4, 0, 0, 0, 0, 0));

        assertThat(check.forecast(metrics, Instant.parse("2020-10-20T00:00:00Z")))
                .extracting(Notice::occurredAt)
                .containsExactly(Instant.parse("2020-09-30T16:00:00Z"));
    }

    @Test
    void ratesArePrintedAsInTheBulletin() {
        assertThat(TargetCheck.percent(29, 30)).isEqualTo("96.67%");
        assertThat(TargetCheck.percent(49, 50)).isEqualTo("98%");
        assertThat(TargetCheck.percent(7, 7)).isEqualTo("100%");
        assertThat(TargetCheck.percent(new BigDecimal("0.95"))).isEqualTo("95%");
    }

    private static UnitMetrics metrics(Counts counts) {
        return new UnitMetrics("xlt-huibin", "盘锦市兴隆台区惠宾街道办事处", Channel.WEB, "2020-09", counts, 1);
    }
}
