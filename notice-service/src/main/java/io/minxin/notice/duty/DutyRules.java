package io.minxin.notice.duty;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * What the duty check checks, and when a day's log-ins count as complete.
 *
 * @param checkTime local time (Asia/Shanghai) by which a unit must have logged in on a working day
 * @param grace the allowed lateness of a log-in: a day is judged no earlier than {@code checkTime + grace}, in
 *     wall-clock time and in event time (the log-in watermark)
 * @param letterAtMissedDay the n-th missed day of a month raises the 提示函 (4: "more than 3 days")
 * @param since the first day ever checked; null: the day of the first run
 * @param until the last day ever checked (e.g. the end of a replayed demo month); null: no end
 * @param maxLateness a day older than this (after its {@code checkTime}) is judged only while the log-in feed is
 *     caught up and quiet; a day without any log-in after it is judged then, if the feed is live
 * @param quietPeriod how long no log-in may have been consumed for the feed to count as quiet
 * @param nameWait how long a letter waits for its unit's name before it names the unit by its id
 */
public record DutyRules(
        LocalTime checkTime,
        Duration grace,
        int letterAtMissedDay,
        LocalDate since,
        LocalDate until,
        Duration maxLateness,
        Duration quietPeriod,
        Duration nameWait) {
    public static final Duration DEFAULT_MAX_LATENESS = Duration.ofHours(24);
    public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofSeconds(30);
    public static final Duration DEFAULT_NAME_WAIT = Duration.ofMinutes(5);

    public DutyRules {
        Objects.requireNonNull(checkTime, "checkTime");
        requireNotNegative(grace, "grace");
        requireNotNegative(maxLateness, "maxLateness");
        requireNotNegative(quietPeriod, "quietPeriod");
        requireNotNegative(nameWait, "nameWait");
        if (letterAtMissedDay < 1) {
            throw new IllegalArgumentException("letterAtMissedDay must be at least 1");
        }
        if (since != null && until != null && until.isBefore(since)) {
            throw new IllegalArgumentException("until " + until + " is before since " + since);
        }
        if (maxLateness.compareTo(grace) < 0) {
            throw new IllegalArgumentException("maxLateness " + maxLateness + " is shorter than grace " + grace);
        }
    }

    /** The rules with the default lateness, quiet period and name wait. */
    public DutyRules(LocalTime checkTime, Duration grace, int letterAtMissedDay, LocalDate since, LocalDate until) {
        this(
                checkTime,
                grace,
                letterAtMissedDay,
                since,
                until,
                DEFAULT_MAX_LATENESS,
                DEFAULT_QUIET_PERIOD,
                DEFAULT_NAME_WAIT);
    }

    private static void requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
