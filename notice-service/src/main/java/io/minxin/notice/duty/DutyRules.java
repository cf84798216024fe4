package io.minxin.notice.duty;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * What the duty check checks.
 *
 * @param checkTime local time (Asia/Shanghai) by which a unit must have logged in on a working day
 * @param grace how long after {@code checkTime} a day is checked, for log-ins still on their way
 * @param letterAtMissedDay the n-th missed day of a month raises the 提示函 (4: "more than 3 days")
 * @param since the first day ever checked; null: the day of the first run
 * @param until the last day ever checked (e.g. the end of a replayed demo month); null: no end
 */
public record DutyRules(LocalTime checkTime, Duration grace, int letterAtMissedDay, LocalDate since, LocalDate until) {
    public DutyRules {
        Objects.requireNonNull(checkTime, "checkTime");
        Objects.requireNonNull(grace, "grace");
        if (letterAtMissedDay < 1) {
            throw new IllegalArgumentException("letterAtMissedDay must be at least 1");
        }
        if (since != null && until != null && until.isBefore(since)) {
            throw new IllegalArgumentException("until " + until + " is before since " + since);
        }
    }
}
