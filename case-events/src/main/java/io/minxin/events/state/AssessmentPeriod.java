package io.minxin.events.state;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * How time is cut into assessment periods, in Asia/Shanghai. A period is named {@code YYYY-MM}. With a
 * cut-off day of 0 the period is the calendar month; with a cut-off day d (1..28) the period named M runs
 * from the day after d of the month before M up to and including day d of M (cut-off 25: 2020-10 is
 * 2020-09-26 00:00 to 2020-10-25 24:00 local).
 *
 * @param cutOffDay 0 for calendar months, else the last day (1..28) of each period
 */
public record AssessmentPeriod(int cutOffDay) {
    /** The zone of all calendar logic. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Days 29..31 do not exist in every month, so a cut-off there would make periods of irregular shape. */
    public static final int MAX_CUT_OFF_DAY = 28;

    public AssessmentPeriod {
        if (cutOffDay < 0 || cutOffDay > MAX_CUT_OFF_DAY) {
            throw new IllegalArgumentException(
                    "cutOffDay must be 0 (calendar month) or 1.." + MAX_CUT_OFF_DAY + ", was " + cutOffDay);
        }
    }

    public static AssessmentPeriod calendarMonth() {
        return new AssessmentPeriod(0);
    }

    public static AssessmentPeriod cutOffOn(int day) {
        return new AssessmentPeriod(day);
    }

    /** The period an instant belongs to, by its local date in Asia/Shanghai. */
    public YearMonth periodOf(Instant instant) {
        return periodOf(localDate(instant));
    }

    public YearMonth periodOf(LocalDate date) {
        YearMonth month = YearMonth.from(date);
        return cutOffDay == 0 || date.getDayOfMonth() <= cutOffDay ? month : month.plusMonths(1);
    }

    /** The name ({@code YYYY-MM}) of the period an instant belongs to. */
    public String nameOf(Instant instant) {
        return periodOf(instant).toString();
    }

    /** The first local day of a period. */
    public LocalDate firstDay(YearMonth period) {
        return cutOffDay == 0 ? period.atDay(1) : period.minusMonths(1).atDay(cutOffDay + 1);
    }

    /** The last local day of a period (inclusive). */
    public LocalDate lastDay(YearMonth period) {
        return cutOffDay == 0 ? period.atEndOfMonth() : period.atDay(cutOffDay);
    }

    /** The first instant of a period. */
    public Instant start(YearMonth period) {
        return firstDay(period).atStartOfDay(ZONE).toInstant();
    }

    /** The first instant after a period (exclusive end). */
    public Instant end(YearMonth period) {
        return lastDay(period).plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /** The local date of an instant in Asia/Shanghai. */
    public static LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** Parses a period name {@code YYYY-MM}. */
    public static YearMonth parse(String name) {
        return YearMonth.parse(name);
    }
}
