package io.minxin.ranking.engine;

import io.minxin.events.Channel;
import io.minxin.events.ranking.PolicyRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How the units of one channel are ranked, from period {@code effectiveFrom} on, until a later version replaces
 * it. Policies are data: operators replace them through the API, every version is kept.
 *
 * @param id stable per channel ({@code phone-ranking}, {@code web-ranking})
 * @param version 1, 2, ...; 0 for a draft that is not stored
 * @param effectiveFrom first period ({@code YYYY-MM}) this version applies to
 * @param minReceived units that received fewer cases are listed as not eligible
 * @param order {@link OrderMethod#WEIGHTED} uses {@code weights}, {@link OrderMethod#LEXICOGRAPHIC} uses
 *     {@code rates}
 * @param weights score = Σ weight · rate (weighted order)
 * @param rates compared one after the other, each descending (lexicographic order)
 * @param tieBreaks applied in turn when the order is equal; units still equal share their rank
 * @param top how many places the policy honours (五佳: 5)
 * @param rateEstimator rank on the raw rates or on their Wilson lower bounds
 * @param nullRates what happens to a unit with an undefined rate the order needs
 * @param scoreView 总分 = base + 加分 − 减分, shown on every row (null: no score view)
 * @param createdAt when this version was stored
 */
public record RankingPolicy(
        String id,
        int version,
        Channel channel,
        String effectiveFrom,
        String description,
        int minReceived,
        OrderMethod order,
        Map<Rate, Double> weights,
        List<Rate> rates,
        List<TieBreak> tieBreaks,
        int top,
        RateEstimator rateEstimator,
        NullRates nullRates,
        ScoreView scoreView,
        Instant createdAt) {

    public RankingPolicy {
        weights = weights == null ? Map.of() : Map.copyOf(weights);
        rates = rates == null ? List.of() : List.copyOf(rates);
        tieBreaks = tieBreaks == null ? List.of() : List.copyOf(tieBreaks);
    }

    /** The stable id of the policy of a channel. */
    public static String idFor(Channel channel) {
        return channel.name().toLowerCase(java.util.Locale.ROOT) + "-ranking";
    }

    public PolicyRef ref() {
        return new PolicyRef(id, version);
    }

    /** The rates the order reads, in the order they are shown. */
    public List<Rate> orderRates() {
        if (order == OrderMethod.LEXICOGRAPHIC) {
            return rates;
        }
        return java.util.Arrays.stream(Rate.values())
                .filter(weights::containsKey)
                .toList();
    }

    /** This policy stored as {@code version} of its channel. */
    public RankingPolicy asVersion(Channel forChannel, int newVersion, Instant at) {
        return new RankingPolicy(
                idFor(forChannel),
                newVersion,
                forChannel,
                effectiveFrom,
                description,
                minReceived,
                order,
                weights,
                rates,
                tieBreaks,
                top,
                rateEstimator,
                nullRates,
                scoreView,
                at);
    }

    /** How rows are ordered. */
    public enum OrderMethod {
        /** Descending by Σ weight · rate. */
        WEIGHTED,
        /** Descending by the first rate, then the second, ... */
        LEXICOGRAPHIC
    }

    /** Tie-breaks, each preferring the larger (or, for FEWER_*, the smaller) count. */
    public enum TieBreak {
        /** 社会关注度: more cases received first. */
        RECEIVED,
        /** More cases concluded first. */
        CONCLUDED,
        /** More answered visits first. */
        VISITED,
        /** Fewer confirmed 推诿 first. */
        FEWER_PUSHBACKS,
        /** Fewer returns first. */
        FEWER_RETURNS
    }

    /** Which value of a rate the order compares. */
    public enum RateEstimator {
        /** The rate as measured. */
        RAW,
        /**
         * The lower bound of the Wilson score interval (z = 1.96) of the rate: a rate measured on few cases is
         * trusted less, so 1 case out of 1 does not beat 58 out of 60.
         */
        WILSON_LOWER_BOUND
    }

    /** A unit whose order needs a rate with a zero denominator. */
    public enum NullRates {
        /** Ranked after every unit whose rates are all defined (an undefined rate compares lowest). */
        RANK_LAST,
        /** Listed as not eligible, naming the undefined rate. */
        NOT_ELIGIBLE
    }

    /**
     * 总分 = base + Σ 加分 − Σ 减分.
     *
     * @param bonuses 加分 rules
     * @param penalties 减分 rules
     */
    public record ScoreView(double base, List<ScoreRule> bonuses, List<ScoreRule> penalties) {
        public ScoreView {
            bonuses = bonuses == null ? List.of() : List.copyOf(bonuses);
            penalties = penalties == null ? List.of() : List.copyOf(penalties);
        }
    }

    /** {@code points} per occurrence of {@code fact}. */
    public record ScoreRule(Fact fact, double points) {}
}
