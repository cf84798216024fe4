package io.minxin.notice.duty;

import io.minxin.events.calendar.WorkingCalendar;
import io.minxin.notice.notices.Notice;
import io.minxin.notice.notices.NoticeType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 值守登录检查: at {@code checkTime} (16:00 Asia/Shanghai) of every working day, each known unit without a
 * log-in on that day before that time has missed it; a unit's {@code letterAtMissedDay}-th (4th) missed day
 * of a calendar month raises one 提示函 for that unit and month.
 *
 * <p>Each run checks, in order, every working day from the day after the last checked one up to now, so a
 * service that was down checks the days it missed when it comes back. A day is marked checked only after its
 * misses are recorded and its letters handed over, and both are idempotent, so a run cut short and repeated
 * raises nothing twice. {@code grace} leaves time for log-ins made just before the deadline to arrive.
 */
public final class DutyCheck {
    private static final Logger log = LoggerFactory.getLogger(DutyCheck.class);

    private final Clock clock;
    private final WorkingCalendar calendar;
    private final DutyLedger ledger;
    private final DutyRules rules;

    public DutyCheck(Clock clock, WorkingCalendar calendar, DutyLedger ledger, DutyRules rules) {
        this.clock = clock;
        this.calendar = calendar;
        this.ledger = ledger;
        this.rules = rules;
    }

    /** Checks every working day that is due and not checked yet; hands each letter to {@code letters}. */
    public void run(Consumer<Notice> letters) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, WorkingCalendar.ZONE);
        LocalDate day = ledger.lastCheckedDay()
                .map(last -> last.plusDays(1))
                .orElseGet(() -> ledger.firstDay(rules.since() == null ? today : rules.since()));
        LocalDate last = rules.until() != null && rules.until().isBefore(today) ? rules.until() : today;
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            Instant deadline = deadline(day);
            if (now.isBefore(deadline.plus(rules.grace()))) {
                return;
            }
            if (!calendar.covers(day.getYear())) {
                log.warn("The working-day calendar does not cover {}; the duty check waits at {}", day.getYear(), day);
                return;
            }
            if (calendar.isWorkingDay(day)) {
                check(day, deadline, letters);
            }
            ledger.markChecked(day);
        }
    }

    private void check(LocalDate day, Instant deadline, Consumer<Notice> letters) {
        Set<String> missed = new TreeSet<>(ledger.knownUnits());
        missed.removeAll(ledger.unitsLoggedIn(day, deadline));
        ledger.recordMissed(day, missed);
        for (String unitId : missed) {
            List<LocalDate> days = ledger.missedDays(unitId, YearMonth.from(day));
            // Only the day that is the n-th miss raises the letter: once per unit and month.
            if (days.size() >= rules.letterAtMissedDay()
                    && days.get(rules.letterAtMissedDay() - 1).equals(day)) {
                letters.accept(
                        letter(unitId, YearMonth.from(day), days.subList(0, rules.letterAtMissedDay()), deadline));
            }
        }
    }

    private Notice letter(String unitId, YearMonth month, List<LocalDate> days, Instant deadline) {
        String unitName = ledger.unitName(unitId).orElse(unitId);
        String dayList = days.stream()
                .map(d -> d.getMonthValue() + "月" + d.getDayOfMonth() + "日")
                .collect(Collectors.joining("、"));
        String time = rules.checkTime().toString();
        String text = unitName + "：经统计，贵单位" + month.getYear() + "年" + month.getMonthValue() + "月已有" + days.size()
                + "个工作日（" + dayList + "）截至" + time + "未登录8890（民心网）平台值守。按照每个工作日" + time
                + "统计登录值守情况、每月超过" + (rules.letterAtMissedDay() - 1) + "天未登录发提示函的要求，特此提示，请加强值守，确保每个工作日按时登录。";
        return Notice.builder(NoticeType.DUTY_LETTER, NoticeType.DUTY_LETTER.id(unitId, month), deadline)
                .period(month.toString())
                .unit(unitId, ledger.unitName(unitId).orElse(null))
                .title("提示函：" + unitName + month.getYear() + "年" + month.getMonthValue() + "月未登录值守" + days.size() + "天")
                .text(text)
                .fact("month", month.toString())
                .fact("missedDays", days.stream().map(LocalDate::toString).toList())
                .fact("checkTime", time)
                .build();
    }

    private Instant deadline(LocalDate day) {
        return day.atTime(rules.checkTime()).atZone(WorkingCalendar.ZONE).toInstant();
    }
}
