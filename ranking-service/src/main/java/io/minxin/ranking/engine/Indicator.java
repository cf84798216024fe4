package io.minxin.ranking.engine;

import java.util.List;

/**
 * One rate of a weighted order with its scoring function: the unit's points for it are {@code weight · f(rate)}.
 *
 * <p>{@link Scoring#LINEAR}: f rises in a straight line from 0 at {@code zeroAt} to 1 at {@code fullAt} and stays
 * there (clamped to [0, 1]); the defaults 0 and 1 make f the rate itself, and {@code zeroAt} above {@code fullAt}
 * scores a rate where less is better (回退率: zeroAt 1, fullAt 0 gives 1 − rate). {@link Scoring#BANDS}: f is the
 * points of the band the rate falls in, a band reaching from its {@code from} (included) up to the next band's; the
 * first band starts at 0, so a cliff is a band of 0 points below a threshold.
 *
 * @param zeroAt LINEAR only; null: 0
 * @param fullAt LINEAR only; null: 1
 * @param bands BANDS only: ascending by {@code from}, the first from 0
 * @param minCases eligibility: a unit whose rate is measured on fewer cases (its denominator, 剔除 left out) is not
 *     eligible, so that 1 visit of 1 does not count as a 满意率; null: any number
 */
public record Indicator(
        Rate rate, double weight, Scoring scoring, Double zeroAt, Double fullAt, List<Band> bands, Long minCases) {
    public Indicator {
        scoring = scoring == null ? Scoring.LINEAR : scoring;
        bands = bands == null ? List.of() : List.copyOf(bands);
    }

    /** weight · rate: what a weight of the short form means. */
    public static Indicator linear(Rate rate, double weight) {
        return new Indicator(rate, weight, Scoring.LINEAR, null, null, List.of(), null);
    }

    /** f(value), before the weight; null when the value is. */
    public Double score(Double value) {
        if (value == null) {
            return null;
        }
        if (scoring == Scoring.BANDS) {
            return band(value);
        }
        double zero = zeroAt == null ? 0 : zeroAt;
        double full = fullAt == null ? 1 : fullAt;
        double f = (value - zero) / (full - zero);
        return Math.min(1.0, Math.max(0.0, f));
    }

    private double band(double value) {
        double points = bands.get(0).points();
        for (Band band : bands) {
            if (value < band.from()) {
                break;
            }
            points = band.points();
        }
        return points;
    }

    /** How a rate becomes points. */
    public enum Scoring {
        /** Straight line between {@code zeroAt} and {@code fullAt}. */
        LINEAR,
        /** A table of thresholds → points (档次, cliffs). */
        BANDS
    }

    /** From {@code from} (a rate in [0, 1], included) up to the next band, {@code points}. */
    public record Band(double from, double points) {}
}
