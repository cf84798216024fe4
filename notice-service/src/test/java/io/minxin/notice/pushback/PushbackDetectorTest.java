package io.minxin.notice.pushback;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.EventJson;
import io.minxin.events.notice.Notice;
import io.minxin.events.notice.NoticeType;
import io.minxin.events.state.CaseState;
import io.minxin.notice.units.UnitNames;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class PushbackDetectorTest {
    static final String ZHENXING = "xlt-zhenxing";
    static final String ZHENXING_NAME = "盘锦市兴隆台区振兴街道办事处";
    static final String ZHUJIAN = "xlt-zhujian";
    static final String ZHUJIAN_NAME = "盘锦市兴隆台区住房和城乡建设局";

    private final PushbackDetector detector = new PushbackDetector(2, 3, UnitNames.xinglongtai());

    @Test
    void returnsTwiceBySameUnitRaisesOneAlert() {
        CaseState state = CaseStates.of("625810", "盘锦市民反映电梯未开通问题")
                .accepted(ZHENXING, ZHENXING_NAME)
                .returned(ZHENXING, "请分派至住建部门")
                .reassignedAndReturned(ZHENXING, ZHENXING_NAME, "请分派至住建部门")
                .state();

        List<Notice> notices = detector.examine(state);

        assertThat(notices).singleElement().satisfies(alert -> {
            assertThat(alert.id()).isEqualTo("pushback-alert|625810|xlt-zhenxing|UNIT_RETURNS");
            assertThat(alert.type()).isEqualTo(NoticeType.PUSHBACK_ALERT);
            assertThat(alert.unitId()).isEqualTo(ZHENXING);
            assertThat(alert.unitName()).isEqualTo(ZHENXING_NAME);
            assertThat(alert.period()).isEqualTo("2020-09");
            assertThat(alert.occurredAt()).isEqualTo(state.returns().get(1).occurredAt());
            assertThat(alert.text()).contains("振兴街道两次均以“请分派至住建部门”为由退件");
        });
    }

    @Test
    void oneReturnRaisesNothing() {
        CaseState state = CaseStates.of("1", "问题")
                .accepted(ZHENXING, ZHENXING_NAME)
                .returned(ZHENXING, "不属于本单位")
                .accepted(ZHUJIAN, ZHUJIAN_NAME)
                .state();

        assertThat(detector.examine(state)).isEmpty();
    }

    @Test
    void returnsByTwoUnitsOnceEachRaiseNoUnitAlert() {
        CaseState state = CaseStates.of("2", "问题")
                .accepted(ZHENXING, ZHENXING_NAME)
                .returned(ZHENXING, "不属于本单位")
                .accepted(ZHUJIAN, ZHUJIAN_NAME)
                .returned(ZHUJIAN, "应由街道处理")
                .state();

        assertThat(detector.examine(state)).isEmpty();
    }

    @Test
    void thirdReturnOverallRaisesCaseAlertNamingTheUnitOfThatReturn() {
        CaseState state = CaseStates.of("3", "问题")
                .accepted(ZHENXING, ZHENXING_NAME)
                .returned(ZHENXING, "不属于本单位")
                .accepted(ZHUJIAN, ZHUJIAN_NAME)
                .returned(ZHUJIAN, "应由街道处理")
                .accepted(ZHENXING, ZHENXING_NAME)
                .returned(ZHENXING, "请分派至住建部门")
                .state();

        List<Notice> notices = detector.examine(state);

        assertThat(notices)
                .extracting(Notice::id)
                .containsExactly(
                        "pushback-alert|3|xlt-zhenxing|CASE_RETURNS", "pushback-alert|3|xlt-zhenxing|UNIT_RETURNS");
        assertThat(notices.get(0).text()).contains("已累计退件3次（振兴街道2次、住房和城乡建设局1次）");
    }

    @Test
    void furtherReturnsKeepTheSameAlertsAsTheFirstCrossing() {
        CaseStates states = CaseStates.of("4", "问题")
                .accepted(ZHENXING, ZHENXING_NAME)
                .returned(ZHENXING, "a")
                .reassignedAndReturned(ZHENXING, ZHENXING_NAME, "b")
                .reassignedAndReturned(ZHENXING, ZHENXING_NAME, "c");
        List<Notice> atThird = detector.examine(states.state());

        List<Notice> atFifth = detector.examine(states.reassignedAndReturned(ZHENXING, ZHENXING_NAME, "d")
                .reassignedAndReturned(ZHENXING, ZHENXING_NAME, "e")
                .state());

        assertThat(atFifth).isEqualTo(atThird).hasSize(2);
    }

    @Test
    void thresholdsAreConfigurable() {
        PushbackDetector strict = new PushbackDetector(1, 2, UnitNames.xinglongtai());
        CaseState state = CaseStates.of("5", "问题")
                .accepted(ZHENXING, ZHENXING_NAME)
                .returned(ZHENXING, "不属于本单位")
                .state();

        assertThat(strict.examine(state))
                .extracting(Notice::id)
                .containsExactly("pushback-alert|5|xlt-zhenxing|UNIT_RETURNS");
    }

    @Test
    void confirmedPushbackDecidedByMetricsServiceIsRaisedAtTheConclusion() {
        CaseState state = CaseStates.of("6", "问题")
                .accepted(ZHENXING, ZHENXING_NAME)
                .returned(ZHENXING, "不属于本单位")
                .accepted(ZHENXING, ZHENXING_NAME)
                .concludedAfterPushback(ZHENXING)
                .state();

        assertThat(detector.examine(state)).singleElement().satisfies(confirmed -> {
            assertThat(confirmed.id()).isEqualTo("pushback-confirmed|6|xlt-zhenxing");
            assertThat(confirmed.type()).isEqualTo(NoticeType.PUSHBACK_CONFIRMED);
            assertThat(confirmed.unitName()).isEqualTo(ZHENXING_NAME);
            assertThat(confirmed.occurredAt()).isEqualTo(state.conclusion().occurredAt());
            assertThat(confirmed.facts()).containsEntry("reason", "推诿").containsEntry("caseTitle", "问题");
        });
    }

    @Test
    void conclusionByAUnitThatReturnedTheCaseIsNoPushbackUnlessMetricsServiceSaysSo() {
        CaseState state = CaseStates.of("6a", "问题")
                .accepted(ZHENXING, ZHENXING_NAME)
                .returned(ZHENXING, "不属于本单位")
                .accepted(ZHENXING, ZHENXING_NAME)
                .concluded(ZHENXING)
                .state();

        assertThat(detector.examine(state)).isEmpty();
    }

    @Test
    void confirmedPushbackIsExplainedByTheReturnsTheDecisionNames() {
        CaseStates states = returnedTwiceByZhenxingAndReassigned("6b");
        CaseState state = states.concludedAfterPushback(
                        ZHENXING, states.returns().subList(1, 2))
                .state();

        List<Notice> confirmed = detector.examine(state).stream()
                .filter(n -> n.type() == NoticeType.PUSHBACK_CONFIRMED)
                .toList();

        assertThat(confirmed).singleElement().satisfies(notice -> {
            assertThat(notice.text()).isEqualTo("振兴街道以“请分派至住建部门”为由退件，目前该案件已由振兴街道结案。");
            assertThat(notice.facts()).containsEntry("returnCount", 1).containsEntry("reasons", List.of("请分派至住建部门"));
        });
    }

    @Test
    void pushbackInAStateWrittenBeforeItNamedItsReturnsRaisesOnlyTheAlerts() {
        CaseState current = returnedTwiceByZhenxingAndReassigned("6c")
                .concludedAfterPushback(ZHENXING)
                .state();
        ObjectNode json = EventJson.mapper().valueToTree(current);
        json.remove("confirmedPushback");
        CaseState old = EventJson.mapper().treeToValue(json, CaseState.class);
        assertThat(old.pushback()).isTrue();

        assertThat(detector.examine(old))
                .extracting(Notice::id)
                .containsExactly("pushback-alert|6c|xlt-zhenxing|UNIT_RETURNS");
    }

    @Test
    void conclusionByAnotherUnitIsNoPushback() {
        CaseState state = CaseStates.of("7", "问题")
                .accepted(ZHENXING, ZHENXING_NAME)
                .returned(ZHENXING, "应由住建部门处理")
                .accepted(ZHUJIAN, ZHUJIAN_NAME)
                .concluded(ZHUJIAN)
                .state();

        assertThat(detector.examine(state)).isEmpty();
    }

    @Test
    void pendingCaseRaisesNothing() {
        CaseState state = new CaseState(
                "8",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(
                        new CaseState.Return(ZHENXING, "x", java.time.Instant.EPOCH),
                        new CaseState.Return(ZHENXING, "y", java.time.Instant.EPOCH.plusSeconds(1))),
                null,
                null,
                false,
                List.of(),
                2,
                null);

        assertThat(detector.examine(state)).isEmpty();
    }

    private static CaseStates returnedTwiceByZhenxingAndReassigned(String caseId) {
        return CaseStates.of(caseId, "问题")
                .accepted(ZHENXING, ZHENXING_NAME)
                .returned(ZHENXING, "不属于本单位")
                .reassignedAndReturned(ZHENXING, ZHENXING_NAME, "请分派至住建部门")
                .accepted(ZHENXING, ZHENXING_NAME);
    }
}
