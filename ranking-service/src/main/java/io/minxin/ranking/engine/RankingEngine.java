package io.minxin.ranking.engine;

import io.minxin.events.ranking.NotEligibleUnit;
import io.minxin.events.ranking.RankingRow;
import io.minxin.events.ranking.ScoreItem;
import io.minxin.events.ranking.ScoreTerm;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Ranks the units of one channel under one policy. Plain Java: no Spring, no I/O, callable from a benchmark.
 *
 * <p>Every eligible unit gets a sort key: the order's values (score, or the rates one after the other), then the
 * tie-breaks. Rows are sorted by it, descending; units whose keys are equal share a rank (1, 1, 3) and are listed
 * by unitId.
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

    public static Ranking rank(RankingPolicy policy, List<UnitPerformance> units) {
        List<NotEligibleUnit> notEligible = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>(units.size());
        for (UnitPerformance unit : units) {
            String reason = whyNotEligible(policy, unit);
            if (reason == null) {
                candidates.add(new Candidate(policy, unit));
            } else {
                notEligible.add(
                        new NotEligibleUnit(unit.unitId(), unit.unitName(), unit.inputs(), reason, unit.exclusions()));
            }
        }
        candidates.sort(ORDER);
        List<RankingRow> rows = new ArrayList<>(candidates.size());
        int rank = 0;
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            if (i == 0 || !Arrays.equals(candidates.get(i - 1).keys, candidate.keys)) {
                rank = i + 1;
            }
            rows.add(candidate.row(rank));
        }
        notEligible.sort(Comparator.comparing(NotEligibleUnit::unitId));
        return new Ranking(policy.ref(), policy.top(), rows, notEligible);
    }

    static String whyNotEligible(RankingPolicy policy, UnitPerformance unit) {
        if (unit.counts().received() < policy.minReceived()) {
            return "received " + unit.counts().received() + " is below minReceived " + policy.minReceived();
        }
        if (policy.nullRates() == RankingPolicy.NullRates.NOT_ELIGIBLE) {
            String undefined = policy.orderRates().stream()
                    .filter(rate -> rate.valueOf(unit) == null)
                    .map(rate -> rate.fieldName() + " is undefined (" + rate.whenUndefined() + ")")
                    .collect(Collectors.joining("; "));
            return undefined.isEmpty() ? null : undefined;
        }
        return null;
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

    private static double sum(BigDecimal[] parts) {
        return Arrays.stream(parts).reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue();
    }

    /** One eligible unit with its terms and sort key, computed once. */
    private static final class Candidate {
        private final RankingPolicy policy;
        private final UnitPerformance unit;
        private final List<ScoreTerm> terms;
        private final Double score;
        private final long[] keys;

        Candidate(RankingPolicy policy, UnitPerformance unit) {
            this.policy = policy;
            this.unit = unit;
            List<Rate> rates = policy.orderRates();
            boolean weighted = policy.order() == RankingPolicy.OrderMethod.WEIGHTED;
            List<ScoreTerm> termList = new ArrayList<>(rates.size());
            long[] orderKeys = new long[weighted ? 2 : rates.size()];
            double partial = 0;
            boolean complete = true;
            for (int i = 0; i < rates.size(); i++) {
                Rate rate = rates.get(i);
                Double value = rate.valueOf(unit);
                Double ranked = estimate(rate, value);
                if (weighted) {
                    double weight = policy.weights().get(rate);
                    Double points = ranked == null ? null : weight * ranked;
                    complete &= points != null;
                    partial += points == null ? 0 : points;
                    termList.add(new ScoreTerm(rate.fieldName(), value, shown(ranked), weight, shown(points)));
                } else {
                    orderKeys[i] = key(ranked);
                    termList.add(new ScoreTerm(rate.fieldName(), value, shown(ranked), null, null));
                }
            }
            if (weighted) {
                // An incomplete score ranks after every complete one, then by what it has.
                orderKeys[0] = complete ? key(partial) : UNDEFINED;
                orderKeys[1] = key(partial);
            }
            this.terms = termList;
            this.score = weighted && complete ? shown(partial) : null;
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

        RankingRow row(int rank) {
            RankingPolicy.ScoreView view = policy.scoreView();
            if (view == null) {
                return new RankingRow(
                        rank,
                        unit.unitId(),
                        unit.unitName(),
                        unit.inputs(),
                        score,
                        terms,
                        null,
                        null,
                        null,
                        null,
                        null,
                        unit.exclusions());
            }
            List<ScoreItem> bonuses = items(view.bonuses());
            List<ScoreItem> penalties = items(view.penalties());
            BigDecimal bonus = total(bonuses);
            BigDecimal penalty = total(penalties);
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
                    bonuses,
                    penalties,
                    unit.exclusions());
        }

        private List<ScoreItem> items(List<RankingPolicy.ScoreRule> rules) {
            List<ScoreItem> items = new ArrayList<>(rules.size());
            for (RankingPolicy.ScoreRule rule : rules) {
                long count = rule.fact().countOf(unit);
                BigDecimal points = BigDecimal.valueOf(rule.points()).multiply(BigDecimal.valueOf(count));
                items.add(new ScoreItem(rule.fact().name(), count, rule.points(), points.doubleValue()));
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
