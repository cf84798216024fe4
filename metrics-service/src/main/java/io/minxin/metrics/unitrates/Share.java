package io.minxin.metrics.unitrates;

import io.minxin.events.state.Counts;

/** What one case adds to one bucket (or, as a change, what it moves): counts and the unit's name. */
public record Share(String unitName, Counts counts) {}
