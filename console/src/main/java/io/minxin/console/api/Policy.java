package io.minxin.console.api;

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
        Instant createdAt) {

    public Policy {
        weights = weights == null ? Map.of() : Map.copyOf(weights);
        rates = rates == null ? List.of() : List.copyOf(rates);
        tieBreaks = tieBreaks == null ? List.of() : List.copyOf(tieBreaks);
    }

    /** 总分 = base + Σ 加分 − Σ 减分. */
    public record ScoreView(double base, List<ScoreRule> bonuses, List<ScoreRule> penalties) {
        public ScoreView {
            bonuses = bonuses == null ? List.of() : List.copyOf(bonuses);
            penalties = penalties == null ? List.of() : List.copyOf(penalties);
        }
    }

    /** {@code points} per occurrence of {@code fact}. */
    public record ScoreRule(String fact, double points) {}
}
