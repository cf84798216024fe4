package io.minxin.ranking.policy;

import static io.minxin.ranking.policy.ExamplePolicies.unit;
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
 * {@code 12345-practice.md} ("Indicators found in published city rules"): 及时签收率 where "a rate of 80% scored 0 (a
 * cliff, not a slope)", 按时办结率 and 回访满意率. Minxin computes no sign-in rate yet (no sign-in event reaches the
 * metrics), nor the integration's data quality, so the example puts the published cliff on 按时办结率: this test
 * reproduces the cliff, not the sign-in indicator.
 */
class LianyungangPolicyTest {
    private final RankingPolicy policy = ExamplePolicies.read("lianyungang");

    @Test
    void givenAnOnTimeRateOf80Percent_whenRanked_thenItScoresNothingHoweverSatisfiedTheCitizens() {
        // 100 received, 100 concluded; on time 96, 80, 92; satisfied 90, 100, 95 of 100 visits
        Ranking ranking = RankingEngine.rank(
                policy,
                List.of(
                        unit("a", 100, 100, 96, 100, 90, 0, 0, 0),
                        unit("b", 100, 100, 80, 100, 100, 0, 0, 0),
                        unit("c", 100, 100, 92, 100, 95, 0, 0, 0)));

        assertThat(ranking.rows()).extracting(RankingRow::unitId).containsExactly("a", "c", "b");
        assertThat(ranking.rows()).extracting(RankingRow::score).containsExactly(95.0, 87.5, 50.0);
        RankingRow b = ranking.rows().get(2);
        assertThat(b.terms().get(0)).isEqualTo(new ScoreTerm("onTimeRate", 0.8, 0.0, 50.0, 0.0));
    }

    @Test
    void givenRatesAroundEachThreshold_whenRanked_thenTheBandStartingAtOrBelowTheRateScores() {
        Ranking ranking = RankingEngine.rank(
                policy,
                List.of(
                        unit("at-85", 100, 100, 85, 100, 0, 0, 0, 0),
                        unit("below-85", 100, 100, 84, 100, 0, 0, 0, 0),
                        unit("at-95", 100, 100, 95, 100, 0, 0, 0, 0)));

        assertThat(ranking.rows())
                .extracting(row -> row.terms().get(0).points())
                .containsExactly(50.0, 30.0, 0.0);
    }
}
