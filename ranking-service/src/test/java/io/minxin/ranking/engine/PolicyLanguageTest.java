package io.minxin.ranking.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.Channel;
import io.minxin.events.ranking.Ineligibility;
import io.minxin.events.ranking.RankedList;
import io.minxin.events.ranking.RankingRow;
import io.minxin.events.ranking.ScoreItem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The policy language in the engine: indicators, adjustments counted into the score, tiers and named lists. */
class PolicyLanguageTest {

    @Test
    void givenWeightsRewrittenAsLinearIndicators_whenRanked_thenTheRankingIsTheSame() {
        RankingPolicy weights = TestPolicies.weighted();
        RankingPolicy indicators = with(
                List.of(
                        Indicator.linear(Rate.COMPLETION, 0.2),
                        Indicator.linear(Rate.ON_TIME, 0.2),
                        Indicator.linear(Rate.SATISFACTION, 0.2),
                        Indicator.linear(Rate.EXCELLENT, 0.4)),
                null,
                List.of(),
                List.of());

        assertThat(RankingEngine.rank(indicators, ReferenceBulletin.phoneUnits()))
                .isEqualTo(RankingEngine.rank(weights, ReferenceBulletin.phoneUnits()));
    }

    @Test
    void givenALinearIndicatorFrom80To100Percent_whenScored_thenBelow80ScoresNothingAndAbove100IsFull() {
        Indicator indicator = new Indicator(Rate.ON_TIME, 10, Indicator.Scoring.LINEAR, 0.8, 1.0, List.of(), null);

        assertThat(indicator.score(0.7)).isEqualTo(0.0);
        assertThat(indicator.score(0.9)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(indicator.score(1.0)).isEqualTo(1.0);
        assertThat(indicator.score(null)).isNull();
    }

    @Test
    void givenPenaltiesCountedIntoTheScore_whenRanked_thenTheyChangeTheOrderAndTheirCapHolds() {
        RankingPolicy policy = with(
                List.of(Indicator.linear(Rate.COMPLETION, 100)),
                new RankingPolicy.Adjustments(
                        List.of(new RankingPolicy.ScoreRule(Fact.EXCELLENT, 0.5, 1.0)),
                        List.of(new RankingPolicy.ScoreRule(Fact.PUSHBACK, 2, 5.0))),
                List.of(),
                List.of());
        // both conclude every case; "pushy" has 4 推诿 (8 points, capped at 5), "praised" 3 excellent visits (1.5,
        // capped)
        UnitPerformance pushy = Units.counted("pushy", 10, 10, 10, 0, 0, 0, 0, 4);
        UnitPerformance praised = Units.counted("praised", 10, 10, 10, 3, 3, 3, 0, 0);

        List<RankingRow> rows =
                RankingEngine.rank(policy, List.of(pushy, praised)).rows();

        assertThat(rows).extracting(RankingRow::unitId).containsExactly("praised", "pushy");
        assertThat(rows).extracting(RankingRow::score).containsExactly(101.0, 95.0);
        assertThat(rows.get(1).penalties()).containsExactly(new ScoreItem("PUSHBACK", 4, 2, 5.0));
        assertThat(rows.get(1).penalty()).isEqualTo(5.0);
        assertThat(rows.get(1).total()).isNull();
    }

    @Test
    void givenADeductionPerLateSignInAndPerReopenedCase_whenRanked_thenEachCountsWhatTheLifecycleCounted() {
        RankingPolicy policy = with(
                List.of(Indicator.linear(Rate.COMPLETION, 100)),
                new RankingPolicy.Adjustments(
                        List.of(),
                        List.of(
                                new RankingPolicy.ScoreRule(Fact.LATE_SIGN_IN, 0.5, null),
                                new RankingPolicy.ScoreRule(Fact.REOPENED, 1, null))),
                List.of(),
                List.of());
        // 10 dispatched, 7 signed in time: 3 late sign-ins; 2 concluded cases reopened
        UnitPerformance slow = UnitPerformance.fromCounts(
                "slow", "slow", new io.minxin.events.state.Counts(10, 10, 10, 0, 0, 0, 0, 0, null, 10, 0, 2, 10, 7));
        UnitPerformance prompt = UnitPerformance.fromCounts(
                "prompt",
                "prompt",
                new io.minxin.events.state.Counts(10, 10, 10, 0, 0, 0, 0, 0, null, 10, 0, 0, 10, 10));

        List<RankingRow> rows =
                RankingEngine.rank(policy, List.of(slow, prompt)).rows();

        assertThat(rows).extracting(RankingRow::unitId).containsExactly("prompt", "slow");
        assertThat(rows.get(1).penalties())
                .containsExactly(new ScoreItem("LATE_SIGN_IN", 3, 0.5, 1.5), new ScoreItem("REOPENED", 2, 1, 2.0));
        assertThat(rows.get(1).score()).isEqualTo(96.5);
    }

    @Test
    void givenTiers_whenRanked_thenRanksStartAtOneInEachTierHighestVolumeFirst() {
        RankingPolicy policy = with(
                List.of(Indicator.linear(Rate.COMPLETION, 1)),
                null,
                List.of(new RankingPolicy.Tier("small", 1), new RankingPolicy.Tier("large", 50)),
                List.of());
        List<UnitPerformance> units = List.of(
                Units.counted("s1", 10, 10, 10, 0, 0, 0, 0, 0),
                Units.counted("s2", 10, 10, 10, 0, 0, 0, 0, 0),
                Units.counted("s3", 10, 5, 5, 0, 0, 0, 0, 0),
                Units.counted("l1", 60, 30, 30, 0, 0, 0, 0, 0));

        List<RankingRow> rows = RankingEngine.rank(policy, units).rows();

        assertThat(rows)
                .extracting(row -> row.tier() + " " + row.rank() + " " + row.unitId())
                .containsExactly("large 1 l1", "small 1 s1", "small 1 s2", "small 3 s3");
    }

    @Test
    void givenATieOnTheLastPlaceOfAList_whenListed_thenEveryTiedUnitIsOnIt() {
        RankingPolicy policy = with(
                List.of(Indicator.linear(Rate.COMPLETION, 1)),
                null,
                List.of(),
                List.of(
                        new RankingPolicy.NamedList("五佳", RankingPolicy.ListEnd.TOP, 2),
                        new RankingPolicy.NamedList("较差", RankingPolicy.ListEnd.BOTTOM, 1)));
        List<UnitPerformance> units = List.of(
                Units.counted("a", 10, 10, 10, 0, 0, 0, 0, 0),
                Units.counted("b", 10, 9, 9, 0, 0, 0, 0, 0),
                Units.counted("c", 10, 9, 9, 0, 0, 0, 0, 0),
                Units.counted("d", 10, 5, 5, 0, 0, 0, 0, 0),
                Units.counted("e", 10, 5, 5, 0, 0, 0, 0, 0));

        Ranking ranking = RankingEngine.rank(policy, units);

        assertThat(ranking.lists())
                .containsExactly(
                        new RankedList("五佳", "TOP", null, List.of("a", "b", "c")),
                        new RankedList("较差", "BOTTOM", null, List.of("d", "e")));
    }

    @Test
    void givenNoListsNorTiers_whenRanked_thenTheRankingHasNoListAndNoRowATier() {
        Ranking ranking = RankingEngine.rank(TestPolicies.lexicographic(), ReferenceBulletin.webUnits());

        assertThat(ranking.lists()).isEmpty();
        assertThat(ranking.rows()).extracting(RankingRow::tier).containsOnlyNulls();
    }

    @Test
    void givenTiers_whenTheBottomRowsAreTaken_thenEachTierGivesItsOwnLast() {
        RankingPolicy policy = with(
                List.of(Indicator.linear(Rate.COMPLETION, 1)),
                null,
                List.of(new RankingPolicy.Tier("small", 1), new RankingPolicy.Tier("large", 50)),
                List.of());
        List<UnitPerformance> units = List.of(
                Units.counted("l1", 60, 60, 60, 0, 0, 0, 0, 0),
                Units.counted("l2", 60, 30, 30, 0, 0, 0, 0, 0),
                Units.counted("l3", 60, 20, 20, 0, 0, 0, 0, 0),
                Units.counted("s1", 10, 10, 10, 0, 0, 0, 0, 0),
                Units.counted("s2", 10, 5, 5, 0, 0, 0, 0, 0));
        List<RankingRow> rows = RankingEngine.rank(policy, units).rows();

        assertThat(RankedRows.bottom(rows, 1)).extracting(RankingRow::unitId).containsExactly("l3", "s2");
        assertThat(RankedRows.top(rows, 1)).extracting(RankingRow::unitId).containsExactly("l1", "s1");
    }

    @Test
    void givenAnIndicatorsMinCases_whenAUnitsRateRestsOnFewerCases_thenTheUnitIsNotEligibleAndSaysWhy() {
        RankingPolicy policy = with(
                List.of(
                        Indicator.linear(Rate.COMPLETION, 1),
                        new Indicator(Rate.SATISFACTION, 1, Indicator.Scoring.LINEAR, null, null, List.of(), 5L)),
                null,
                List.of(),
                List.of());
        UnitPerformance fewVisits = Units.counted("few", 10, 10, 10, 1, 1, 0, 0, 0);
        UnitPerformance enough = Units.counted("enough", 10, 10, 10, 5, 4, 0, 0, 0);

        Ranking ranking = RankingEngine.rank(policy, List.of(fewVisits, enough));

        assertThat(ranking.rows()).extracting(RankingRow::unitId).containsExactly("enough");
        assertThat(ranking.notEligible().get(0).reason())
                .isEqualTo("satisfactionRate is measured on 1 cases, below its minCases 5");
        assertThat(ranking.notEligible().get(0).grounds())
                .containsExactly(Ineligibility.tooFewCases("satisfactionRate", 1, 5));
    }

    static RankingPolicy with(
            List<Indicator> indicators,
            RankingPolicy.Adjustments adjustments,
            List<RankingPolicy.Tier> tiers,
            List<RankingPolicy.NamedList> lists) {
        return new RankingPolicy(
                "phone-ranking",
                1,
                Channel.PHONE,
                "2000-01",
                null,
                1,
                RankingPolicy.OrderMethod.WEIGHTED,
                Map.of(),
                List.of(),
                List.of(RankingPolicy.TieBreak.RECEIVED),
                5,
                RankingPolicy.RateEstimator.RAW,
                RankingPolicy.NullRates.RANK_LAST,
                adjustments == null ? TestPolicies.BULLETIN_SCORE : null,
                null,
                indicators,
                adjustments,
                tiers,
                lists);
    }
}
