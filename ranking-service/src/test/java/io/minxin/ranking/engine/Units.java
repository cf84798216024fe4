package io.minxin.ranking.engine;

import io.minxin.events.state.Counts;
import io.minxin.events.state.Rates;

/** Test units: counts and, where the reference states them, the rates exactly as printed. */
public final class Units {

    /** A unit with the given rates (fractions) and counts. */
    public static UnitPerformance stated(
            String unitId,
            long received,
            long visited,
            long excellent,
            Double completion,
            Double onTime,
            Double satisfaction,
            Double excellentRate) {
        long concluded = completion == null ? 0 : Math.round(received * completion);
        long onTimeCount = onTime == null ? 0 : Math.round(concluded * onTime);
        long satisfied = satisfaction == null ? 0 : Math.round(visited * satisfaction);
        return new UnitPerformance(
                unitId,
                unitId,
                new Counts(received, concluded, onTimeCount, visited, satisfied, excellent, 0, 0),
                new Rates(completion, onTime, satisfaction, excellentRate));
    }

    /** A unit whose rates follow from its counts. */
    public static UnitPerformance counted(
            String unitId,
            long received,
            long concluded,
            long concludedOnTime,
            long visited,
            long satisfied,
            long excellent,
            long returns,
            long pushbacks) {
        return UnitPerformance.fromCounts(
                unitId,
                unitId,
                new Counts(received, concluded, concludedOnTime, visited, satisfied, excellent, returns, pushbacks));
    }

    private Units() {}
}
