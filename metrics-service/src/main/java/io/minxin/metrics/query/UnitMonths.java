package io.minxin.metrics.query;

import java.time.YearMonth;
import java.util.List;

/** A unit's rows month by month: one {@link UnitTable} per month of a range, oldest first, empty where it had none. */
public record UnitMonths(String unitId, String from, String to, List<UnitTable> months) {

    public static UnitMonths of(String unitId, List<YearMonth> range, List<UnitTable> tables) {
        return new UnitMonths(
                unitId, range.get(0).toString(), range.get(range.size() - 1).toString(), List.copyOf(tables));
    }
}
