package io.minxin.events.ranking;

import io.minxin.events.state.Counts;
import io.minxin.events.state.Rates;

/**
 * The counts and rates of a unit that a ranking used, in the shapes of {@code unit-metrics}. Rates are fractions
 * (0.9667, not 96.67); a rate with a zero denominator is null, never 0.
 */
public record RankingInputs(Counts counts, Rates rates) {}
