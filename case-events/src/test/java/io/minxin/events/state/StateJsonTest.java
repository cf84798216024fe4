package io.minxin.events.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minxin.events.Channel;
import io.minxin.events.EventJson;
import io.minxin.events.EventType;
import io.minxin.events.Satisfaction;
import io.minxin.events.decision.Decision;
import io.minxin.events.decision.Exclusion;
import io.minxin.events.decision.Indicator;
import io.minxin.events.decision.PushbackRuling;
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

        assertThat(metrics.rates()).isEqualTo(new Rates(1.0, 0.75, 1.0, 0.5, null, 0.0, null, null, null, null, 0.0));
    }

    @Test
    void givenHandlingCountsWhenRatedThenReturnAndReopenRatesAreTheirFractionsAndNullWithoutDenominator() {
        Counts counts = new Counts(4, 2, 1, 0, 0, 0, 3, 0, null, 6, 2, 1);

        assertThat(counts.rates().returnRate()).isEqualTo(2.0 / 6);
        assertThat(counts.rates().reopenRate()).isEqualTo(0.5);
        assertThat(Counts.handling(0, 0, 0).rates().returnRate()).isNull();
        assertThat(Counts.handling(0, 0, 0).rates().reopenRate()).isNull();
        assertThat(counts.plus(counts).minus(counts)).isEqualTo(counts);
    }

    @Test
    void givenCountsWrittenBeforeTheHandlingCountsWhenReadThenTheyAreZeroAndTheRatesWrittenAsNull() {
        UnitMetrics read = EventJson.mapper().readValue("""
                        {"unitId":"u1","channel":"WEB","period":"2020-09","version":1,
                         "counts":{"received":1,"concluded":1,"concludedOnTime":1,"visited":0,"satisfied":0,
                                   "excellent":0,"returns":0,"pushbacks":0}}""", UnitMetrics.class);

        assertThat(read.counts()).isEqualTo(new Counts(1, 1, 1, 0, 0, 0, 0, 0));
        JsonNode written = EventJson.mapper().valueToTree(read);
        assertThat(written.path("counts").path("handled").asLong(-1)).isZero();
        assertThat(written.path("rates").has("returnRate")).isTrue();
        assertThat(written.path("rates").get("returnRate").isNull()).isTrue();
        assertThat(written.path("rates").path("reopenRate").asDouble()).isZero();
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
    void givenAMergedCaseThenMergedIntoRoundTripsAndARecordWrittenBeforeItReadsAsNotMerged() {
        CaseState plain = caseState(false, null);
        CaseState merged = with(plain, 2, List.of(), null, List.of(), "614400");

        ObjectNode json = EventJson.mapper().valueToTree(merged);

        assertThat(json.path("mergedInto").asString()).isEqualTo("614400");
        assertThat(EventJson.mapper().treeToValue(json, CaseState.class)).isEqualTo(merged);
        assertThat(merged.merged()).isTrue();
        assertThat(EventJson.mapper().valueToTree(plain).has("mergedInto")).isFalse();
        // as written before the field existed
        json.remove("mergedInto");
        CaseState old = EventJson.mapper().treeToValue(json, CaseState.class);
        assertThat(old.mergedInto()).isNull();
        assertThat(old.merged()).isFalse();
    }

    @Test
    void confirmedPushbackWithoutPushbackIsNoState() {
        CaseState.Pushback pushback = new CaseState.Pushback("zhifa", List.of());

        assertThatThrownBy(() -> caseState(false, pushback)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenNothingExcludedThenCountsAndUnitMetricsWriteNoExclusionFields() {
        UnitMetrics metrics =
                new UnitMetrics("u1", "工信局", Channel.PHONE, "2020-09", new Counts(2, 1, 1, 1, 1, 0, 1, 0), 3);

        JsonNode json = EventJson.mapper().valueToTree(metrics);

        assertThat(json.path("counts").has("excluded")).isFalse();
        assertThat(json.has("exclusions")).isFalse();
        assertThat(metrics.counts().excluded()).isNull();
    }

    @Test
    void givenAnExcludedVisitThenTheRateIsOfTheAssessedPartsAndTheCountsStillSum() {
        Counts.Excluded unsatisfiedVisit = Counts.Excluded.from("satisfactionRate", new Counts.Part(0, 1));
        Counts counts = new Counts(10, 10, 10, 4, 3, 1, 2, 0).excluding(unsatisfiedVisit);

        assertThat(counts.rates().satisfactionRate()).isEqualTo(1.0);
        assertThat(counts.rates().excellentRate()).isEqualTo(0.25);
        assertThat(counts.numerator("satisfactionRate")).isEqualTo(3);
        assertThat(counts.denominator("satisfactionRate")).isEqualTo(3);
        Counts other = new Counts(1, 1, 1, 1, 0, 0, 1, 0).excluding(Counts.Excluded.ofReturns(1));
        Counts sum = counts.plus(other);
        assertThat(sum.visited()).isEqualTo(5);
        assertThat(sum.excludedParts().satisfactionRate()).isEqualTo(new Counts.Part(0, 1));
        assertThat(sum.assessedReturns()).isEqualTo(2);
        assertThat(sum.rates().satisfactionRate()).isEqualTo(0.75);
        assertThat(sum.minus(other)).isEqualTo(counts);
        assertThat(counts.minus(counts).none()).isTrue();
    }

    @Test
    void givenExclusionsThenTheirJsonRoundTripsWithZeroPartsOmitted() {
        ExcludedCase excluded =
                new ExcludedCase("614418", List.of(Indicator.SATISFACTION_RATE), "经核实为不合理诉求", "d-1", AT, null);
        Counts counts = new Counts(1, 1, 1, 1, 0, 0, 0, 0)
                .excluding(Counts.Excluded.from("satisfactionRate", new Counts.Part(0, 1)));
        UnitMetrics metrics = new UnitMetrics("u1", "工信局", Channel.PHONE, "2020-09", counts, 3, List.of(excluded));

        JsonNode json = EventJson.mapper().valueToTree(metrics);

        JsonNode parts = json.path("counts").path("excluded");
        assertThat(parts.path("satisfactionRate").path("denominator").asLong()).isEqualTo(1);
        assertThat(parts.has("completionRate")).isFalse();
        assertThat(parts.path("returns").asLong()).isZero();
        assertThat(json.path("rates").get("satisfactionRate").isNull()).isTrue();
        assertThat(json.path("exclusions").path(0).path("indicators").path(0).asString())
                .isEqualTo("satisfactionRate");
        assertThat(json.path("exclusions").path(0).has("disputeId")).isFalse();
        assertThat(EventJson.mapper().treeToValue(json, UnitMetrics.class)).isEqualTo(metrics);
    }

    @Test
    void givenDecisionsThenTheCaseStateRoundTripsAndARecordWithoutThemStillReads() {
        Decision ruling = new Decision(
                "d-2",
                "2020-09",
                "key-op",
                "operator",
                AT,
                "属地问题",
                new PushbackRuling("614418", PushbackRuling.Verdict.REASSIGNED, "zhifa", "jiedao", "街道", "应由街道处理"));
        Decision exclusion = new Decision(
                "d-1",
                "2020-09",
                "key-op",
                "operator",
                AT,
                "不合理诉求",
                new Exclusion("614418", List.of(Indicator.SATISFACTION_RATE), true, null));
        CaseState plain = caseState(true, null);
        CaseState state = with(
                plain,
                3,
                List.of(exclusion, ruling),
                ruling,
                List.of(new ExcludedCase("614418", List.of(Indicator.SATISFACTION_RATE), "不合理诉求", "d-1", AT, null)),
                null);

        ObjectNode json = EventJson.mapper().valueToTree(state);

        assertThat(json.path("ruling").path("body").path("verdict").asString()).isEqualTo("REASSIGNED");
        assertThat(json.path("decisions").size()).isEqualTo(2);
        assertThat(EventJson.mapper().treeToValue(json, CaseState.class)).isEqualTo(state);
        assertThat(state.pushbackUnit()).isEqualTo("jiedao");
        assertThat(plain.pushbackUnit()).isEqualTo("zhifa");
        assertThat(EventJson.mapper().valueToTree(plain).has("decisions")).isFalse();
        json.remove(List.of("decisions", "ruling", "exclusions"));
        assertThat(EventJson.mapper().treeToValue(json, CaseState.class).decisions())
                .isEmpty();
    }

    /** {@code plain} (without confirmed 推诿) with the given version, decisions and merge. */
    private static CaseState with(
            CaseState plain,
            long version,
            List<Decision> decisions,
            Decision ruling,
            List<ExcludedCase> exclusions,
            String mergedInto) {
        return new CaseState(
                plain.caseId(),
                plain.period(),
                plain.channel(),
                plain.title(),
                plain.category(),
                plain.acceptedAt(),
                plain.owner(),
                plain.ownerName(),
                plain.dueAt(),
                plain.acceptances(),
                plain.returns(),
                plain.conclusion(),
                plain.visit(),
                plain.pushback(),
                plain.history(),
                version,
                null,
                decisions,
                ruling,
                exclusions,
                List.of(),
                mergedInto);
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
