package io.minxin.console.api;

import io.minxin.events.Channel;
import io.minxin.events.state.Counts;
import io.minxin.events.state.Rates;
import java.util.Map;

/**
 * 基本情况 of a month as metrics-service answers {@code GET /api/v1/overview}: both channels and each; for a
 * unit-scoped person, their unit's figures only.
 */
public record Overview(String period, Summary total, Map<Channel, Summary> channels) {

    /** Cases received, units involved, the counts and the four rates (fractions, null without a denominator). */
    public record Summary(long cases, long units, Counts counts, Rates rates) {}

    public Summary channel(Channel channel) {
        return channels == null ? null : channels.get(channel);
    }
}
