package io.minxin.notice.pushback;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.EventJson;
import io.minxin.events.EventType;
import io.minxin.events.state.CaseState;
import io.minxin.events.state.CaseState.HistoryEntry;
import io.minxin.notice.units.UnitNames;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.support.MessageBuilder;

class PushbackConfigTest {
    private final PushbackDetector detector = new PushbackDetector(2, 3, UnitNames.xinglongtai());

    @Test
    void stateReadWithoutHistoryRaisesTheSameNoticesAsTheWholeState() {
        // given a folded state with its history, as metrics-service publishes it
        CaseState folded = CaseStates.of("625810", "盘锦市民反映电梯未开通问题")
                .accepted("xlt-zhenxing", "盘锦市兴隆台区振兴街道办事处")
                .returned("xlt-zhenxing", "请分派至住建部门")
                .reassignedAndReturned("xlt-zhenxing", "盘锦市兴隆台区振兴街道办事处", "请分派至住建部门")
                .accepted("xlt-zhenxing", "盘锦市兴隆台区振兴街道办事处")
                .concludedAfterPushback("xlt-zhenxing")
                .state();
        CaseState published = withHistory(folded);

        // when notice-service reads the record
        CaseState read = PushbackConfig.read(
                        MessageBuilder.withPayload(EventJson.mapper().writeValueAsBytes(published))
                                .build())
                .orElseThrow();

        // then everything but the history is there, and the notices are those of the whole state
        assertThat(read.history()).isEmpty();
        assertThat(read.returns()).isEqualTo(published.returns());
        assertThat(read.conclusion()).isEqualTo(published.conclusion());
        assertThat(read.confirmedPushback()).isNotNull().isEqualTo(published.confirmedPushback());
        assertThat(detector.examine(read)).isNotEmpty().isEqualTo(detector.examine(published));
    }

    @Test
    void recordThatIsNoCaseStateIsSkipped() {
        assertThat(PushbackConfig.read(
                        MessageBuilder.withPayload("[1,2".getBytes()).build()))
                .isEmpty();
    }

    private static CaseState withHistory(CaseState state) {
        List<HistoryEntry> history = state.returns().stream()
                .map(r -> new HistoryEntry(
                        "evt-" + r.occurredAt(), "/platform/test", EventType.CASE_RETURNED, r.occurredAt(), r.unitId()))
                .toList();
        return new CaseState(
                state.caseId(),
                state.period(),
                state.channel(),
                state.title(),
                state.category(),
                state.acceptedAt(),
                state.owner(),
                state.ownerName(),
                state.dueAt(),
                state.acceptances(),
                state.returns(),
                state.conclusion(),
                state.visit(),
                state.pushback(),
                history,
                state.version(),
                state.confirmedPushback());
    }
}
