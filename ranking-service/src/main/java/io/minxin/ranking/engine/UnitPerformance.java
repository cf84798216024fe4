package io.minxin.ranking.engine;

import io.minxin.events.ranking.RankingInputs;
import io.minxin.events.state.Counts;
import io.minxin.events.state.ExcludedCase;
import io.minxin.events.state.Rates;
import java.util.List;
import java.util.Objects;

/**
 * What the ranking knows of one unit in one channel and period: its counts and rates, and the cases excluded (剔除)
 * from them. The rates are taken as given (the reference bulletin states rates that no integer counts reproduce
 * exactly); {@link #fromCounts} derives them as metrics-service does.
 *
 * @param unitName may be null when unknown
 * @param exclusions the cases excluded from the counts and why, as {@code unit-metrics} lists them
 */
public record UnitPerformance(
        String unitId, String unitName, Counts counts, Rates rates, List<ExcludedCase> exclusions) {

    public UnitPerformance {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(rates, "rates");
        exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
    }

    public UnitPerformance(String unitId, String unitName, Counts counts, Rates rates) {
        this(unitId, unitName, counts, rates, List.of());
    }

    /** A unit whose rates are the quotients of its counts, as defined in docs/design.md, section 4. */
    public static UnitPerformance fromCounts(String unitId, String unitName, Counts counts) {
        return new UnitPerformance(unitId, unitName, counts, Rates.of(counts));
    }

    public RankingInputs inputs() {
        return new RankingInputs(counts, rates);
    }
}
