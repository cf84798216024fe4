package io.minxin.metrics.testing;

import io.minxin.events.state.Counts;
import io.minxin.events.state.Rates;

/**
 * The figures of the bulletin's four rates (the eight counts, their excluded parts, the four rates) without the handling
 * counts and rates, for comparing the service's answers with the demo generator's totals, which state only those.
 */
public final class BulletinFigures {
    public static Counts of(Counts counts) {
        return new Counts(
                counts.received(),
                counts.concluded(),
                counts.concludedOnTime(),
                counts.visited(),
                counts.satisfied(),
                counts.excellent(),
                counts.returns(),
                counts.pushbacks(),
                counts.excluded());
    }

    public static Rates of(Rates rates) {
        return new Rates(rates.completionRate(), rates.onTimeRate(), rates.satisfactionRate(), rates.excellentRate());
    }

    private BulletinFigures() {}
}
