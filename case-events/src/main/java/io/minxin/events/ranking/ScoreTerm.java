package io.minxin.events.ranking;

/**
 * How one rate entered the order of a row.
 *
 * @param rate {@code completionRate}, {@code onTimeRate}, {@code satisfactionRate}, {@code excellentRate},
 *     {@code returnRate} or {@code reopenRate}
 * @param value the unit's rate (null when undefined)
 * @param ranked the value the order used: the rate itself, or its Wilson lower bound under that estimator; under a
 *     policy's indicators, the indicator's scoring of that value (f in [0, 1] for LINEAR, the band's points)
 * @param weight the policy's weight (null under a lexicographic order)
 * @param points weight × ranked (null under a lexicographic order or when {@code ranked} is null)
 */
public record ScoreTerm(String rate, Double value, Double ranked, Double weight, Double points) {}
