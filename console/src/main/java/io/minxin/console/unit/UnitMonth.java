package io.minxin.console.unit;

import io.minxin.console.api.UnitRow;
import io.minxin.events.Channel;
import io.minxin.events.state.Rates;
import java.time.YearMonth;
import java.util.List;

/** A unit's rows of one month, one per channel with figures; none when the month or the unit has no data. */
public record UnitMonth(YearMonth month, List<UnitRow> rows) {

    static UnitMonth of(YearMonth month, String unitId, List<UnitRow> rows) {
        return new UnitMonth(
                month, rows.stream().filter(row -> unitId.equals(row.unitId())).toList());
    }

    static UnitMonth gap(YearMonth month) {
        return new UnitMonth(month, List.of());
    }

    UnitRow row(Channel channel) {
        return rows.stream().filter(row -> row.channel() == channel).findFirst().orElse(null);
    }

    Rates rates(Channel channel) {
        UnitRow row = row(channel);
        return row == null ? null : row.rates();
    }
}
