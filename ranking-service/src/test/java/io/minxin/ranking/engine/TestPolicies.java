package io.minxin.ranking.engine;

import io.minxin.events.Channel;
import java.util.List;
import java.util.Map;

/** Policies built in code for the engine's own tests; the shipped defaults are tested from application.yml. */
final class TestPolicies {
    static final RankingPolicy.ScoreView BULLETIN_SCORE = new RankingPolicy.ScoreView(
            10,
            List.of(new RankingPolicy.ScoreRule(Fact.EXCELLENT, 0.02, null)),
            List.of(
                    new RankingPolicy.ScoreRule(Fact.LATE_CONCLUSION, 0.1, null),
                    new RankingPolicy.ScoreRule(Fact.PUSHBACK, 0.5, null)));

    static RankingPolicy weighted(
            int minReceived, RankingPolicy.RateEstimator estimator, RankingPolicy.NullRates nulls) {
        return new RankingPolicy(
                "phone-ranking",
                1,
                Channel.PHONE,
                "2000-01",
                null,
                minReceived,
                RankingPolicy.OrderMethod.WEIGHTED,
                Map.of(Rate.COMPLETION, 0.2, Rate.ON_TIME, 0.2, Rate.SATISFACTION, 0.2, Rate.EXCELLENT, 0.4),
                List.of(),
                List.of(RankingPolicy.TieBreak.RECEIVED),
                5,
                estimator,
                nulls,
                BULLETIN_SCORE,
                null,
                List.of(),
                null,
                List.of(),
                List.of());
    }

    static RankingPolicy weighted() {
        return weighted(1, RankingPolicy.RateEstimator.RAW, RankingPolicy.NullRates.RANK_LAST);
    }

    static RankingPolicy lexicographic(
            int minReceived, RankingPolicy.RateEstimator estimator, RankingPolicy.NullRates nulls) {
        return new RankingPolicy(
                "web-ranking",
                3,
                Channel.WEB,
                "2000-01",
                null,
                minReceived,
                RankingPolicy.OrderMethod.LEXICOGRAPHIC,
                Map.of(),
                List.of(Rate.COMPLETION, Rate.ON_TIME, Rate.SATISFACTION, Rate.EXCELLENT),
                List.of(RankingPolicy.TieBreak.RECEIVED),
                5,
                estimator,
                nulls,
                BULLETIN_SCORE,
                null,
                List.of(),
                null,
                List.of(),
                List.of());
    }

    static RankingPolicy lexicographic() {
        return lexicographic(1, RankingPolicy.RateEstimator.RAW, RankingPolicy.NullRates.RANK_LAST);
    }

    private TestPolicies() {}
}
