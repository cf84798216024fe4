package io.minxin.ranking.policy;

import static io.minxin.ranking.policy.ExamplePolicies.signingUnit;
import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.ranking.RankingRow;
import io.minxin.events.ranking.ScoreTerm;
import io.minxin.ranking.engine.Ranking;
import io.minxin.ranking.engine.RankingEngine;
import io.minxin.ranking.engine.RankingPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code policies/examples/lianyungang.json}. Source: Lianyungang's monthly 通报 as listed in
 * {@code 12345-practice.md} ("Indicators found in published city rules"): 及时签收率 (signed within the limit /
 * dispatched) where "a rate of 80% scored 0 (a cliff, not a slope)", 按时办结率 and 回访满意率. The integration's data
 * quality, also scored there, is not computed by Minxin.
 */
class LianyungangPolicyTest {
    private final RankingPolicy policy = ExamplePolicies.read("lianyungang");

    @Test
    void givenASignInRateOf80Percent_whenRanked_thenItScoresNothingHoweverPunctualAndSatisfying() {
        // 100 dispatched and concluded, 100 visits; signed in time 96, 80, 92; on time 90, 100, 95; satisfied 90, 100,
        // 95
        Ranking ranking = RankingEngine.rank(
                policy,
                List.of(
                        signingUnit("a", 100, 96, 100, 90, 100, 90),
                        signingUnit("b", 100, 80, 100, 100, 100, 100),
                        signingUnit("c", 100, 92, 100, 95, 100, 95)));

        assertThat(ranking.rows()).extracting(RankingRow::unitId).containsExactly("a", "c", "b");
        assertThat(ranking.rows()).extracting(RankingRow::score).containsExactly(93.0, 90.5, 70.0);
        RankingRow b = ranking.rows().get(2);
        assertThat(b.terms().get(0)).isEqualTo(new ScoreTerm("signInRate", 0.8, 0.0, 30.0, 0.0));
    }

    @Test
    void givenSignInRatesAroundEachThreshold_whenRanked_thenTheBandStartingAtOrBelowTheRateScores() {
        Ranking ranking = RankingEngine.rank(
                policy,
                List.of(
                        signingUnit("at-95", 100, 95, 100, 0, 100, 0),
                        signingUnit("at-85", 100, 85, 100, 0, 100, 0),
                        signingUnit("below-85", 100, 84, 100, 0, 100, 0)));

        assertThat(ranking.rows())
                .extracting(row -> row.terms().get(0).points())
                .containsExactly(30.0, 18.0, 0.0);
    }

    @Test
    void givenAUnitWithoutDispatches_whenRanked_thenItsSignInRateIsUndefinedAndItRanksLast() {
        Ranking ranking = RankingEngine.rank(
                policy, List.of(signingUnit("none", 0, 0, 0, 0, 0, 0), signingUnit("some", 100, 50, 100, 50, 100, 50)));

        assertThat(ranking.rows()).extracting(RankingRow::unitId).first().isEqualTo("some");
    }
}
