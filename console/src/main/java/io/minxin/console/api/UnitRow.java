package io.minxin.console.api;

import io.minxin.events.Channel;
import io.minxin.events.state.Counts;
import io.minxin.events.state.Rates;

/** One row of metrics-service's unit table ({@code GET /api/v1/units?period=}): a unit's month in one channel. */
public record UnitRow(String unitId, String unitName, Channel channel, Counts counts, Rates rates) {}
