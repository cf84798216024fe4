package io.minxin.ranking.engine;

import static io.minxin.ranking.engine.Units.counted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minxin.events.decision.Indicator;
import io.minxin.events.ranking.Ineligibility;
import io.minxin.events.ranking.NotEligibleUnit;
import io.minxin.events.ranking.RankingRow;
import io.minxin.events.ranking.ScoreItem;
import io.minxin.events.ranking.ScoreTerm;
import io.minxin.events.state.Counts;
import io.minxin.events.state.ExcludedCase;
import io.minxin.events.state.Rates;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingEngineTest {

    @Test
    void weightedScoreReproducesTheOrderOfTable1() {
        Ranking ranking = RankingEngine.rank(TestPolicies.weighted(), ReferenceBulletin.phoneUnits());

        assertThat(ranking.rows().subList(0, 5)).extracting(RankingRow::unitId).isEqualTo(ReferenceBulletin.TABLE_1);
        assertThat(ranking.rows().subList(0, 5)).extracting(RankingRow::rank).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void lexicographicOrderReproducesTheOrderAndScoresOfTable2() {
        Ranking ranking = RankingEngine.rank(TestPolicies.lexicographic(), ReferenceBulletin.webUnits());

        List<RankingRow> top = ranking.rows().subList(0, 5);
        assertThat(top).extracting(RankingRow::unitId).isEqualTo(ReferenceBulletin.TABLE_2);
        assertThat(top).extracting(RankingRow::rank).containsExactly(1, 2, 3, 4, 5);
        assertThat(top).extracting(RankingRow::bonus).isEqualTo(ReferenceBulletin.TABLE_2_BONUS);
        assertThat(top).extracting(RankingRow::penalty).containsOnly(0.0);
        assertThat(top).extracting(RankingRow::total).isEqualTo(ReferenceBulletin.TABLE_2_TOTAL);
    }

    @Test
    void givenALateConclusionExcludedFromTheOnTimeRateThenTheRowListsItAndNeitherRateNorPenaltyCountIt() {
        ExcludedCase excluded = new ExcludedCase(
                "625810",
                List.of(Indicator.ON_TIME_RATE),
                "申诉成立：延期已获批准",
                "d-1",
                Instant.parse("2020-10-05T01:00:00Z"),
                "dispute-1");
        Counts counts = new Counts(10, 10, 9, 5, 5, 5, 0, 0)
                .excluding(Counts.Excluded.from("onTimeRate", new Counts.Part(0, 1)));
        UnitPerformance unit = new UnitPerformance("a", "a", counts, Rates.of(counts), List.of(excluded));

        RankingRow row = RankingEngine.rank(TestPolicies.weighted(), List.of(unit))
                .rows()
                .get(0);

        assertThat(row.exclusions()).containsExactly(excluded);
        assertThat(row.inputs().rates().onTimeRate()).isEqualTo(1.0);
        assertThat(row.penalties())
                .filteredOn(item -> item.fact().equals("LATE_CONCLUSION"))
                .extracting(ScoreItem::count)
                .containsExactly(0L);
        assertThat(Rate.ON_TIME.denominatorOf(unit)).isEqualTo(9);
    }

    @Test
    void exactTieIsBrokenByMoreCasesReceived() {
        UnitPerformance fewer = counted("fewer", 8, 8, 8, 5, 5, 5, 0, 0);
        UnitPerformance more = counted("more", 12, 12, 12, 7, 7, 7, 0, 0);

        Ranking ranking = RankingEngine.rank(TestPolicies.weighted(), List.of(fewer, more));

        assertThat(ranking.rows()).extracting(RankingRow::unitId).containsExactly("more", "fewer");
        assertThat(ranking.rows()).extracting(RankingRow::rank).containsExactly(1, 2);
    }

    @Test
    void unitsEqualInOrderAndTieBreaksShareTheirRank() {
        UnitPerformance a = counted("a", 10, 10, 10, 5, 5, 5, 0, 0);
        UnitPerformance b = counted("b", 10, 10, 10, 5, 5, 5, 0, 0);
        UnitPerformance c = counted("c", 10, 9, 9, 5, 5, 5, 0, 0);

        Ranking ranking = RankingEngine.rank(TestPolicies.lexicographic(), List.of(c, b, a));

        assertThat(ranking.rows()).extracting(RankingRow::unitId).containsExactly("a", "b", "c");
        assertThat(ranking.rows()).extracting(RankingRow::rank).containsExactly(1, 1, 3);
    }

    @Test
    void weightedSumsThatDifferOnlyByFloatingPointNoiseShareTheirRank() {
        // 0.2·0.7 + 0.4·0.1 and 0.2·0.1 + 0.4·0.4 are both 0.18 but not the same double.
        UnitPerformance a = Units.stated("a", 10, 10, 1, 0.7, 0.0, 0.0, 0.1);
        UnitPerformance b = Units.stated("b", 10, 10, 4, 0.1, 0.0, 0.0, 0.4);

        Ranking ranking = RankingEngine.rank(TestPolicies.weighted(), List.of(a, b));

        assertThat(ranking.rows()).extracting(RankingRow::rank).containsExactly(1, 1);
    }

    @Test
    void unitBelowMinReceivedIsListedAsNotEligibleWithTheReason() {
        UnitPerformance small = counted("small", 2, 2, 2, 2, 2, 2, 0, 0);
        UnitPerformance large = counted("large", 20, 18, 18, 10, 9, 5, 0, 0);
        RankingPolicy policy =
                TestPolicies.weighted(5, RankingPolicy.RateEstimator.RAW, RankingPolicy.NullRates.RANK_LAST);

        Ranking ranking = RankingEngine.rank(policy, List.of(small, large));

        assertThat(ranking.rows()).extracting(RankingRow::unitId).containsExactly("large");
        assertThat(ranking.notEligible())
                .extracting(NotEligibleUnit::unitId, NotEligibleUnit::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("small", "received 2 is below minReceived 5"));
        assertThat(ranking.notEligible().get(0).grounds()).containsExactly(Ineligibility.tooFewReceived(2, 5));
    }

    @Test
    void undefinedRateRanksLastUnderAWeightedOrder() {
        UnitPerformance noVisits = counted("noVisits", 10, 10, 10, 0, 0, 0, 0, 0);
        UnitPerformance weak = counted("weak", 10, 5, 2, 10, 3, 1, 0, 0);

        Ranking ranking = RankingEngine.rank(TestPolicies.weighted(), List.of(noVisits, weak));

        assertThat(ranking.rows()).extracting(RankingRow::unitId).containsExactly("weak", "noVisits");
        RankingRow last = ranking.rows().get(1);
        assertThat(last.score()).isNull();
        assertThat(last.terms())
                .filteredOn(term -> term.rate().equals("satisfactionRate"))
                .extracting(ScoreTerm::value, ScoreTerm::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, null));
    }

    @Test
    void undefinedRateRanksLastAtItsPlaceInALexicographicOrder() {
        UnitPerformance noVisits = counted("noVisits", 10, 10, 10, 0, 0, 0, 0, 0);
        UnitPerformance unhappy = counted("unhappy", 10, 10, 10, 10, 1, 0, 0, 0);
        UnitPerformance slower = counted("slower", 10, 9, 9, 10, 10, 10, 0, 0);

        Ranking ranking = RankingEngine.rank(TestPolicies.lexicographic(), List.of(slower, noVisits, unhappy));

        assertThat(ranking.rows()).extracting(RankingRow::unitId).containsExactly("unhappy", "noVisits", "slower");
    }

    @Test
    void undefinedRateMakesTheUnitNotEligibleWhenThePolicySaysSo() {
        UnitPerformance noVisits = counted("noVisits", 10, 10, 10, 0, 0, 0, 0, 0);
        RankingPolicy policy =
                TestPolicies.weighted(1, RankingPolicy.RateEstimator.RAW, RankingPolicy.NullRates.NOT_ELIGIBLE);

        Ranking ranking = RankingEngine.rank(policy, List.of(noVisits));

        assertThat(ranking.rows()).isEmpty();
        assertThat(ranking.notEligible().get(0).reason())
                .isEqualTo("satisfactionRate is undefined (no answered visit); "
                        + "excellentRate is undefined (no answered visit)");
        assertThat(ranking.notEligible().get(0).grounds())
                .containsExactly(
                        Ineligibility.undefinedRate("satisfactionRate"), Ineligibility.undefinedRate("excellentRate"));
    }

    @Test
    void wilsonLowerBoundPutsALargeSampleAheadOfAPerfectTinyOne() {
        UnitPerformance tiny = counted("tiny", 1, 1, 1, 1, 1, 1, 0, 0);
        UnitPerformance large = counted("large", 60, 58, 57, 50, 49, 45, 0, 0);

        Ranking raw = RankingEngine.rank(TestPolicies.weighted(), List.of(tiny, large));
        Ranking wilson = RankingEngine.rank(
                TestPolicies.weighted(
                        1, RankingPolicy.RateEstimator.WILSON_LOWER_BOUND, RankingPolicy.NullRates.RANK_LAST),
                List.of(tiny, large));

        assertThat(raw.rows()).extracting(RankingRow::unitId).containsExactly("tiny", "large");
        assertThat(wilson.rows()).extracting(RankingRow::unitId).containsExactly("large", "tiny");
        ScoreTerm tinyCompletion = wilson.rows().get(1).terms().get(0);
        assertThat(tinyCompletion.value()).isEqualTo(1.0);
        assertThat(tinyCompletion.ranked()).isCloseTo(0.206543, within(1e-6));
    }

    @Test
    void everyRowExplainsItsScoreTermsBonusesAndPenalties() {
        UnitPerformance unit = counted("u", 20, 10, 8, 10, 9, 6, 3, 1);

        RankingRow row = RankingEngine.rank(TestPolicies.weighted(), List.of(unit))
                .rows()
                .get(0);

        assertThat(row.terms())
                .extracting(ScoreTerm::rate, ScoreTerm::value, ScoreTerm::weight, ScoreTerm::points)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("completionRate", 0.5, 0.2, 0.1),
                        org.assertj.core.groups.Tuple.tuple("onTimeRate", 0.8, 0.2, 0.16),
                        org.assertj.core.groups.Tuple.tuple("satisfactionRate", 0.9, 0.2, 0.18),
                        org.assertj.core.groups.Tuple.tuple("excellentRate", 0.6, 0.4, 0.24));
        assertThat(row.score()).isEqualTo(0.68);
        assertThat(row.bonuses()).containsExactly(new ScoreItem("EXCELLENT", 6, 0.02, 0.12));
        assertThat(row.penalties())
                .containsExactly(new ScoreItem("LATE_CONCLUSION", 2, 0.1, 0.2), new ScoreItem("PUSHBACK", 1, 0.5, 0.5));
        assertThat(row.bonus()).isEqualTo(0.12);
        assertThat(row.penalty()).isEqualTo(0.7);
        assertThat(row.total()).isEqualTo(9.42);
        assertThat(row.inputs().counts().received()).isEqualTo(20);
    }

    @Test
    void rankingCarriesThePolicyIdAndVersion() {
        Ranking ranking = RankingEngine.rank(TestPolicies.lexicographic(), List.of());

        assertThat(ranking.policy().id()).isEqualTo("web-ranking");
        assertThat(ranking.policy().version()).isEqualTo(3);
        assertThat(ranking.top()).isEqualTo(5);
    }
}
