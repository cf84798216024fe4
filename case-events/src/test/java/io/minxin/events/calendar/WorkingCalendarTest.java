package io.minxin.events.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minxin.events.calendar.WorkingCalendar.DayKind;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {
    private final WorkingCalendar calendar = WorkingCalendar.china();

    @Test
    void september2020CountsTheMakeUpSundayBeforeNationalDay() {
        // 22 weekdays (no holiday falls in September 2020) plus Sunday 27 September worked for 国庆节
        assertThat(calendar.workingDaysIn(YearMonth.of(2020, 9))).isEqualTo(23);
        assertThat(calendar.workingDays(YearMonth.of(2020, 9))).contains(LocalDate.of(2020, 9, 27));
        assertThat(calendar.dayKind(LocalDate.of(2020, 9, 27))).isEqualTo(DayKind.MAKEUP_WORKDAY);
        assertThat(calendar.makeUpWorkdayFor(LocalDate.of(2020, 9, 27))).contains("国庆节、中秋节");
        assertThat(calendar.isWorkingDay(LocalDate.of(2020, 9, 26))).isFalse();
    }

    @Test
    void nationalDayWeek2020IsOffAndTheSaturdayAfterIsWorked() {
        for (LocalDate day = LocalDate.of(2020, 10, 1);
                !day.isAfter(LocalDate.of(2020, 10, 8));
                day = day.plusDays(1)) {
            assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse();
            assertThat(calendar.holidayName(day)).as(day.toString()).contains("国庆节、中秋节");
        }
        assertThat(calendar.isWorkingDay(LocalDate.of(2020, 10, 9))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2020, 10, 10))).isTrue();
        assertThat(calendar.workingDaysIn(YearMonth.of(2020, 10))).isEqualTo(17);
    }

    @Test
    void springFestival2020IncludesTheExtensionToFebruary2() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2020, 1, 19))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2020, 1, 31))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2020, 2, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2020, 2, 3))).isTrue();
    }

    @Test
    void years2024And2025FollowTheirNotices() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 4))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 16))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 9, 14))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 10, 12))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 26))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 2, 8))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 28))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 11))).isTrue();
        for (LocalDate day = LocalDate.of(2025, 10, 1);
                !day.isAfter(LocalDate.of(2025, 10, 8));
                day = day.plusDays(1)) {
            assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse();
        }
        assertThat(calendar.holidayName(LocalDate.of(2025, 1, 28))).contains("春节");
    }

    @Test
    void year2026HasTheNineDaySpringFestival() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 4))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
    }

    @Test
    void year2027IsMarkedProvisional() {
        assertThat(calendar.provisionalYears()).containsExactly(2027);
        assertThat(calendar.years())
                .extracting(WorkingCalendar.Year::year)
                .containsExactly(2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027);
        assertThat(calendar.years()).allSatisfy(y -> assertThat(y.source()).isNotBlank());
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 8))).isFalse();
    }

    @Test
    void ordinaryDaysFollowTheMondayToFridayRule() {
        assertThat(calendar.dayKind(LocalDate.of(2020, 9, 14))).isEqualTo(DayKind.WORKDAY);
        assertThat(calendar.dayKind(LocalDate.of(2020, 9, 19))).isEqualTo(DayKind.WEEKEND);
        assertThat(calendar.holidayName(LocalDate.of(2020, 9, 19))).isEmpty();
        assertThat(calendar.makeUpWorkdayFor(LocalDate.of(2020, 9, 14))).isEmpty();
    }

    @Test
    void plusWorkingDaysSkipsHolidaysAndCountsMakeUpDays() {
        // 25 Sep (Fri) -> 27 Sep (Sun, worked) -> 28, 29, 30 -> 9 Oct (Fri) -> 10 Oct (Sat, worked)
        assertThat(calendar.plusWorkingDays(LocalDate.of(2020, 9, 25), 1)).isEqualTo(LocalDate.of(2020, 9, 27));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2020, 9, 25), 4)).isEqualTo(LocalDate.of(2020, 9, 30));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2020, 9, 25), 5)).isEqualTo(LocalDate.of(2020, 10, 9));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2020, 9, 25), 6)).isEqualTo(LocalDate.of(2020, 10, 10));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2020, 10, 9), -1)).isEqualTo(LocalDate.of(2020, 9, 30));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2020, 10, 3), 0)).isEqualTo(LocalDate.of(2020, 10, 3));
    }

    @Test
    void fifteenWorkingDayDeadlineEndsAtLocalMidnight() {
        // accepted Tue 1 Sep 2020 10:00 local: the 15th working day after is Tue 22 Sep
        Instant accepted = Instant.parse("2020-09-01T02:00:00Z");
        assertThat(calendar.dueAt(accepted, 15)).isEqualTo(Instant.parse("2020-09-22T15:59:59Z"));
        // a UTC instant late on 31 Aug is already 1 Sep in Shanghai
        assertThat(calendar.dueAt(Instant.parse("2020-08-31T17:00:00Z"), 15))
                .isEqualTo(Instant.parse("2020-09-22T15:59:59Z"));
    }

    @Test
    void datesOutsideTheDataAreRefusedNamingTheYear() {
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2019, 12, 31)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2019");
        assertThatThrownBy(() -> calendar.workingDaysIn(YearMonth.of(2028, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2028");
        assertThatThrownBy(() -> calendar.plusWorkingDays(LocalDate.of(2027, 12, 20), 15))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2028");
    }

    @Test
    void parseNamesTheLineOfBadData() {
        String data = "year,2030,official,test\n2030-01-01,HOLIDAY,元旦\n2030-01-02,WORKDAY,元旦\n";
        assertThatThrownBy(() -> WorkingCalendar.parse(new StringReader(data)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("not a Saturday or Sunday");
    }

    @Test
    void parseRefusesDaysOfAnUndeclaredYear() {
        String data = "year,2030,official,test\n2031-01-01,HOLIDAY,元旦\n";
        assertThatThrownBy(() -> WorkingCalendar.parse(new StringReader(data)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2031-01-01");
    }

    @Test
    void everyDataYearHasTheUsualNumberOfDaysOff() {
        // 2021 had 250 working days, 2024 had 251, 2025 has 248: a year outside 245–252 is a data error
        for (WorkingCalendar.Year year : calendar.years()) {
            int working = 0;
            for (int m = 1; m <= 12; m++) {
                working += calendar.workingDaysIn(YearMonth.of(year.year(), m));
            }
            assertThat(working).as("working days of %d", year.year()).isBetween(245, 252);
        }
    }
}
