package io.minxin.notice.duty;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The duty check (值守登录).
 *
 * @param checkTime local time (Asia/Shanghai) by which a unit must have logged in on a working day
 * @param grace the allowed lateness of a log-in: a day is judged no earlier than this after {@code checkTime},
 *     on the wall clock and in the log-ins' own times
 * @param letterAtMissedDay the n-th missed day of a month raises the 提示函 (4: "more than 3 days")
 * @param since the first day ever checked (e.g. 2020-09-01 to check a replayed month); empty: the day the
 *     service first ran. Kept in MongoDB after the first run.
 * @param until the last day ever checked (e.g. 2020-09-30 for the demo month); empty: no end
 * @param checkInterval how often the check looks for due days
 * @param maxLateness a day this long past its {@code checkTime} is judged only once unit-activity is consumed to
 *     its end and quiet; a day no log-in came after is judged then too, when the log-ins arrive live
 * @param quietPeriod no log-in consumed for this long: a load or replay of log-ins is over
 * @param nameWait how long a 提示函 waits for its unit's name (from unit-metrics) before naming the unit by id
 */
@ConfigurationProperties("minxin.notice.duty")
public record DutySettings(
        @DefaultValue("16:00") LocalTime checkTime,
        @DefaultValue("PT2M") Duration grace,
        @DefaultValue("4") int letterAtMissedDay,
        LocalDate since,
        LocalDate until,
        @DefaultValue("PT1M") Duration checkInterval,
        @DefaultValue("PT24H") Duration maxLateness,
        @DefaultValue("PT30S") Duration quietPeriod,
        @DefaultValue("PT5M") Duration nameWait) {

    DutyRules rules() {
        return new DutyRules(checkTime, grace, letterAtMissedDay, since, until, maxLateness, quietPeriod, nameWait);
    }
}
