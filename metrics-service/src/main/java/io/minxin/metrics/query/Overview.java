package io.minxin.metrics.query;

import io.minxin.events.Channel;
import io.minxin.events.state.Counts;
import io.minxin.events.state.Rates;
import io.minxin.events.state.UnitMetrics;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * 基本情况 of a period: cases received and the overall rates, per channel and for both.
 *
 * @param total both channels
 * @param channels one entry per channel, also when it has no cases
 */
public record Overview(String period, Summary total, Map<Channel, Summary> channels) {

    /**
     * @param cases cases received (owned by a unit) in the period
     * @param units distinct units that received or returned a case in the period
     */
    public record Summary(long cases, long units, Counts counts, Rates rates) {}

    public static Overview of(String period, Collection<UnitMetrics> metrics) {
        Map<Channel, Summary> channels = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            channels.put(
                    channel,
                    summary(metrics.stream().filter(m -> m.channel() == channel).toList()));
        }
        return new Overview(period, summary(metrics), channels);
    }

    private static Summary summary(Collection<UnitMetrics> metrics) {
        Counts counts = Counts.NONE;
        Set<String> units = new HashSet<>();
        for (UnitMetrics m : metrics) {
            counts = counts.plus(m.counts());
            if (m.counts().involved()) {
                units.add(m.unitId());
            }
        }
        return new Summary(counts.received(), units.size(), counts, counts.rates());
    }
}
