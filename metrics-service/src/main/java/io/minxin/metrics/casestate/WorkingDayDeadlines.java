package io.minxin.metrics.casestate;

import io.minxin.events.calendar.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default deadline: a number of working days after the acceptance, at 23:59:59 local of the last one.
 * For a year the calendar has no data for, Monday to Friday stand in, so a case is never refused for it.
 */
public final class WorkingDayDeadlines implements Deadlines {
    public static final int DEFAULT_WORKING_DAYS = 15;

    /** Working days a unit has to sign for a dispatched case (Bengbu's rule: within 1 working day). */
    public static final int DEFAULT_SIGN_IN_WORKING_DAYS = 1;

    /** Working days a unit that got a case has to pass it on (二级分转, 按时分转率): 1, as for the sign-in. */
    public static final int DEFAULT_DISPATCH_WORKING_DAYS = 1;

    /** Distinct acceptance days are few (a few thousand over years), so their deadlines are kept; bounded all the same. */
    private static final int MAX_REMEMBERED_DAYS = 20_000;

    private final WorkingCalendar calendar;
    private final int workingDays;
    private final Map<LocalDate, Instant> dueByDay = new ConcurrentHashMap<>();

    public WorkingDayDeadlines(WorkingCalendar calendar, int workingDays) {
        this.calendar = calendar;
        this.workingDays = workingDays;
    }

    public static WorkingDayDeadlines china() {
        return new WorkingDayDeadlines(WorkingCalendar.china(), DEFAULT_WORKING_DAYS);
    }

    /**
     * The sign-in deadline: {@code workingDays} after the dispatch's local day, at its end, on China's calendar; the
     * forwarding deadline (二级分转) is the same rule from the moment the unit got the case.
     */
    public static WorkingDayDeadlines signIn(int workingDays) {
        return new WorkingDayDeadlines(WorkingCalendar.china(), workingDays);
    }

    /** The forwarding deadline (二级分转): the sign-in rule, counted from the moment the unit got the case. */
    public static WorkingDayDeadlines forwarding(int workingDays) {
        return signIn(workingDays);
    }

    @Override
    public Instant defaultDueAt(Instant acceptedAt) {
        // the deadline depends on the local day only; walking the calendar for every case was a hot spot of a replay
        LocalDate day = LocalDate.ofInstant(acceptedAt, WorkingCalendar.ZONE);
        Instant due = dueByDay.get(day);
        if (due == null) {
            due = dueAfter(day);
            if (dueByDay.size() >= MAX_REMEMBERED_DAYS) {
                dueByDay.clear();
            }
            dueByDay.put(day, due);
        }
        return due;
    }

    private Instant dueAfter(LocalDate day) {
        try {
            return calendar.plusWorkingDays(day, workingDays)
                    .atTime(WorkingCalendar.END_OF_DAY)
                    .atZone(WorkingCalendar.ZONE)
                    .toInstant();
        } catch (IllegalArgumentException uncoveredYear) {
            return weekdaysOnly(day);
        }
    }

    private Instant weekdaysOnly(LocalDate start) {
        LocalDate day = start;
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
