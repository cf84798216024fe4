package io.minxin.events.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.minxin.events.Channel;
import java.util.List;
import java.util.Objects;

/**
 * The counts and rates of one unit in one channel and assessment period: the value of the compacted topic
 * {@code unit-metrics}, key {@link #key()} ({@code unitId|channel|period}).
 *
 * @param unitName the unit's name as last given by an acceptance, null when unknown
 * @param rates computed from {@code counts} (whatever is given)
 * @param version grows by one with every change of this key's counts or exclusions
 * @param exclusions the cases excluded (剔除) from this unit's counts, one entry per exclusion decision in force, with
 *     the indicators it excludes here, ordered by case, then decision; omitted in JSON when there are none
 */
public record UnitMetrics(
        String unitId,
        String unitName,
        Channel channel,
        String period,
        Counts counts,
        Rates rates,
        long version,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ExcludedCase> exclusions) {

    public UnitMetrics {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(counts, "counts");
        rates = Rates.of(counts);
        exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
    }

    public UnitMetrics(
            String unitId, String unitName, Channel channel, String period, Counts counts, Rates rates, long version) {
        this(unitId, unitName, channel, period, counts, rates, version, List.of());
    }

    public UnitMetrics(String unitId, String unitName, Channel channel, String period, Counts counts, long version) {
        this(unitId, unitName, channel, period, counts, Rates.of(counts), version, List.of());
    }

    public UnitMetrics(
            String unitId,
            String unitName,
            Channel channel,
            String period,
            Counts counts,
            long version,
            List<ExcludedCase> exclusions) {
        this(unitId, unitName, channel, period, counts, Rates.of(counts), version, exclusions);
    }

    public String key() {
        return key(unitId, channel, period);
    }

    /** The Kafka key of a unit, channel and period. */
    public static String key(String unitId, Channel channel, String period) {
        return unitId + '|' + channel + '|' + period;
    }

    /** The parts of a key; the unit id may itself contain '|', so the key is read from the right. */
    public record Key(String unitId, Channel channel, String period) {
        @Override
        public String toString() {
            return key(unitId, channel, period);
        }
    }

    public static Key parseKey(String key) {
        int last = key.lastIndexOf('|');
        int middle = last < 0 ? -1 : key.lastIndexOf('|', last - 1);
        if (middle <= 0) {
            throw new IllegalArgumentException("not a unitId|channel|period key: " + key);
        }
        return new Key(
                key.substring(0, middle), Channel.valueOf(key.substring(middle + 1, last)), key.substring(last + 1));
    }
}
