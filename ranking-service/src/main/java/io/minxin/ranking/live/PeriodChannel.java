package io.minxin.ranking.live;

import io.minxin.events.Channel;

/** One ranking: the units of one channel in one period. */
public record PeriodChannel(String period, Channel channel) {}
