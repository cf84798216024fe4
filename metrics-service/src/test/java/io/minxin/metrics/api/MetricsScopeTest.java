package io.minxin.metrics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minxin.events.Channel;
import io.minxin.events.EventType;
import io.minxin.events.identity.Scope;
import io.minxin.events.state.CaseState;
import io.minxin.events.state.Counts;
import io.minxin.events.state.UnitMetrics;
import io.minxin.metrics.query.Overview;
import io.minxin.servicekit.problem.ProblemException;
import io.minxin.servicekit.scope.Jurisdictions;
import io.minxin.servicekit.scope.UnitAccess;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class MetricsScopeTest {
    private static final Instant T = Instant.parse("2020-09-01T02:00:00Z");
    private final MetricsScope scope = new MetricsScope(new UnitAccess(Jurisdictions.UNKNOWN));

    private static UnitMetrics metrics(String unitId, Channel channel, long received) {
        return new UnitMetrics(
                unitId,
                unitId + " name",
                channel,
                "2020-09",
                new Counts(received, received, received, 0, 0, 0, 0, 0),
                1);
    }

    private final List<UnitMetrics> september = List.of(
            metrics("U01", Channel.PHONE, 10), metrics("U02", Channel.PHONE, 20), metrics("U01", Channel.WEB, 3));

    @Test
    void aUnitsOverviewIsMadeOfItsOwnFiguresOnly() {
        Overview overview = Overview.of("2020-09", scope.visible(Scope.unit("U01"), september));

        assertThat(overview.total().cases()).isEqualTo(13);
        assertThat(overview.total().units()).isEqualTo(1);
        assertThat(overview.channels().get(Channel.PHONE).cases()).isEqualTo(10);
    }

    @Test
    void theCityWideScopeSeesEveryUnit() {
        assertThat(scope.visible(Scope.ALL, september)).isEqualTo(september);
    }

    @Test
    void aUnitOfNoRowsSeesAnEmptyTableNotOthers() {
        assertThat(scope.visible(Scope.unit("U09"), september)).isEmpty();
        assertThat(scope.visible(Scope.jurisdiction("xinglongtai"), september)).isEmpty();
    }

    @Test
    void anotherUnitsSeriesIsRefused() {
        scope.requireUnit(Scope.unit("U01"), "U01");
        assertThatThrownBy(() -> scope.requireUnit(Scope.unit("U01"), "U02"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        refusal -> assertThat(refusal.status()).isEqualTo(HttpStatus.FORBIDDEN));
    }

    /** U01 accepted and returned it, U02 owns and concluded it. */
    private static CaseState reassigned() {
        return new CaseState(
                "614418",
                "2020-09",
                Channel.PHONE,
                "路灯不亮",
                null,
                T,
                "U02",
                "U02 name",
                null,
                List.of(
                        new CaseState.Acceptance("U01", "U01 name", T, null),
                        new CaseState.Acceptance("U02", "U02 name", T.plusSeconds(7200), null)),
                List.of(new CaseState.Return("U01", "请分派至住建部门", T.plusSeconds(3600))),
                new CaseState.Conclusion("U02", "已修复", T.plusSeconds(86400), true),
                null,
                false,
                List.of(new CaseState.HistoryEntry("e1", "/test", EventType.CASE_ACCEPTED, T, "U01")),
                4,
                null);
    }

    @Test
    void aCaseIsReadableByEveryUnitItHasHadAndNoOther() {
        assertThat(MetricsScope.unitsOf(reassigned())).containsExactly("U02", "U01");
        assertThat(scope.requireCase(Scope.unit("U02"), reassigned()).caseId()).isEqualTo("614418");
        assertThat(scope.requireCase(Scope.unit("U01"), reassigned()).caseId()).isEqualTo("614418");
        assertThatThrownBy(() -> scope.requireCase(Scope.unit("U03"), reassigned()))
                .isInstanceOfSatisfying(ProblemException.class, refusal -> {
                    assertThat(refusal.status()).isEqualTo(HttpStatus.FORBIDDEN);
                    assertThat(refusal.getMessage()).endsWith("does not cover case 614418");
                });
    }
}
