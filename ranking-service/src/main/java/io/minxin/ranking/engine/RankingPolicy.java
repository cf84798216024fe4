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
 * @param id stable per channel and owner: {@code phone-ranking}, {@code web-ranking} for the platform's policies,
 *     {@code web-ranking@211103} for a jurisdiction's own ({@link #idFor(Channel, String)}); the rules are the same
 *     whoever owns them, so the owner is named by the id (and stored beside it) rather than in the rules
 * @param version 1, 2, ...; 0 for a draft that is not stored. Each owner (the platform, each jurisdiction) numbers
 *     the versions of a channel on its own
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
 * @param indicators the full form of a weighted order, instead of {@code weights}: per rate a weight and a scoring
 *     function (linear between two rates, or a table of bands); empty when {@code weights} are used
 * @param adjustments 加分 and 减分 per counted fact added to the weighted score itself (null: none); unlike
 *     {@code scoreView}, they change the order
 * @param tiers units are ranked within volume tiers (分档), each unit in the tier of the highest {@code minReceived}
 *     it reaches; empty: one ranking
 * @param lists named lists computed on every ranking (五佳, 红榜 from the top; 黑榜, 较差 from the bottom), per tier
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
        Instant createdAt,
        List<Indicator> indicators,
        Adjustments adjustments,
        List<Tier> tiers,
        List<NamedList> lists) {

    public RankingPolicy {
        weights = weights == null ? Map.of() : Map.copyOf(weights);
        rates = rates == null ? List.of() : List.copyOf(rates);
        tieBreaks = tieBreaks == null ? List.of() : List.copyOf(tieBreaks);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        lists = lists == null ? List.of() : List.copyOf(lists);
    }

    /** The stable id of the platform's policy of a channel. */
    public static String idFor(Channel channel) {
        return channel.name().toLowerCase(java.util.Locale.ROOT) + "-ranking";
    }

    /**
     * The stable id of the policy of a channel owned by {@code jurisdiction} ({@code web-ranking@211103}), or by the
     * platform when null ({@code web-ranking}).
     */
    public static String idFor(Channel channel, String jurisdiction) {
        return jurisdiction == null ? idFor(channel) : idFor(channel) + "@" + jurisdiction;
    }

    public PolicyRef ref() {
        return new PolicyRef(id, version);
    }

    /** The rates the order reads, in the order they are shown. */
    public List<Rate> orderRates() {
        if (order == OrderMethod.LEXICOGRAPHIC) {
            return rates;
        }
        return scoredIndicators().stream().map(Indicator::rate).toList();
    }

    /**
     * The indicators of a weighted order: {@code indicators}, or else one linear indicator per weight in the order
     * of the rates (score = Σ weight · rate, as the short form always meant).
     */
    public List<Indicator> scoredIndicators() {
        if (order != OrderMethod.WEIGHTED) {
            return List.of();
        }
        if (!indicators.isEmpty()) {
            return indicators;
        }
        return java.util.Arrays.stream(Rate.values())
                .filter(weights::containsKey)
                .map(rate -> Indicator.linear(rate, weights.get(rate)))
                .toList();
    }

    /** This policy stored as {@code version} of the platform's policy of its channel. */
    public RankingPolicy asVersion(Channel forChannel, int newVersion, Instant at) {
        return asVersion(forChannel, null, newVersion, at);
    }

    /** This policy stored as {@code version} of the policy of its channel owned by {@code jurisdiction}. */
    public RankingPolicy asVersion(Channel forChannel, String jurisdiction, int newVersion, Instant at) {
        return new RankingPolicy(
                idFor(forChannel, jurisdiction),
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
                at,
                indicators,
                adjustments,
                tiers,
                lists);
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

    /**
     * {@code points} per occurrence of {@code fact}, at most {@code cap} in all.
     *
     * @param cap the most the rule gives (加分最多 / 减分最多), null: no cap
     */
    public record ScoreRule(Fact fact, double points, Double cap) {
        /** count · points, capped. */
        public double pointsFor(long count) {
            double points = java.math.BigDecimal.valueOf(this.points)
                    .multiply(java.math.BigDecimal.valueOf(count))
                    .doubleValue();
            return cap == null ? points : Math.min(points, cap);
        }
    }

    /**
     * 加分 and 减分 that count in the weighted score: score = Σ weight · f(rate) + Σ 加分 − Σ 减分.
     *
     * @param bonuses 加分 rules
     * @param penalties 减分 rules
     */
    public record Adjustments(List<ScoreRule> bonuses, List<ScoreRule> penalties) {
        public Adjustments {
            bonuses = bonuses == null ? List.of() : List.copyOf(bonuses);
            penalties = penalties == null ? List.of() : List.copyOf(penalties);
        }
    }

    /** A volume tier (分档): the units that received at least {@code minReceived} cases and fewer than the next tier. */
    public record Tier(String name, long minReceived) {}

    /** Which end of a ranking a named list takes. */
    public enum ListEnd {
        /** The best: rows whose rank is at most {@code size} (a tie on the last place keeps every tied unit). */
        TOP,
        /**
         * The worst: the last {@code size} rows, and the rows tied with the first of them; never a unit a TOP list
         * of the same policy and tier names.
         */
        BOTTOM
    }

    /**
     * A named list computed on every ranking, within each tier.
     *
     * @param name as the bulletin names it: 五佳, 红榜, 黑榜, 较差
     */
    public record NamedList(String name, ListEnd from, int size) {}
}
