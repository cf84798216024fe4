package io.minxin.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.Accepted;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.Concluded;
import io.minxin.events.EventData;
import io.minxin.events.EventJson;
import io.minxin.events.UnitLogin;
import io.minxin.events.UnitRegistered;
import io.minxin.events.decision.Decision;
import io.minxin.events.decision.Exclusion;
import io.minxin.events.decision.Indicator;
import io.minxin.events.state.AssessmentPeriod;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodFilterTest {
    private static final YearMonth SEPTEMBER = YearMonth.of(2020, 9);
    private final PeriodFilter calendarMonth = new PeriodFilter(AssessmentPeriod.calendarMonth(), SEPTEMBER);

    @Test
    void givenCaseFirstAcceptedInPeriod_whenConcludedNextMonth_thenAllItsRecordsBelongToThePeriod() {
        calendarMonth.noteCaseEvent("c1", accepted("c1", "2020-09-30T15:00:00Z"));
        calendarMonth.noteCaseEvent("c1", concluded("c1", "2020-10-08T02:00:00Z"));

        assertThat(calendarMonth.caseInPeriod("c1")).isTrue();
        assertThat(calendarMonth.casesInPeriod()).isEqualTo(1);
    }

    @Test
    void givenCaseAcceptedBeforeThePeriod_whenAcceptedAgainInIt_thenTheFirstAcceptanceDecidesAndItIsLeftOut() {
        // read in the other order: the earliest acceptance wins whatever the order of the topic
        calendarMonth.noteCaseEvent("c2", accepted("c2", "2020-09-03T01:00:00Z"));
        calendarMonth.noteCaseEvent("c2", accepted("c2", "2020-08-31T15:59:59Z"));

        assertThat(calendarMonth.caseInPeriod("c2")).isFalse();
    }

    @Test
    void givenTheLocalDateInShanghai_whenAcceptedLateOnTheLastUtcDayOfAugust_thenItIsSeptember() {
        calendarMonth.noteCaseEvent("c3", accepted("c3", "2020-08-31T16:00:00Z"));

        assertThat(calendarMonth.caseInPeriod("c3")).isTrue();
    }

    @Test
    void givenCutOffDay25_whenCasesAcceptedAroundIt_thenThePeriodRunsFrom26AugustTo25September() {
        PeriodFilter cutOff25 = new PeriodFilter(AssessmentPeriod.cutOffOn(25), SEPTEMBER);
        cutOff25.noteCaseEvent("aug26", accepted("aug26", "2020-08-26T02:00:00Z"));
        cutOff25.noteCaseEvent("sep25", accepted("sep25", "2020-09-25T15:00:00Z"));
        cutOff25.noteCaseEvent("sep26", accepted("sep26", "2020-09-26T02:00:00Z"));
        cutOff25.noteCaseEvent("aug25", accepted("aug25", "2020-08-25T02:00:00Z"));

        assertThat(cutOff25.caseInPeriod("aug26")).isTrue();
        assertThat(cutOff25.caseInPeriod("sep25")).isTrue();
        assertThat(cutOff25.caseInPeriod("sep26")).isFalse();
        assertThat(cutOff25.caseInPeriod("aug25")).isFalse();
    }

    @Test
    void givenCaseKnownOnlyFromAConclusion_whenAsked_thenItBelongsToNoPeriod() {
        calendarMonth.noteCaseEvent("c4", concluded("c4", "2020-09-10T02:00:00Z"));
        calendarMonth.noteCaseEvent("c5", "not json".getBytes(StandardCharsets.UTF_8));

        assertThat(calendarMonth.caseInPeriod("c4")).isFalse();
        assertThat(calendarMonth.caseInPeriod("c5")).isFalse();
        assertThat(calendarMonth.caseInPeriod(null)).isFalse();
    }

    @Test
    void givenUnitActivity_whenFiltered_thenLogInsOfThePeriodAndRegistrationsBeforeItsEndAreKept() {
        assertThat(calendarMonth.unitActivityInPeriod(login("2020-09-01T00:30:00Z")))
                .isTrue();
        assertThat(calendarMonth.unitActivityInPeriod(login("2020-08-31T16:30:00Z")))
                .isTrue();
        assertThat(calendarMonth.unitActivityInPeriod(login("2020-09-30T16:30:00Z")))
                .isFalse();
        assertThat(calendarMonth.unitActivityInPeriod(login("2020-08-30T09:00:00Z")))
                .isFalse();
        assertThat(calendarMonth.unitActivityInPeriod(registered("2019-01-01T00:00:00Z")))
                .isTrue();
        assertThat(calendarMonth.unitActivityInPeriod(registered("2020-09-30T15:59:59Z")))
                .isTrue();
        assertThat(calendarMonth.unitActivityInPeriod(registered("2020-09-30T16:00:00Z")))
                .isFalse();
        assertThat(calendarMonth.unitActivityInPeriod("{".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
    }

    @Test
    void givenDecisions_whenFiltered_thenTheirPeriodDecidesAndAnUnknownKindIsKeptByItsPeriod() {
        assertThat(calendarMonth.decisionInPeriod(decision("2020-09"))).isTrue();
        assertThat(calendarMonth.decisionInPeriod(decision("2020-10"))).isFalse();
        assertThat(calendarMonth.decisionInPeriod(
                        "{\"id\":\"x\",\"period\":\"2020-09\",\"body\":{\"kind\":\"from-a-newer-contract\"}}"
                                .getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(calendarMonth.decisionInPeriod("[".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
    }

    private static byte[] accepted(String caseId, String at) {
        return event(new Accepted(caseId, "u1", "单位", Channel.PHONE, "诉求", null, Instant.parse(at), null, null, null));
    }

    private static byte[] concluded(String caseId, String at) {
        return event(new Concluded(caseId, "u1", "已办结", Instant.parse(at)));
    }

    private static byte[] login(String at) {
        return event(new UnitLogin("u1", Instant.parse(at)));
    }

    private static byte[] registered(String at) {
        return event(new UnitRegistered("u1", "单位", "211103", "兴隆台区", Instant.parse(at)));
    }

    private static byte[] event(EventData data) {
        return EventJson.toBytes(CaseEvent.of("e-" + data.hashCode(), "/test", data));
    }

    private static byte[] decision(String period) {
        return EventJson.mapper()
                .writeValueAsBytes(new Decision(
                        "d-" + period,
                        period,
                        "account:op",
                        "operator",
                        Instant.parse("2020-10-05T02:00:00Z"),
                        "测试",
                        new Exclusion("c1", List.of(Indicator.SATISFACTION_RATE), true, null)));
    }
}
