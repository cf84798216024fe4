package io.minxin.metrics.casestate;

import io.minxin.events.calendar.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The default deadline: a number of working days after the acceptance, at 23:59:59 local of the last one.
 * For a year the calendar has no data for, Monday to Friday stand in, so a case is never refused for it.
 */
public final class WorkingDayDeadlines implements Deadlines {
    public static final int DEFAULT_WORKING_DAYS = 15;

    private final WorkingCalendar calendar;
    private final int workingDays;

    public WorkingDayDeadlines(WorkingCalendar calendar, int workingDays) {
        this.calendar = calendar;
        this.workingDays = workingDays;
    }

    public static WorkingDayDeadlines china() {
        return new WorkingDayDeadlines(WorkingCalendar.china(), DEFAULT_WORKING_DAYS);
    }

    @Override
    public Instant defaultDueAt(Instant acceptedAt) {
        try {
            return calendar.dueAt(acceptedAt, workingDays);
        } catch (IllegalArgumentException uncoveredYear) {
            return weekdaysOnly(acceptedAt);
        }
    }

    private Instant weekdaysOnly(Instant acceptedAt) {
        LocalDate day = LocalDate.ofInstant(acceptedAt, WorkingCalendar.ZONE);
        for (int left = workingDays; left > 0; ) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return day.atTime(WorkingCalendar.END_OF_DAY)
                .atZone(WorkingCalendar.ZONE)
                .toInstant();
    }
}
