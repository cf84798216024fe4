package io.minxin.metrics.unitrates;

import io.minxin.events.Channel;
import io.minxin.events.state.Counts;
import io.minxin.events.state.Rates;
import io.minxin.events.state.UnitMetrics;
import java.time.LocalDate;

/**
 * The counts of one unit and channel for the cases first accepted on one local day: the value of the
 * compacted topic {@code unit-daily-metrics}, key {@code unitId|channel|YYYY-MM-DD}. Rolling rates over
 * any window are sums of these.
 */
public record UnitDay(String unitId, String unitName, Channel channel, LocalDate date, Counts counts, long version) {
    public String key() {
        return UnitMetrics.key(unitId, channel, date.toString());
    }

    public Rates rates() {
        return Rates.of(counts);
    }
}
