package io.minxin.events.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minxin.events.Channel;
import io.minxin.events.EventJson;
import io.minxin.events.EventType;
import io.minxin.events.Satisfaction;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class StateJsonTest {
    private static final Instant AT = Instant.parse("2020-09-01T01:02:03Z");

    @Test
    void unitMetricsWritesRatesWithoutDenominatorAsExplicitNull() {
        UnitMetrics metrics =
                new UnitMetrics("u1", "工信局", Channel.PHONE, "2020-09", new Counts(2, 1, 1, 0, 0, 0, 0, 0), 3);

        JsonNode json = EventJson.mapper().valueToTree(metrics);

        assertThat(json.path("rates").path("completionRate").asDouble()).isEqualTo(0.5);
        assertThat(json.path("rates").path("onTimeRate").asDouble()).isEqualTo(1.0);
        assertThat(json.path("rates").has("satisfactionRate")).isTrue();
        assertThat(json.path("rates").get("satisfactionRate").isNull()).isTrue();
        assertThat(json.path("counts").path("received").asLong()).isEqualTo(2);
        assertThat(EventJson.mapper().treeToValue(json, UnitMetrics.class)).isEqualTo(metrics);
    }

    @Test
    void unitMetricsRecomputesRatesFromCounts() {
        UnitMetrics metrics = new UnitMetrics(
                "u1",
                null,
                Channel.WEB,
                "2020-09",
                new Counts(4, 4, 3, 2, 2, 1, 0, 0),
                new Rates(0.0, 0.0, 0.0, 0.0),
                1);

        assertThat(metrics.rates()).isEqualTo(new Rates(1.0, 0.75, 1.0, 0.5));
    }

    @Test
    void keyIsUnitChannelPeriodReadFromTheRight() {
        assertThat(UnitMetrics.key("a|b", Channel.WEB, "2020-09")).isEqualTo("a|b|WEB|2020-09");
        assertThat(UnitMetrics.parseKey("a|b|WEB|2020-09"))
                .isEqualTo(new UnitMetrics.Key("a|b", Channel.WEB, "2020-09"));
    }

    @Test
    void caseStateRoundTripsAndWritesOnlyItsComponents() {
        CaseState state = caseState(true, null);

        JsonNode json = EventJson.mapper().valueToTree(state);

        assertThat(json.has("pending")).isFalse();
        assertThat(json.path("history").path(0).path("type").asString()).isEqualTo("minxin.case.accepted");
        assertThat(json.path("conclusion").path("onTime").asBoolean()).isTrue();
        assertThat(EventJson.mapper().treeToValue(json, CaseState.class)).isEqualTo(state);
        assertThat(state.returnsBy("zhifa")).isEqualTo(1);
        assertThat(json.has("confirmedPushback")).isFalse();
    }

    @Test
    void confirmedPushbackRoundTripsAndARecordWithoutItStillReads() {
        CaseState.Return returned = new CaseState.Return("zhifa", "不在我局执法范围", AT.plusSeconds(60));
        CaseState state = caseState(true, new CaseState.Pushback("zhifa", List.of(returned)));

        ObjectNode json = EventJson.mapper().valueToTree(state);

        assertThat(json.path("pushback").asBoolean()).isTrue();
        assertThat(json.path("confirmedPushback").path("unitId").asString()).isEqualTo("zhifa");
        assertThat(json.path("confirmedPushback")
                        .path("returns")
                        .path(0)
                        .path("reason")
                        .asString())
                .isEqualTo("不在我局执法范围");
        assertThat(EventJson.mapper().treeToValue(json, CaseState.class)).isEqualTo(state);
        // as written before the field existed
        json.remove("confirmedPushback");
        CaseState old = EventJson.mapper().treeToValue(json, CaseState.class);
        assertThat(old.pushback()).isTrue();
        assertThat(old).isEqualTo(caseState(true, null));
    }

    @Test
    void confirmedPushbackWithoutPushbackIsNoState() {
        CaseState.Pushback pushback = new CaseState.Pushback("zhifa", List.of());

        assertThatThrownBy(() -> caseState(false, pushback)).isInstanceOf(IllegalArgumentException.class);
    }

    private static CaseState caseState(boolean pushback, CaseState.Pushback confirmedPushback) {
        return new CaseState(
                "614418",
                "2020-09",
                Channel.PHONE,
                "食品安全",
                null,
                AT,
                "zhifa",
                "综合执法局",
                AT.plusSeconds(86400),
                List.of(new CaseState.Acceptance("zhifa", "综合执法局", AT, null)),
                List.of(new CaseState.Return("zhifa", "不在我局执法范围", AT.plusSeconds(60))),
                new CaseState.Conclusion("zhifa", "已处理", AT.plusSeconds(3600), true),
                new CaseState.Visit(Satisfaction.SATISFIED, true, AT.plusSeconds(7200)),
                pushback,
                List.of(new CaseState.HistoryEntry("e1", "/p", EventType.CASE_ACCEPTED, AT, "zhifa")),
                1,
                confirmedPushback);
    }
}
