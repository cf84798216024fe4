package io.minxin.events.state;

import io.minxin.events.Channel;
import java.util.Objects;

/**
 * The counts and rates of one unit in one channel and assessment period: the value of the compacted topic
 * {@code unit-metrics}, key {@link #key()} ({@code unitId|channel|period}).
 *
 * @param unitName the unit's name as last given by an acceptance, null when unknown
 * @param version grows by one with every change of this key's counts
 */
public record UnitMetrics(
        String unitId, String unitName, Channel channel, String period, Counts counts, Rates rates, long version) {

    public UnitMetrics {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(counts, "counts");
        rates = Rates.of(counts);
    }

    public UnitMetrics(String unitId, String unitName, Channel channel, String period, Counts counts, long version) {
        this(unitId, unitName, channel, period, counts, Rates.of(counts), version);
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
