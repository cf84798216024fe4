package io.minxin.console.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.minxin.events.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A version of a channel's ranking policy as ranking-service shows it ({@code GET /api/v1/policies}). Rates are named
 * as the read APIs name them ({@code satisfactionRate}); the enums (order, tie-breaks, estimator, null rates, facts)
 * by their constant names.
 *
 * @param version 1, 2, …: the newest is the channel's current policy (from its {@code effectiveFrom} on)
 * @param minReceived units that received fewer cases are not eligible
 * @param order WEIGHTED (uses {@code weights}) or LEXICOGRAPHIC (uses {@code rates})
 * @param top how many places the policy honours (五佳: 5)
 * @param scoreView 总分 = base + 加分 − 减分, or null
 * @param indicators the full form of a weighted order (instead of {@code weights}): per rate a weight and a scoring
 * @param adjustments 加分 and 减分 counted into the score, or null
 * @param tiers volume tiers (分档) ranked apart
 * @param lists named lists (红榜, 黑榜, ...)
 */
public record Policy(
        String id,
        int version,
        Channel channel,
        String effectiveFrom,
        String description,
        int minReceived,
        String order,
        Map<String, Double> weights,
        List<String> rates,
        List<String> tieBreaks,
        int top,
        String rateEstimator,
        String nullRates,
        ScoreView scoreView,
        Instant createdAt,
        List<Indicator> indicators,
        Adjustments adjustments,
        List<Tier> tiers,
        List<NamedList> lists) {

    public Policy {
        weights = weights == null ? Map.of() : Map.copyOf(weights);
        rates = rates == null ? List.of() : List.copyOf(rates);
        tieBreaks = tieBreaks == null ? List.of() : List.copyOf(tieBreaks);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        lists = lists == null ? List.of() : List.copyOf(lists);
    }

    /** 总分 = base + Σ 加分 − Σ 减分. */
    public record ScoreView(double base, List<ScoreRule> bonuses, List<ScoreRule> penalties) {
        public ScoreView {
            bonuses = bonuses == null ? List.of() : List.copyOf(bonuses);
            penalties = penalties == null ? List.of() : List.copyOf(penalties);
        }
    }

    /** {@code points} per occurrence of {@code fact}, at most {@code cap} (null: no cap). */
    public record ScoreRule(
            String fact,
            double points,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double cap) {}

    /**
     * points = weight · f(rate): {@code LINEAR} between {@code zeroAt} and {@code fullAt} (null: 0 and 1), or the
     * {@code BANDS} table; a unit whose rate rests on fewer than {@code minCases} cases is not eligible (null: any).
     */
    public record Indicator(
            String rate,
            double weight,
            String scoring,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double zeroAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double fullAt,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Band> bands,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long minCases) {
        public Indicator {
            bands = bands == null ? List.of() : List.copyOf(bands);
        }
    }

    /** From {@code from} (included) up to the next band, {@code points}. */
    public record Band(double from, double points) {}

    /** 加分 and 减分 counted into the weighted score. */
    public record Adjustments(List<ScoreRule> bonuses, List<ScoreRule> penalties) {
        public Adjustments {
            bonuses = bonuses == null ? List.of() : List.copyOf(bonuses);
            penalties = penalties == null ? List.of() : List.copyOf(penalties);
        }
    }

    /** Units that received at least {@code minReceived} cases, fewer than the next tier's. */
    public record Tier(String name, long minReceived) {}

    /** {@code size} units from the {@code TOP} or {@code BOTTOM} of each tier. */
    public record NamedList(String name, String from, int size) {}
}
