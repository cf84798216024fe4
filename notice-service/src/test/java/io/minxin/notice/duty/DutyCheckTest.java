package io.minxin.notice.duty;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.demo.DemoMonth;
import io.minxin.demo.DemoUnit;
import io.minxin.demo.ExpectedTotals;
import io.minxin.events.CaseEvent;
import io.minxin.events.UnitLogin;
import io.minxin.events.calendar.WorkingCalendar;
import io.minxin.events.notice.Notice;
import io.minxin.events.notice.NoticeType;
import io.minxin.notice.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DutyCheckTest {
    static final YearMonth SEPTEMBER = YearMonth.of(2020, 9);
    static final WorkingCalendar CALENDAR = WorkingCalendar.china();
    static final String DILIGENT = "xlt-gongxin";
    static final String FOUR_MISSES = "xlt-huibin";
    static final String THREE_MISSES = "xlt-zhenxing";
    static final String LATE_ONCE = "xlt-shencai";
    /** Years after the demo month, as when run.sh loads it. */
    static final Instant LOAD_TIME = Instant.parse("2026-05-11T02:00:00Z");

    private final InMemoryDutyLedger ledger = new InMemoryDutyLedger();
    private final MutableClock clock = new MutableClock(at("2020-09-01T00:00"));
    private boolean caughtUp = true;
    private DutyRules rules =
            new DutyRules(LocalTime.of(16, 0), Duration.ofMinutes(2), 4, LocalDate.of(2020, 9, 1), null);
    /** Log-ins of live operation: each is consumed when the clock reaches its time. */
    private final List<Login> planned = new ArrayList<>();

    private final List<Notice> letters = new ArrayList<>();

    @Test
    void september2020Has23WorkingDaysIncludingTheMakeUpSunday() {
        List<LocalDate> days = CALENDAR.workingDays(SEPTEMBER);

        // 22 weekdays plus Sunday the 27th, worked for the National Day holiday.
        assertThat(days).hasSize(23).contains(LocalDate.of(2020, 9, 27));
        assertThat(days).doesNotContain(LocalDate.of(2020, 9, 26));
    }

    @Test
    void everyDayIsCheckedOnceAndAUnitThatNeverLogsInMissesEveryWorkingDay() {
        givenUnits("xlt-silent", DILIGENT);
        logInEveryWorkingDayExcept(DILIGENT, Set.of());

        // the 30th is judged once it is a day old: no log-in after its 16:00 came to show it complete earlier
        checkAt("2020-10-01T16:01");

        assertThat(ledger.checkedDays).hasSize(30).doesNotHaveDuplicates();
        assertThat(ledger.missedDays("xlt-silent", SEPTEMBER)).hasSize(23);
        assertThat(ledger.missedDays(DILIGENT, SEPTEMBER)).isEmpty();
    }

    @Test
    void unitMissingFourDaysGetsExactlyOneLetterAndThreeDaysNone() {
        givenUnits(DILIGENT, FOUR_MISSES, THREE_MISSES);
        logInEveryWorkingDayExcept(DILIGENT, Set.of());
        logInEveryWorkingDayExcept(FOUR_MISSES, Set.of(1, 8, 27, 29));
        logInEveryWorkingDayExcept(THREE_MISSES, Set.of(2, 3, 30));

        checkAt("2020-10-01T17:00");

        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.id()).isEqualTo("duty-letter|xlt-huibin|2020-09");
            assertThat(letter.type()).isEqualTo(NoticeType.DUTY_LETTER);
            assertThat(letter.period()).isEqualTo("2020-09");
            assertThat(letter.unitName()).isEqualTo("name of xlt-huibin");
            // raised at the 4th missed day's 16:00
            assertThat(letter.occurredAt()).isEqualTo(Instant.parse("2020-09-29T08:00:00Z"));
            assertThat(letter.facts().get("missedDays"))
                    .isEqualTo(List.of("2020-09-01", "2020-09-08", "2020-09-27", "2020-09-29"));
            assertThat(letter.text()).contains("4个工作日（9月1日、9月8日、9月27日、9月29日）截至16:00未登录");
        });
    }

    @Test
    void
            givenAUnitKnownOnlyAfterTheFirstDaysWereJudgedWhenLaterDaysAreJudgedThenItsEarlierMissesCountAndItGetsItsLetterOnce() {
        givenUnits(DILIGENT);
        logInEveryWorkingDayExcept(DILIGENT, Set.of());
        logInEveryWorkingDayExcept(FOUR_MISSES, Set.of(1, 2, 3, 7));
        // the 1st to the 4th are judged before anything shows that xlt-huibin exists
        checkAt("2020-09-07T09:00");
        assertThat(ledger.missedDays(FOUR_MISSES, SEPTEMBER)).isEmpty();

        // its events come in (a load that brings units late); the 7th is its 4th miss, counted with the earlier three
        givenUnits(FOUR_MISSES);
        checkAt("2020-09-08T17:00");
        checkAt("2020-09-30T17:00");

        assertThat(ledger.missedDays(FOUR_MISSES, SEPTEMBER))
                .containsExactly(
                        LocalDate.of(2020, 9, 1),
                        LocalDate.of(2020, 9, 2),
                        LocalDate.of(2020, 9, 3),
                        LocalDate.of(2020, 9, 7));
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.unitId()).isEqualTo(FOUR_MISSES);
            assertThat(letter.occurredAt()).isEqualTo(Instant.parse("2020-09-07T08:00:00Z"));
        });
    }

    @Test
    void givenAUnitKnownOnlyAfterItsFourthMissWasJudgedThenTheNextCheckRaisesItsLetter() {
        givenUnits(DILIGENT);
        logInEveryWorkingDayExcept(DILIGENT, Set.of());
        logInEveryWorkingDayExcept(FOUR_MISSES, Set.of(1, 2, 3, 4));
        checkAt("2020-09-07T09:00");
        assertThat(letters).isEmpty();

        givenUnits(FOUR_MISSES);
        checkAt("2020-09-07T17:00");

        assertThat(letters)
                .singleElement()
                .satisfies(letter -> assertThat(letter.facts().get("missedDays"))
                        .isEqualTo(List.of("2020-09-01", "2020-09-02", "2020-09-03", "2020-09-04")));
    }

    @Test
    void givenNoUnitKnownSinceTheLastRevisitWhenTheCheckRunsAgainThenItJudgesNoDayAgain() {
        givenUnits(DILIGENT, FOUR_MISSES);
        logInEveryWorkingDayExcept(DILIGENT, Set.of());
        logInEveryWorkingDayExcept(FOUR_MISSES, Set.of(1, 2, 3));
        logInEveryWorkingDayExcept(LATE_ONCE, Set.of(2));
        DutyCheck check = check();
        checkAt(check, "2020-09-07T09:00");
        assertThat(ledger.lastCheckedDay()).contains(LocalDate.of(2020, 9, 6));

        // when it runs again with the same units and nothing new is due
        int reads = ledger.loginReads;
        checkAt(check, "2020-09-07T09:00");

        // then no day's log-ins are read again
        assertThat(ledger.loginReads).isEqualTo(reads);

        // when a unit becomes known, the month's working days (the 1st to the 4th) are judged again, for it too
        givenUnits(LATE_ONCE);
        checkAt(check, "2020-09-07T09:00");
        assertThat(ledger.loginReads).isEqualTo(reads + 4);
        assertThat(ledger.missedDays(LATE_ONCE, SEPTEMBER)).containsExactly(LocalDate.of(2020, 9, 2));
        checkAt(check, "2020-09-07T09:00");
        assertThat(ledger.loginReads).isEqualTo(reads + 4);

        // when the process restarts, its first run judges them again
        checkAt("2020-09-07T09:00");
        assertThat(ledger.loginReads).isEqualTo(reads + 8);
        assertThat(letters).isEmpty();
    }

    @Test
    void givenAnotherInstanceJudgedDaysWhenTheCheckRunsThenItJudgesTheMonthAgain() {
        givenUnits(DILIGENT);
        logInEveryWorkingDayExcept(DILIGENT, Set.of());
        DutyCheck check = check();
        checkAt(check, "2020-09-02T09:45");
        assertThat(ledger.lastCheckedDay()).contains(LocalDate.of(2020, 9, 1));
        // another instance judges the 2nd to the 4th, with the units it knows
        checkAt(check(), "2020-09-07T09:00");
        int reads = ledger.loginReads;

        checkAt(check, "2020-09-07T09:00");

        // those may have been fewer than this instance knows: the 1st to the 4th are judged again, once
        assertThat(ledger.loginReads).isEqualTo(reads + 4);
        checkAt(check, "2020-09-07T09:00");
        assertThat(ledger.loginReads).isEqualTo(reads + 4);
    }

    @Test
    void loginAfterFourPmIsAMissedDay() {
        givenUnits(FOUR_MISSES);
        logInEveryWorkingDayExcept(FOUR_MISSES, Set.of(1, 2, 3));
        planned.add(new Login(FOUR_MISSES, at("2020-09-03T16:00")));

        checkAt("2020-09-04T17:00");

        assertThat(ledger.missedDays(FOUR_MISSES, SEPTEMBER))
                .containsExactly(LocalDate.of(2020, 9, 1), LocalDate.of(2020, 9, 2), LocalDate.of(2020, 9, 3));
    }

    @Test
    void todayIsCheckedOnlyAfterFourPmAndTheGrace() {
        givenUnits(DILIGENT, FOUR_MISSES);
        planned.add(new Login(DILIGENT, at("2020-09-01T09:30")));
        planned.add(new Login(FOUR_MISSES, at("2020-09-01T16:02")));

        checkAt("2020-09-01T16:01");
        assertThat(ledger.checkedDays).isEmpty();

        checkAt("2020-09-01T16:02");
        assertThat(ledger.checkedDays).containsExactly(LocalDate.of(2020, 9, 1));
        assertThat(ledger.missedDays(FOUR_MISSES, SEPTEMBER)).containsExactly(LocalDate.of(2020, 9, 1));
    }

    @Test
    void aLiveDayIsJudgedOnceTheLogInWatermarkHasPassedFourPmAndTheGrace() {
        givenUnits(DILIGENT, FOUR_MISSES);
        planned.add(new Login(DILIGENT, at("2020-09-01T09:30")));
        planned.add(new Login(FOUR_MISSES, at("2020-09-01T15:59")));
        planned.add(new Login(DILIGENT, at("2020-09-01T16:05")));

        // a log-in of 15:59 may still be on its way at 16:02, unless a later one has come
        checkAt("2020-09-01T16:04");
        assertThat(ledger.checkedDays).isEmpty();

        checkAt("2020-09-01T16:05");
        assertThat(ledger.checkedDays).containsExactly(LocalDate.of(2020, 9, 1));
        assertThat(ledger.misses).isEmpty();
    }

    @Test
    void aDayWithoutAnyLogInIsJudgedAfterMaxLatenessOnlyWhenTheFeedIsCaughtUpAndQuiet() {
        givenUnits(DILIGENT, FOUR_MISSES);
        // nobody logs in on the 2nd: the watermark stays at the 1st
        planned.add(new Login(DILIGENT, at("2020-09-01T09:30")));
        planned.add(new Login(FOUR_MISSES, at("2020-09-01T09:31")));

        checkAt("2020-09-03T15:59");
        assertThat(ledger.checkedDays).containsExactly(LocalDate.of(2020, 9, 1));

        caughtUp = false;
        checkAt("2020-09-03T16:00");
        assertThat(ledger.checkedDays).containsExactly(LocalDate.of(2020, 9, 1));

        caughtUp = true;
        checkAt("2020-09-03T16:00");
        assertThat(ledger.checkedDays).containsExactly(LocalDate.of(2020, 9, 1), LocalDate.of(2020, 9, 2));
        assertThat(ledger.missedDays(DILIGENT, SEPTEMBER)).containsExactly(LocalDate.of(2020, 9, 2));
        assertThat(ledger.missedDays(FOUR_MISSES, SEPTEMBER)).containsExactly(LocalDate.of(2020, 9, 2));
    }

    @Test
    void restartCatchesUpOnMissedDaysWithoutDuplicates() {
        givenUnits(FOUR_MISSES);
        logInEveryWorkingDayExcept(FOUR_MISSES, Set.of(1, 2, 3, 4, 7));

        checkAt("2020-09-03T17:00");
        assertThat(letters).isEmpty();
        // the service is down from the 3rd to the 10th, then a new instance starts over the same ledger
        checkAt("2020-09-10T09:00");
        checkAt("2020-10-01T16:01");
        checkAt("2020-10-01T16:01");

        assertThat(letters).extracting(Notice::id).containsExactly("duty-letter|xlt-huibin|2020-09");
        assertThat(letters.get(0).occurredAt()).isEqualTo(Instant.parse("2020-09-04T08:00:00Z"));
        assertThat(ledger.checkedDays).hasSize(30).doesNotHaveDuplicates();
    }

    @Test
    void aRunCutShortAfterItsLetterRaisesTheSameLetterAgain() {
        givenUnits(DILIGENT, FOUR_MISSES);
        logInEveryWorkingDayExcept(DILIGENT, Set.of());
        planned.add(new Login(DILIGENT, at("2020-09-04T16:30")));
        checkAt("2020-09-04T17:00");
        // as if the 4th day's letter was handed over but the day not marked checked
        ledger.checkedDays.remove(ledger.checkedDays.size() - 1);

        checkAt("2020-09-04T17:00");

        assertThat(letters)
                .extracting(Notice::id)
                .containsExactly("duty-letter|xlt-huibin|2020-09", "duty-letter|xlt-huibin|2020-09");
        assertThat(letters.get(0)).isEqualTo(letters.get(1));
    }

    @Test
    void missedDaysCountPerMonth() {
        givenUnits(FOUR_MISSES);
        logInEveryWorkingDayExcept(FOUR_MISSES, Set.of(28, 29, 30));
        logInEveryWorkingDayOfOctoberExcept(FOUR_MISSES, Set.of(9));

        checkAt("2020-10-12T17:00");

        assertThat(ledger.checkedDays).contains(LocalDate.of(2020, 10, 9));
        assertThat(letters).isEmpty();
    }

    @Test
    void noDayAfterUntilIsChecked() {
        rules = new DutyRules(
                LocalTime.of(16, 0), Duration.ofMinutes(2), 4, LocalDate.of(2020, 9, 1), LocalDate.of(2020, 9, 30));
        givenUnits(DILIGENT, FOUR_MISSES);
        logInEveryWorkingDayExcept(DILIGENT, Set.of());

        checkAt("2020-11-30T17:00");

        assertThat(ledger.checkedDays).hasSize(30).last().isEqualTo(LocalDate.of(2020, 9, 30));
        assertThat(letters).extracting(Notice::period).containsExactly("2020-09");
    }

    @Test
    void logInsLoadedAfterTheFirstRunOfAPastMonthGiveNoWrongLetter() {
        // as run.sh: the units are known from unit-metrics, the check runs, then the month's log-ins arrive
        givenUnits(DILIGENT, FOUR_MISSES, LATE_ONCE);
        clock.set(LOAD_TIME);
        check().run(letters::add);
        assertThat(ledger.checkedDays).isEmpty();

        List<Login> month = sampleMonth();
        for (int i = 0; i < month.size(); i += 10) {
            for (Login login : month.subList(i, Math.min(i + 10, month.size()))) {
                ledger.recordLogin(login.unitId(), login.at(), clock.instant());
            }
            clock.advance(Duration.ofSeconds(1));
            check().run(letters::add);
        }
        assertThat(letters).isEmpty();
        assertThat(ledger.checkedDays).isEmpty();

        clock.advance(rules.quietPeriod());
        check().run(letters::add);

        assertThat(letters).extracting(Notice::id).containsExactly("duty-letter|xlt-huibin|2020-09");
        assertThat(ledger.missedDays(LATE_ONCE, SEPTEMBER)).containsExactly(LocalDate.of(2020, 9, 15));
        assertThat(ledger.missedDays(DILIGENT, SEPTEMBER)).isEmpty();
    }

    @Test
    void aLoadThatPausesIsJudgedUpToItsWatermarkOnly() {
        givenUnits(DILIGENT, FOUR_MISSES);
        clock.set(LOAD_TIME);
        List<Login> month = sampleMonth();
        Instant pause = at("2020-09-15T12:00");

        month.stream().filter(login -> login.at().isBefore(pause)).forEach(this::consumeNow);
        clock.advance(rules.quietPeriod());
        check().run(letters::add);

        // the 15th waits: its afternoon log-ins may be in the rest of the load
        assertThat(ledger.lastCheckedDay()).contains(LocalDate.of(2020, 9, 14));
        month.stream().filter(login -> !login.at().isBefore(pause)).forEach(this::consumeNow);
        clock.advance(rules.quietPeriod());
        check().run(letters::add);
        assertThat(ledger.checkedDays).contains(LocalDate.of(2020, 9, 30));
        assertThat(ledger.missedDays(FOUR_MISSES, SEPTEMBER)).hasSize(4);
    }

    @Test
    void nothingIsJudgedWhileTheFeedIsBehindEvenWhenItsWatermarkIsAhead() {
        // a replay from Kafka: one partition is read to the 30th, another is still at the 1st
        givenUnits(DILIGENT, FOUR_MISSES);
        clock.set(LOAD_TIME);
        sampleMonth().stream().filter(login -> login.unitId().equals(DILIGENT)).forEach(this::consumeNow);
        clock.advance(Duration.ofMinutes(5));

        caughtUp = false;
        check().run(letters::add);
        assertThat(ledger.checkedDays).isEmpty();

        sampleMonth().stream()
                .filter(login -> login.unitId().equals(FOUR_MISSES))
                .forEach(this::consumeNow);
        caughtUp = true;
        clock.advance(rules.quietPeriod());
        check().run(letters::add);
        assertThat(ledger.missedDays(FOUR_MISSES, SEPTEMBER)).hasSize(4);
        assertThat(ledger.missedDays(DILIGENT, SEPTEMBER)).isEmpty();
    }

    @Test
    void shuffledAndDuplicatedLogInsGiveTheSameLettersAsCleanOnes() {
        Map<String, String> units =
                Map.of(DILIGENT, "工信局", FOUR_MISSES, "惠宾街道", THREE_MISSES, "振兴街道", LATE_ONCE, "沈采街道");
        List<Login> clean = sampleMonth();
        List<Login> messy = new ArrayList<>(clean);
        messy.addAll(clean);
        Collections.shuffle(messy, new Random(8890));

        Replay inOrder = Replay.of(units, clean, rules);
        Replay shuffled = Replay.of(units, messy, rules);

        assertThat(inOrder.letters()).extracting(Notice::id).containsExactly("duty-letter|xlt-huibin|2020-09");
        assertThat(shuffled.letters()).isEqualTo(inOrder.letters());
        assertThat(shuffled.missedDays()).isEqualTo(inOrder.missedDays());
    }

    @Test
    void theDemoMonthLoadedAfterStartGetsExactlyTheExpectedLetters() {
        DemoMonth demo = DemoMonth.generate();
        ExpectedTotals expected = demo.expected();
        Map<String, String> units = new TreeMap<>();
        DemoUnit.ALL.forEach(unit -> units.put(unit.unitId(), unit.unitName()));
        // MINXIN_DUTY_SINCE and MINXIN_DUTY_UNTIL of run.sh
        DutyRules demoRules = new DutyRules(
                LocalTime.of(16, 0), Duration.ofMinutes(2), 4, LocalDate.of(2020, 9, 1), LocalDate.of(2020, 9, 30));

        Replay clean = Replay.of(units, logins(demo.loginEvents()), demoRules);
        Replay messy = Replay.of(units, logins(demo.messyEvents(8890)), demoRules);

        for (Replay replay : List.of(clean, messy)) {
            assertThat(replay.letters())
                    .extracting(Notice::unitId)
                    .containsExactlyInAnyOrderElementsOf(expected.reminderLetterUnits());
            assertThat(replay.missedDays()).isEqualTo(expected.missedDutyDays());
        }
        assertThat(clean.letters())
                .allSatisfy(letter -> assertThat(letter.title()).startsWith("提示函：" + units.get(letter.unitId())));
        assertThat(messy.letters()).isEqualTo(clean.letters());
    }

    @Test
    void aLetterWaitsForItsUnitsNameAndNamesTheUnitOnceItComes() {
        givenUnits(DILIGENT);
        ledger.units.put(FOUR_MISSES, null);
        logInEveryWorkingDayExcept(DILIGENT, Set.of());
        DutyCheck check = check();

        checkAt(check, "2020-09-05T17:00");
        assertThat(letters).isEmpty();
        // the 4th is held back with its letter; the 1st to 3rd are done
        assertThat(ledger.lastCheckedDay()).contains(LocalDate.of(2020, 9, 3));

        ledger.units.put(FOUR_MISSES, "盘锦市兴隆台区惠宾街道办事处");
        checkAt(check, "2020-09-05T17:01");

        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.unitName()).isEqualTo("盘锦市兴隆台区惠宾街道办事处");
            assertThat(letter.title()).isEqualTo("提示函：盘锦市兴隆台区惠宾街道办事处2020年9月未登录值守4天");
        });
        assertThat(ledger.lastCheckedDay()).contains(LocalDate.of(2020, 9, 5));
    }

    @Test
    void aLetterNamesItsUnitByIdWhenNoNameComesWithinTheWait() {
        givenUnits(DILIGENT);
        ledger.units.put(FOUR_MISSES, null);
        logInEveryWorkingDayExcept(DILIGENT, Set.of());
        DutyCheck check = check();

        checkAt(check, "2020-09-05T17:00");
        checkAt(check, "2020-09-05T17:04:59");
        assertThat(letters).isEmpty();

        checkAt(check, "2020-09-05T17:05");

        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.unitName()).isNull();
            assertThat(letter.title()).isEqualTo("提示函：xlt-huibin2020年9月未登录值守4天");
        });
    }

    /** The units of {@link #sampleMonth()} and their log-ins in September, in time order. */
    private static List<Login> sampleMonth() {
        List<Login> month = new ArrayList<>();
        for (LocalDate day : CALENDAR.workingDays(SEPTEMBER)) {
            int d = day.getDayOfMonth();
            month.add(new Login(DILIGENT, day.atTime(8, 45)));
            // the diligent unit also works late, so every day has a log-in after its 16:00
            month.add(new Login(DILIGENT, day.atTime(18, 10)));
            if (!Set.of(1, 8, 27, 29).contains(d)) {
                month.add(new Login(FOUR_MISSES, day.atTime(9, 30)));
            }
            if (!Set.of(2, 3, 30).contains(d)) {
                month.add(new Login(THREE_MISSES, day.atTime(15, 59)));
            }
            month.add(new Login(LATE_ONCE, day.atTime(d == 15 ? 16 : 10, 5)));
        }
        month.sort(Comparator.comparing(Login::at));
        return month;
    }

    private static List<Login> logins(List<CaseEvent> events) {
        return events.stream()
                .filter(event -> event.data() instanceof UnitLogin)
                .map(event -> new Login(((UnitLogin) event.data()).unitId(), event.occurredAt()))
                .toList();
    }

    private void givenUnits(String... unitIds) {
        for (String unitId : unitIds) {
            ledger.units.put(unitId, "name of " + unitId);
        }
    }

    private void logInEveryWorkingDayExcept(String unitId, Set<Integer> missedDaysOfMonth) {
        for (LocalDate day : CALENDAR.workingDays(SEPTEMBER)) {
            if (!missedDaysOfMonth.contains(day.getDayOfMonth())) {
                planned.add(new Login(unitId, day.atTime(9, 30)));
            }
        }
    }

    private void logInEveryWorkingDayOfOctoberExcept(String unitId, Set<Integer> missedDaysOfMonth) {
        for (LocalDate day : CALENDAR.workingDays(YearMonth.of(2020, 10))) {
            if (!missedDaysOfMonth.contains(day.getDayOfMonth())) {
                planned.add(new Login(unitId, day.atTime(15, 59)));
            }
        }
    }

    private void consumeNow(Login login) {
        ledger.recordLogin(login.unitId(), login.at(), clock.instant());
    }

    private DutyCheck check() {
        return new DutyCheck(clock, CALENDAR, ledger, () -> caughtUp, rules);
    }

    /** A fresh DutyCheck (as after a restart) over the same ledger, at a local time of Asia/Shanghai. */
    private void checkAt(String localDateTime) {
        checkAt(check(), localDateTime);
    }

    /** Live operation: the log-ins up to then are consumed as they happen, then the check runs. */
    private void checkAt(DutyCheck check, String localDateTime) {
        Instant now = at(localDateTime);
        planned.sort(Comparator.comparing(Login::at));
        for (Login login : List.copyOf(planned)) {
            if (!login.at().isAfter(now)) {
                ledger.recordLogin(login.unitId(), login.at(), login.at());
                planned.remove(login);
            }
        }
        clock.set(now);
        check.run(letters::add);
    }

    private static Instant at(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), WorkingCalendar.ZONE)
                .toInstant();
    }

    record Login(String unitId, Instant at) {
        Login(String unitId, LocalDateTime local) {
            this(unitId, local.atZone(WorkingCalendar.ZONE).toInstant());
        }
    }

    /**
     * A month of log-ins loaded years later, after the service started: batches a second apart with a check after
     * each, as the scheduled check may run at any moment of the load; then the load is over.
     */
    record Replay(List<Notice> letters, Map<String, List<LocalDate>> missedDays) {
        static Replay of(Map<String, String> units, List<Login> logins, DutyRules rules) {
            InMemoryDutyLedger ledger = new InMemoryDutyLedger();
            ledger.units.putAll(units);
            MutableClock clock = new MutableClock(LOAD_TIME);
            List<Notice> letters = new ArrayList<>();
            DutyCheck check = new DutyCheck(clock, CALENDAR, ledger, () -> true, rules);
            check.run(letters::add);
            for (int i = 0; i < logins.size(); i += 100) {
                for (Login login : logins.subList(i, Math.min(i + 100, logins.size()))) {
                    ledger.recordLogin(login.unitId(), login.at(), clock.instant());
                }
                clock.advance(Duration.ofSeconds(1));
                check.run(letters::add);
            }
            clock.advance(rules.quietPeriod());
            check.run(letters::add);
            Map<String, List<LocalDate>> missed = new TreeMap<>();
            units.keySet().forEach(unitId -> missed.put(unitId, ledger.missedDays(unitId, SEPTEMBER)));
            return new Replay(List.copyOf(letters), missed);
        }
    }
}
