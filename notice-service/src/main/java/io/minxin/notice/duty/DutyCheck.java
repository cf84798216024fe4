package io.minxin.notice.duty;

import io.minxin.events.calendar.WorkingCalendar;
import io.minxin.events.notice.Notice;
import io.minxin.events.notice.NoticeType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 值守登录检查: on every working day, each known unit without a log-in on that day before {@code checkTime}
 * (16:00 Asia/Shanghai) has missed it; a unit's {@code letterAtMissedDay}-th (4th) missed day of a calendar month
 * raises one 提示函 for that unit and month.
 *
 * <p>A day is decided by the log-ins whose own time ({@code occurredAt}) falls on it before {@code checkTime},
 * whatever order they arrive in. A letter cannot be taken back, so a day is judged only once its log-ins can be
 * complete (event time with allowed lateness). With T the day's {@code checkTime}, the watermark the latest
 * {@code occurredAt} consumed, all of:
 *
 * <ul>
 *   <li>the wall clock is past T + grace;
 *   <li>the feed is caught up: every log-in on the broker is in the ledger (a consumer far behind, as in a
 *       replay, or in the middle of one batch, judges nothing);
 *   <li>for a day less than {@code maxLateness} old (live operation): the watermark is past T + grace, so
 *       log-ins arrive at most grace out of order;
 *   <li>for an older day: no log-in consumed for {@code quietPeriod} (a load of shuffled or repeated log-ins
 *       is over; a watermark alone would run ahead of them), and either the watermark is past T + grace or
 *       the feed is live (its latest log-in arrived within {@code maxLateness} of happening). The last case
 *       judges a day nobody logged in on; it never applies to a replayed month, whose log-ins arrive years
 *       late, nor before the first log-in, so a month loaded after the service started waits for its log-ins.
 * </ul>
 *
 * <p>Each run checks, in order, every working day from the day after the last checked one up to now, so a
 * service that was down checks the days it missed when it comes back. A day is marked checked only after its
 * misses are recorded and its letters handed over, and both are idempotent, so a run cut short and repeated
 * raises nothing twice. A letter whose unit has no name yet (names come with unit-metrics) holds the day back for
 * up to {@code nameWait}, then names the unit by its id.
 */
public final class DutyCheck {
    private static final Logger log = LoggerFactory.getLogger(DutyCheck.class);

    private final Clock clock;
    private final WorkingCalendar calendar;
    private final DutyLedger ledger;
    private final LoginFeed feed;
    private final DutyRules rules;
    /** Letter id → when it first waited for its unit's name, in this process. */
    private final Map<String, Instant> awaitingNames = new HashMap<>();
    /** The units the last revisit judged the month with; null before the first run in this process. */
    private Set<String> revisitedWith;
    /**
     * The last checked day as this process last left it (after its revisit, or its own check of a day): when the
     * ledger's has moved since, another instance judged days, with the units it knew.
     */
    private Optional<LocalDate> leftAt = Optional.empty();

    public DutyCheck(Clock clock, WorkingCalendar calendar, DutyLedger ledger, LoginFeed feed, DutyRules rules) {
        this.clock = clock;
        this.calendar = calendar;
        this.ledger = ledger;
        this.feed = feed;
        this.rules = rules;
    }

    /** Checks every working day that is due and not checked yet; hands each letter to {@code letters}. */
    public synchronized void run(Consumer<Notice> letters) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, WorkingCalendar.ZONE);
        Optional<LocalDate> lastChecked = ledger.lastCheckedDay();
        LocalDate day = lastChecked
                .map(checked -> checked.plusDays(1))
                .orElseGet(() -> ledger.firstDay(rules.since() == null ? today : rules.since()));
        LocalDate last = rules.until() != null && rules.until().isBefore(today) ? rules.until() : today;
        revisit(lastChecked, letters);
        Feed snapshot = null;
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
                if (snapshot == null) {
                    // caught up first: a log-in consumed after this moment then shows in the progress as not quiet
                    boolean caughtUp = feed.caughtUp();
                    snapshot = new Feed(caughtUp, ledger.loginProgress());
                }
                if (!complete(deadline, now, snapshot)) {
                    log.debug("The duty check waits for the log-ins of {} ({})", day, snapshot);
                    return;
                }
                if (!check(day, deadline, now, letters)) {
                    return;
                }
            }
            ledger.markChecked(day);
            leftAt = Optional.of(day);
        }
    }

    /** Whether the log-ins of the day with this deadline can all be in the ledger: see the class comment. */
    private boolean complete(Instant deadline, Instant now, Feed feed) {
        if (!feed.caughtUp()) {
            return false;
        }
        LoginProgress progress = feed.progress();
        Instant judgeable = deadline.plus(rules.grace());
        if (now.isBefore(deadline.plus(rules.maxLateness()))) {
            return progress.passed(judgeable);
        }
        return progress.quiet(now, rules.quietPeriod())
                && (progress.passed(judgeable) || progress.live(rules.maxLateness()));
    }

    /** Records the day's misses and hands over its letters; false when a letter still waits for a name. */
    private boolean check(LocalDate day, Instant deadline, Instant now, Consumer<Notice> letters) {
        Set<String> missed = judge(day, ledger.knownUnits()).missed();
        YearMonth month = YearMonth.from(day);
        List<Notice> due = new ArrayList<>();
        for (String unitId : missed) {
            List<LocalDate> days = ledger.missedDays(unitId, month);
            // Only the day that is the n-th miss raises the letter: once per unit and month.
            if (days.size() >= rules.letterAtMissedDay()
                    && days.get(rules.letterAtMissedDay() - 1).equals(day)) {
                Optional<String> unitName = ledger.unitName(unitId);
                if (unitName.isEmpty() && awaitsName(NoticeType.DUTY_LETTER.id(unitId, month), unitId, now)) {
                    return false;
                }
                due.add(letter(unitId, unitName, month, days.subList(0, rules.letterAtMissedDay()), deadline));
            }
        }
        due.forEach(letters);
        due.forEach(letter -> awaitingNames.remove(letter.id()));
        return true;
    }

    /**
     * The days of the last checked day's month judged again for the units known now: a unit whose first events came
     * after those days were judged (a load or replay that brings units in late, slower than the check) is judged on
     * them too, so which misses a unit has does not depend on the order its events arrived in. Misses are only ever
     * added; a unit that this brings to its n-th miss of the month gets its letter now (named by its id when no name
     * is known: the check of its n-th day is past, and waiting would lose it).
     *
     * <p>Only when it can add a miss: on the first run in this process (the days may have been judged by an earlier
     * one), when units have become known since the last revisit, or when another instance has judged days since
     * (with the units it knew then). Otherwise each of the month's days was judged, by the last revisit or by this
     * process's check since, for at least the units known now (units are never forgotten), and reading the month's
     * log-ins again would add nothing.
     */
    private void revisit(Optional<LocalDate> lastChecked, Consumer<Notice> letters) {
        Set<String> known = new TreeSet<>(ledger.knownUnits());
        if (revisitedWith != null && revisitedWith.containsAll(known) && lastChecked.equals(leftAt)) {
            return;
        }
        if (lastChecked.isPresent()) {
            revisit(lastChecked.get(), known, letters);
        }
        revisitedWith = known;
        leftAt = lastChecked;
    }

    private void revisit(LocalDate last, Set<String> known, Consumer<Notice> letters) {
        YearMonth month = YearMonth.from(last);
        LocalDate first = ledger.firstDay(last);
        Set<String> judgedLate = new TreeSet<>();
        for (LocalDate day = first.isAfter(month.atDay(1)) ? first : month.atDay(1);
                !day.isAfter(last);
                day = day.plusDays(1)) {
            if (calendar.covers(day.getYear()) && calendar.isWorkingDay(day)) {
                judgedLate.addAll(judge(day, known).added());
            }
        }
        for (String unitId : judgedLate) {
            List<LocalDate> days = ledger.missedDays(unitId, month);
            if (days.size() >= rules.letterAtMissedDay()) {
                List<LocalDate> counted = days.subList(0, rules.letterAtMissedDay());
                log.info("{} misses of {} judged late bring {} to a 提示函", counted.size(), month, unitId);
                letters.accept(letter(
                        unitId, ledger.unitName(unitId), month, counted, deadline(counted.get(counted.size() - 1))));
            }
        }
    }

    /**
     * Judges {@code day} for {@code units}: each without a log-in on it before its check time has missed it. Records
     * those misses (one recorded before stays) and answers them, with those not recorded before.
     */
    private Judged judge(LocalDate day, Set<String> units) {
        Set<String> missed = new TreeSet<>(units);
        missed.removeAll(ledger.unitsLoggedIn(day, deadline(day)));
        return new Judged(missed, ledger.recordMissed(day, missed));
    }

    /** Who missed a judged day, and of them whose miss was not recorded before. */
    private record Judged(Set<String> missed, Set<String> added) {}

    /** Whether a letter to a unit without a known name should still wait for it: a name reads better than an id. */
    private boolean awaitsName(String letterId, String unitId, Instant now) {
        Instant since = awaitingNames.computeIfAbsent(letterId, id -> now);
        if (now.isBefore(since.plus(rules.nameWait()))) {
            log.info("The 提示函 {} waits up to {} for the name of {}", letterId, rules.nameWait(), unitId);
            return true;
        }
        log.warn("The 提示函 {} names {} by its id: no name came within {}", letterId, unitId, rules.nameWait());
        return false;
    }

    private Notice letter(
            String unitId, Optional<String> unitName, YearMonth month, List<LocalDate> days, Instant deadline) {
        String name = unitName.orElse(unitId);
        String dayList = days.stream()
                .map(d -> d.getMonthValue() + "月" + d.getDayOfMonth() + "日")
                .collect(Collectors.joining("、"));
        String time = rules.checkTime().toString();
        String text = name + "：经统计，贵单位" + month.getYear() + "年" + month.getMonthValue() + "月已有" + days.size()
                + "个工作日（" + dayList + "）截至" + time + "未登录8890（民心网）平台值守。按照每个工作日" + time
                + "统计登录值守情况、每月超过" + (rules.letterAtMissedDay() - 1) + "天未登录发提示函的要求，特此提示，请加强值守，确保每个工作日按时登录。";
        return Notice.builder(NoticeType.DUTY_LETTER, NoticeType.DUTY_LETTER.id(unitId, month), deadline)
                .period(month.toString())
                .unit(unitId, unitName.orElse(null))
                .title("提示函：" + name + month.getYear() + "年" + month.getMonthValue() + "月未登录值守" + days.size() + "天")
                .text(text)
                .fact("month", month.toString())
                .fact("missedDays", days.stream().map(LocalDate::toString).toList())
                .fact("checkTime", time)
                .build();
    }

    private Instant deadline(LocalDate day) {
        return day.atTime(rules.checkTime()).atZone(WorkingCalendar.ZONE).toInstant();
    }

    /** What one run knows of the feed, read once. */
    private record Feed(boolean caughtUp, LoginProgress progress) {}
}
