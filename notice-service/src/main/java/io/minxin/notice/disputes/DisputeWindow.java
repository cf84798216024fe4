package io.minxin.notice.disputes;

import io.minxin.events.calendar.WorkingCalendar;
import io.minxin.events.state.AssessmentPeriod;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Until when disputes about a period's cases may be filed: to the end (24:00 Asia/Shanghai) of the {@code n}-th
 * working day after the period's last day. Outside the years the calendar covers, Monday to Friday are the working
 * days, so that a period is never left without a window.
 */
final class DisputeWindow {
    private final AssessmentPeriod periods;
    private final WorkingCalendar calendar;
    private final int workingDays;

    DisputeWindow(AssessmentPeriod periods, WorkingCalendar calendar, int workingDays) {
        this.periods = periods;
        this.calendar = calendar;
        this.workingDays = workingDays;
    }

    /** The last day a dispute about the period can be filed. */
    LocalDate lastDay(YearMonth period) {
        LocalDate end = periods.lastDay(period);
        try {
            return calendar.plusWorkingDays(end, workingDays);
        } catch (IllegalArgumentException uncovered) {
            return plusWeekdays(end, workingDays);
        }
    }

    /** The first instant at which filing about the period is closed. */
    Instant closesAt(YearMonth period) {
        return lastDay(period).plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
    }

    boolean open(YearMonth period, Instant now) {
        return now.isBefore(closesAt(period));
    }

    private static LocalDate plusWeekdays(LocalDate date, int n) {
        LocalDate day = date;
        for (int left = n; left > 0; ) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return day;
    }
}
