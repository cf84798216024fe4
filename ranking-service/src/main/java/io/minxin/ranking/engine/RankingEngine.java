package io.minxin.ranking.engine;

import io.minxin.events.ranking.Ineligibility;
import io.minxin.events.ranking.NotEligibleUnit;
import io.minxin.events.ranking.RankingRow;
import io.minxin.events.ranking.ScoreItem;
import io.minxin.events.ranking.ScoreTerm;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Ranks the units of one channel under one policy. Plain Java: no Spring, no I/O, callable from a benchmark.
 *
 * <p>Every eligible unit gets a sort key: the order's values (score, or the rates one after the other), then the
 * tie-breaks. Rows are sorted by it, descending; units whose keys are equal share a rank (1, 1, 3) and are listed
 * by unitId. Under tiers, rows are grouped by tier first (highest volume first) and each tier is ranked from 1; the
 * policy's named lists are then taken from the rows ({@link NamedLists}).
 */
public final class RankingEngine {
    /** Keys compare rates at 1e-9, so floating-point noise in a weighted sum never separates equal units. */
    private static final double KEY_SCALE = 1e9;
    /** Lower than every key: an undefined value ranks last. */
    private static final long UNDEFINED = Long.MIN_VALUE;

    private static final double SHOWN_SCALE = 1e6;

    private static final Comparator<Candidate> ORDER = Comparator.<Candidate, long[]>comparing(
                    c -> c.keys, RankingEngine::descending)
            .thenComparing(c -> c.unit.unitId());

    private static final Comparator<Candidate> BY_TIER = Comparator.comparingInt(c -> c.tier);

    public static Ranking rank(RankingPolicy policy, List<UnitPerformance> units) {
        List<Indicator> indicators = policy.scoredIndicators();
        List<RankingPolicy.Tier> tiers = tiersHighestFirst(policy);
        List<NotEligibleUnit> notEligible = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>(units.size());
        for (UnitPerformance unit : units) {
            List<Ineligibility> grounds = whyNotEligible(policy, indicators, unit);
            if (grounds.isEmpty()) {
                candidates.add(new Candidate(policy, indicators, unit, tierOf(tiers, unit)));
            } else {
                notEligible.add(new NotEligibleUnit(
                        unit.unitId(), unit.unitName(), unit.inputs(), reason(grounds), unit.exclusions(), grounds));
            }
        }
        candidates.sort(tiers.isEmpty() ? ORDER : BY_TIER.thenComparing(ORDER));
        List<RankingRow> rows = new ArrayList<>(candidates.size());
        int rank = 0;
        int tierStart = 0;
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            Candidate previous = i == 0 ? null : candidates.get(i - 1);
            if (previous == null || previous.tier != candidate.tier) {
                tierStart = i;
                rank = 1;
            } else if (!Arrays.equals(previous.keys, candidate.keys)) {
                rank = i - tierStart + 1;
            }
            rows.add(candidate.row(rank, tiers));
        }
        notEligible.sort(Comparator.comparing(NotEligibleUnit::unitId));
        return new Ranking(policy.ref(), policy.top(), rows, notEligible, NamedLists.of(policy, tiers, rows));
    }

    /**
     * The ranking of the units {@code members} keeps (e.g. those of one jurisdiction), taken from {@code ranking}, the
     * ranking of all units under {@code policy}: its rows re-ranked among themselves ({@link RankedRows#within}), its
     * not-eligible units, and the policy's named lists taken again from those rows. The same as ranking the members
     * alone: nothing in the order is relative to other units (no normalisation to the field, no percentile; a rate's
     * points, eligibility and tier are the unit's own), so this is exact and reads no inputs again.
     */
    public static Ranking within(RankingPolicy policy, Ranking ranking, Predicate<String> members) {
        List<RankingRow> rows = RankedRows.within(ranking.rows(), members);
        List<NotEligibleUnit> notEligible = ranking.notEligible().stream()
                .filter(unit -> members.test(unit.unitId()))
                .toList();
        return new Ranking(
                ranking.policy(),
                ranking.top(),
                rows,
                notEligible,
                NamedLists.of(policy, tiersHighestFirst(policy), rows));
    }

    /** Tiers from the highest volume down: the order rows are listed in. */
    static List<RankingPolicy.Tier> tiersHighestFirst(RankingPolicy policy) {
        return policy.tiers().stream()
                .sorted(Comparator.comparingLong(RankingPolicy.Tier::minReceived)
                        .reversed())
                .toList();
    }

    /**
     * The index of the first tier whose minReceived the unit reaches; -1 without tiers, and past the last tier for a
     * unit below every tier (which the reader rules out: the lowest tier starts at or below minReceived).
     */
    private static int tierOf(List<RankingPolicy.Tier> tiers, UnitPerformance unit) {
        for (int i = 0; i < tiers.size(); i++) {
            if (unit.counts().received() >= tiers.get(i).minReceived()) {
                return i;
            }
        }
        return tiers.isEmpty() ? -1 : tiers.size();
    }

    /** The rules that leave {@code unit} out, in the order they are checked; empty when it is ranked. */
    static List<Ineligibility> whyNotEligible(RankingPolicy policy, List<Indicator> indicators, UnitPerformance unit) {
        if (unit.counts().received() < policy.minReceived()) {
            return List.of(Ineligibility.tooFewReceived(unit.counts().received(), policy.minReceived()));
        }
        List<Ineligibility> tooFew = indicators.stream()
                .filter(indicator ->
                        indicator.minCases() != null && indicator.rate().denominatorOf(unit) < indicator.minCases())
                .map(indicator -> Ineligibility.tooFewCases(
                        indicator.rate().fieldName(), indicator.rate().denominatorOf(unit), indicator.minCases()))
                .toList();
        if (!tooFew.isEmpty()) {
            return tooFew;
        }
        if (policy.nullRates() == RankingPolicy.NullRates.NOT_ELIGIBLE) {
            return policy.orderRates().stream()
                    .filter(rate -> rate.valueOf(unit) == null)
                    .map(rate -> Ineligibility.undefinedRate(rate.fieldName()))
                    .toList();
        }
        return List.of();
    }

    /** The grounds in the API's English: {@code received 2 is below minReceived 5}, several joined by {@code ; }. */
    static String reason(List<Ineligibility> grounds) {
        return grounds.stream()
                .map(ground -> switch (ground.kind()) {
                    case TOO_FEW_RECEIVED -> "received " + ground.count() + " is below minReceived " + ground.minimum();
                    case TOO_FEW_CASES ->
                        ground.rate() + " is measured on " + ground.count() + " cases, below its minCases "
                                + ground.minimum();
                    case UNDEFINED_RATE ->
                        ground.rate() + " is undefined ("
                                + Rate.fromJson(ground.rate()).whenUndefined() + ")";
                })
                .collect(Collectors.joining("; "));
    }

    /** Larger keys first; arrays of one policy have the same length. */
    private static int descending(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            int byKey = Long.compare(b[i], a[i]);
            if (byKey != 0) {
                return byKey;
            }
        }
        return 0;
    }

    private static long key(Double value) {
        return value == null ? UNDEFINED : Math.round(value * KEY_SCALE);
    }

    private static Double shown(Double value) {
        return value == null ? null : Math.round(value * SHOWN_SCALE) / SHOWN_SCALE;
    }

    /** One eligible unit with its terms and sort key, computed once. */
    private static final class Candidate {
        private final RankingPolicy policy;
        private final UnitPerformance unit;
        private final int tier;
        private final List<ScoreTerm> terms;
        private final Double score;
        private final long[] keys;
        /** The 加分 and 减分 counted into the score (empty without adjustments). */
        private final List<ScoreItem> bonuses;

        private final List<ScoreItem> penalties;

        Candidate(RankingPolicy policy, List<Indicator> indicators, UnitPerformance unit, int tier) {
            this.policy = policy;
            this.unit = unit;
            this.tier = tier;
            boolean weighted = policy.order() == RankingPolicy.OrderMethod.WEIGHTED;
            RankingPolicy.Adjustments adjustments = weighted ? policy.adjustments() : null;
            this.bonuses = adjustments == null ? List.of() : items(adjustments.bonuses());
            this.penalties = adjustments == null ? List.of() : items(adjustments.penalties());
            long[] orderKeys;
            if (weighted) {
                List<ScoreTerm> termList = new ArrayList<>(indicators.size());
                double partial = 0;
                boolean complete = true;
                for (Indicator indicator : indicators) {
                    Rate rate = indicator.rate();
                    Double value = rate.valueOf(unit);
                    Double scored = indicator.score(estimate(rate, value));
                    double weight = indicator.weight();
                    Double points = scored == null ? null : weight * scored;
                    complete &= points != null;
                    partial += points == null ? 0 : points;
                    termList.add(new ScoreTerm(rate.fieldName(), value, shown(scored), weight, shown(points)));
                }
                if (adjustments != null) {
                    partial += total(bonuses).subtract(total(penalties)).doubleValue();
                }
                // An incomplete score ranks after every complete one, then by what it has.
                orderKeys = new long[] {complete ? key(partial) : UNDEFINED, key(partial)};
                this.terms = termList;
                this.score = complete ? shown(partial) : null;
            } else {
                List<Rate> rates = policy.rates();
                List<ScoreTerm> termList = new ArrayList<>(rates.size());
                orderKeys = new long[rates.size()];
                for (int i = 0; i < rates.size(); i++) {
                    Rate rate = rates.get(i);
                    Double value = rate.valueOf(unit);
                    Double ranked = estimate(rate, value);
                    orderKeys[i] = key(ranked);
                    termList.add(new ScoreTerm(rate.fieldName(), value, shown(ranked), null, null));
                }
                this.terms = termList;
                this.score = null;
            }
            this.keys = withTieBreaks(orderKeys);
        }

        private Double estimate(Rate rate, Double value) {
            if (policy.rateEstimator() == RankingPolicy.RateEstimator.WILSON_LOWER_BOUND) {
                return WilsonScore.lowerBound(value, rate.denominatorOf(unit), WilsonScore.Z_95);
            }
            return value;
        }

        private long[] withTieBreaks(long[] orderKeys) {
            List<RankingPolicy.TieBreak> tieBreaks = policy.tieBreaks();
            long[] all = Arrays.copyOf(orderKeys, orderKeys.length + tieBreaks.size());
            for (int i = 0; i < tieBreaks.size(); i++) {
                all[orderKeys.length + i] = tieBreakKey(tieBreaks.get(i));
            }
            return all;
        }

        private long tieBreakKey(RankingPolicy.TieBreak tieBreak) {
            return switch (tieBreak) {
                case RECEIVED -> unit.counts().received();
                case CONCLUDED -> unit.counts().concluded();
                case VISITED -> unit.counts().visited();
                case FEWER_PUSHBACKS -> -unit.counts().pushbacks();
                case FEWER_RETURNS -> -unit.counts().assessedReturns();
            };
        }

        RankingRow row(int rank, List<RankingPolicy.Tier> tiers) {
            String tierName = tier >= 0 && tier < tiers.size() ? tiers.get(tier).name() : null;
            RankingPolicy.ScoreView view = policy.scoreView();
            if (view == null) {
                boolean adjusted = policy.order() == RankingPolicy.OrderMethod.WEIGHTED && policy.adjustments() != null;
                return new RankingRow(
                        rank,
                        unit.unitId(),
                        unit.unitName(),
                        unit.inputs(),
                        score,
                        terms,
                        adjusted ? total(bonuses).doubleValue() : null,
                        adjusted ? total(penalties).doubleValue() : null,
                        null,
                        bonuses,
                        penalties,
                        unit.exclusions(),
                        tierName);
            }
            List<ScoreItem> viewBonuses = items(view.bonuses());
            List<ScoreItem> viewPenalties = items(view.penalties());
            BigDecimal bonus = total(viewBonuses);
            BigDecimal penalty = total(viewPenalties);
            double total =
                    BigDecimal.valueOf(view.base()).add(bonus).subtract(penalty).doubleValue();
            return new RankingRow(
                    rank,
                    unit.unitId(),
                    unit.unitName(),
                    unit.inputs(),
                    score,
                    terms,
                    bonus.doubleValue(),
                    penalty.doubleValue(),
                    total,
                    viewBonuses,
                    viewPenalties,
                    unit.exclusions(),
                    tierName);
        }

        private List<ScoreItem> items(List<RankingPolicy.ScoreRule> rules) {
            List<ScoreItem> items = new ArrayList<>(rules.size());
            for (RankingPolicy.ScoreRule rule : rules) {
                long count = rule.fact().countOf(unit);
                items.add(new ScoreItem(rule.fact().name(), count, rule.points(), rule.pointsFor(count)));
            }
            return items;
        }

        private static BigDecimal total(List<ScoreItem> items) {
            return items.stream()
                    .map(item -> BigDecimal.valueOf(item.points()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private RankingEngine() {}
}
