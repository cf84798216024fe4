package io.minxin.metrics.unitrates;

import io.minxin.events.Channel;
import io.minxin.events.state.UnitMetrics;
import java.time.LocalDate;

/**
 * Where a count goes: a unit in a channel, over an assessment period ({@code YYYY-MM}) or over one local
 * day ({@code YYYY-MM-DD}). Its key has the shape of the {@code unit-metrics} key, {@code unitId|channel|span}.
 */
public record Bucket(String unitId, Channel channel, String span) {

    public static Bucket period(String unitId, Channel channel, String period) {
        return new Bucket(unitId, channel, period);
    }

    public static Bucket day(String unitId, Channel channel, LocalDate date) {
        return new Bucket(unitId, channel, date.toString());
    }

    /** A day bucket (the span is a date), as opposed to a period bucket. */
    public boolean daily() {
        return span.length() == 10;
    }

    public String key() {
        return UnitMetrics.key(unitId, channel, span);
    }

    public static Bucket parse(String key) {
        UnitMetrics.Key parts = UnitMetrics.parseKey(key);
        return new Bucket(parts.unitId(), parts.channel(), parts.period());
    }
}
