package io.minxin.ranking.live;

import java.util.Set;

/** Told after a batch of unit-metrics is stored, with the rankings whose inputs it changed. */
public interface MetricsChangeListener {
    void metricsChanged(Set<PeriodChannel> changed);
}
