package io.minxin.notice.duty;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.calendar.WorkingCalendar;
import io.minxin.notice.notices.Notice;
import io.minxin.notice.notices.NoticeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DutyCheckTest {
    static final YearMonth SEPTEMBER = YearMonth.of(2020, 9);
    static final WorkingCalendar CALENDAR = WorkingCalendar.china();
    static final String DILIGENT = "xlt-gongxin";
    static final String FOUR_MISSES = "xlt-huibin";
    static final String THREE_MISSES = "xlt-zhenxing";

    private final InMemoryDutyLedger ledger = new InMemoryDutyLedger();
    private DutyRules rules =
            new DutyRules(LocalTime.of(16, 0), Duration.ofMinutes(2), 4, LocalDate.of(2020, 9, 1), null);
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
        givenUnits("xlt-silent");

        checkAt("2020-09-30T17:00");

        assertThat(ledger.checkedDays).hasSize(30).doesNotHaveDuplicates();
        assertThat(ledger.misses).hasSize(23);
    }

    @Test
    void unitMissingFourDaysGetsExactlyOneLetterAndThreeDaysNone() {
        givenUnits(DILIGENT, FOUR_MISSES, THREE_MISSES);
        logInEveryWorkingDayExcept(DILIGENT, Set.of());
        logInEveryWorkingDayExcept(FOUR_MISSES, Set.of(1, 8, 27, 29));
        logInEveryWorkingDayExcept(THREE_MISSES, Set.of(2, 3, 30));

        checkAt("2020-09-30T17:00");

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
    void loginAfterFourPmIsAMissedDay() {
        givenUnits(FOUR_MISSES);
        logInEveryWorkingDayExcept(FOUR_MISSES, Set.of(1, 2, 3));
        ledger.recordLogin(FOUR_MISSES, at("2020-09-03T16:00"));

        checkAt("2020-09-04T17:00");

        assertThat(ledger.missedDays(FOUR_MISSES, SEPTEMBER))
                .containsExactly(LocalDate.of(2020, 9, 1), LocalDate.of(2020, 9, 2), LocalDate.of(2020, 9, 3));
    }

    @Test
    void todayIsCheckedOnlyAfterFourPmAndTheGrace() {
        givenUnits(FOUR_MISSES);

        checkAt("2020-09-01T16:01");
        assertThat(ledger.checkedDays).isEmpty();

        checkAt("2020-09-01T16:02");
        assertThat(ledger.checkedDays).containsExactly(LocalDate.of(2020, 9, 1));
    }

    @Test
    void restartCatchesUpOnMissedDaysWithoutDuplicates() {
        givenUnits(FOUR_MISSES);
        logInEveryWorkingDayExcept(FOUR_MISSES, Set.of(1, 2, 3, 4, 7));

        checkAt("2020-09-03T17:00");
        assertThat(letters).isEmpty();
        // the service is down from the 3rd to the 10th, then a new instance starts over the same ledger
        checkAt("2020-09-10T09:00");
        checkAt("2020-09-30T17:00");
        checkAt("2020-09-30T17:00");

        assertThat(letters).extracting(Notice::id).containsExactly("duty-letter|xlt-huibin|2020-09");
        assertThat(letters.get(0).occurredAt()).isEqualTo(Instant.parse("2020-09-04T08:00:00Z"));
        assertThat(ledger.checkedDays).hasSize(30).doesNotHaveDuplicates();
    }

    @Test
    void aRunCutShortAfterItsLetterRaisesTheSameLetterAgain() {
        givenUnits(FOUR_MISSES);
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

        assertThat(letters).isEmpty();
    }

    @Test
    void noDayAfterUntilIsChecked() {
        rules = new DutyRules(
                LocalTime.of(16, 0), Duration.ofMinutes(2), 4, LocalDate.of(2020, 9, 1), LocalDate.of(2020, 9, 30));
        givenUnits(FOUR_MISSES);

        checkAt("2020-11-30T17:00");

        assertThat(ledger.checkedDays).hasSize(30).last().isEqualTo(LocalDate.of(2020, 9, 30));
        assertThat(letters).extracting(Notice::period).containsExactly("2020-09");
    }

    private void givenUnits(String... unitIds) {
        for (String unitId : unitIds) {
            ledger.units.put(unitId, "name of " + unitId);
        }
    }

    private void logInEveryWorkingDayExcept(String unitId, Set<Integer> missedDaysOfMonth) {
        for (LocalDate day : CALENDAR.workingDays(SEPTEMBER)) {
            if (!missedDaysOfMonth.contains(day.getDayOfMonth())) {
                ledger.recordLogin(
                        unitId, day.atTime(9, 30).atZone(WorkingCalendar.ZONE).toInstant());
            }
        }
    }

    private void logInEveryWorkingDayOfOctoberExcept(String unitId, Set<Integer> missedDaysOfMonth) {
        for (LocalDate day : CALENDAR.workingDays(YearMonth.of(2020, 10))) {
            if (!missedDaysOfMonth.contains(day.getDayOfMonth())) {
                ledger.recordLogin(
                        unitId, day.atTime(15, 59).atZone(WorkingCalendar.ZONE).toInstant());
            }
        }
    }

    /** A fresh DutyCheck (as after a restart) over the same ledger, at a local time of Asia/Shanghai. */
    private void checkAt(String localDateTime) {
        Clock clock = Clock.fixed(at(localDateTime), WorkingCalendar.ZONE);
        new DutyCheck(clock, CALENDAR, ledger, rules).run(letters::add);
    }

    private static Instant at(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), WorkingCalendar.ZONE)
                .toInstant();
    }
}
