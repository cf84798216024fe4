package io.minxin.ranking.policy;

import static io.minxin.ranking.policy.ExamplePolicies.unit;
import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.ranking.RankedList;
import io.minxin.events.ranking.RankingRow;
import io.minxin.ranking.engine.Ranking;
import io.minxin.ranking.engine.RankingEngine;
import io.minxin.ranking.engine.RankingPolicy;
import io.minxin.ranking.engine.UnitPerformance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code policies/examples/yulin.json}. Source: Yulin's rules as listed in {@code 12345-practice.md}: "top 5 named
 * 红榜, bottom 5 黑榜, computed automatically", scored on 按时办结率, 回退率 ("share of cases returned") and 重办率
 * ("share re-handled after an unsatisfied visit"). 及时接收率 is not computed by Minxin yet; the weights and slopes
 * are the example's own.
 */
class YulinPolicyTest {
    private final RankingPolicy policy = ExamplePolicies.read("yulin");

    @Test
    void givenTwelveUnits_whenRanked_thenTheBestFiveAreTheRedListAndTheWorstFiveTheBlackList() {
        List<UnitPerformance> units = new ArrayList<>();
        // u00 best ... u11 worst: each returns one more case of 100 handled than the one before
        for (int i = 0; i < 12; i++) {
            units.add(unit(String.format("u%02d", i), 100, 100, 100, 0, 0, 100, i, 0));
        }

        Ranking ranking = RankingEngine.rank(policy, units);

        assertThat(ranking.lists())
                .containsExactly(
                        new RankedList("红榜", "TOP", null, List.of("u00", "u01", "u02", "u03", "u04")),
                        new RankedList("黑榜", "BOTTOM", null, List.of("u07", "u08", "u09", "u10", "u11")));
    }

    @Test
    void givenReturnsAndReopenedCases_whenRanked_thenLessOfEitherScoresMore() {
        // returnRate 0.05 of 100 handled, reopenRate 0.1 of 50 concluded, all on time
        UnitPerformance some = unit("some", 50, 50, 50, 0, 0, 100, 5, 5);
        UnitPerformance none = unit("none", 50, 50, 50, 0, 0, 100, 0, 0);

        Ranking ranking = RankingEngine.rank(policy, List.of(some, none));

        // 40 · 1 + 30 · (0.2 − 0.05) / 0.2 + 30 · (0.2 − 0.1) / 0.2 = 40 + 22.5 + 15
        assertThat(ranking.rows()).extracting(RankingRow::unitId).containsExactly("none", "some");
        assertThat(ranking.rows()).extracting(RankingRow::score).containsExactly(100.0, 77.5);
    }

    @Test
    void givenSevenUnits_whenRanked_thenTheBlackListNamesNoUnitOfTheRedList() {
        List<UnitPerformance> units = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            units.add(unit("u" + i, 100, 100, 100, 0, 0, 100, i, 0));
        }

        Ranking ranking = RankingEngine.rank(policy, units);

        assertThat(ranking.lists().get(0).unitIds()).containsExactly("u0", "u1", "u2", "u3", "u4");
        assertThat(ranking.lists().get(1).unitIds()).containsExactly("u5", "u6");
    }
}
