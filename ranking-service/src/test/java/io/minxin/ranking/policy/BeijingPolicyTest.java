package io.minxin.ranking.policy;

import static io.minxin.ranking.policy.ExamplePolicies.unit;
import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.ranking.RankedList;
import io.minxin.ranking.engine.Ranking;
import io.minxin.ranking.engine.RankingEngine;
import io.minxin.ranking.engine.RankingPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code policies/examples/beijing.json}. Source: Beijing's 接诉即办 三率 as listed in {@code 12345-practice.md}:
 * "响应率, 解决率, 满意率; one published split weights them 30 / 35 / 35 (响应率 includes sign-in time and contact)"
 * (Junggar Banner commentary); tiers after the 分档分类评价 of 国办函〔2025〕66号. Mapped to Minxin's rates: 响应率 →
 * onTimeRate (sign-in time and first contact are not computed), 解决率 → completionRate, 满意率 → satisfactionRate.
 */
class BeijingPolicyTest {
    private final RankingPolicy policy = ExamplePolicies.read("beijing");

    @Test
    void givenTheThreeRates_whenScored_thenTheyWeigh30And35And35() {
        // on time 72 of 80 concluded = 0.9; concluded 80 of 100 received = 0.8; satisfied 19 of 20 visits = 0.95
        Ranking ranking = RankingEngine.rank(policy, List.of(unit("a", 100, 80, 72, 20, 19, 0, 0, 0)));

        // 30 · 0.9 + 35 · 0.8 + 35 · 0.95 = 27 + 28 + 33.25
        assertThat(ranking.rows().get(0).score()).isEqualTo(88.25);
        assertThat(ranking.rows().get(0).terms())
                .extracting(term -> term.rate() + " " + term.weight())
                .containsExactly("onTimeRate 30.0", "completionRate 35.0", "satisfactionRate 35.0");
    }

    @Test
    void givenUnitsOfBothVolumes_whenRanked_thenEachIsRankedWithinItsTier() {
        Ranking ranking = RankingEngine.rank(
                policy,
                List.of(
                        unit("big-good", 200, 190, 190, 100, 95, 0, 0, 0),
                        unit("big-weak", 150, 120, 100, 100, 80, 0, 0, 0),
                        unit("small-perfect", 20, 20, 20, 10, 10, 0, 0, 0),
                        unit("small-weak", 10, 5, 5, 5, 3, 0, 0, 0)));

        assertThat(ranking.rows())
                .extracting(row -> row.tier() + " " + row.rank() + " " + row.unitId())
                .containsExactly("诉求量大 1 big-good", "诉求量大 2 big-weak", "诉求量小 1 small-perfect", "诉求量小 2 small-weak");
        assertThat(ranking.lists())
                .containsExactly(
                        new RankedList("前三", "TOP", "诉求量大", List.of("big-good", "big-weak")),
                        new RankedList("前三", "TOP", "诉求量小", List.of("small-perfect", "small-weak")));
    }
}
