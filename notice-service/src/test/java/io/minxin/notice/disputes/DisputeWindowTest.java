package io.minxin.notice.disputes;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.calendar.WorkingCalendar;
import io.minxin.events.state.AssessmentPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The filing window counts working days after the period's last day, holidays and 调休 included. */
class DisputeWindowTest {
    private final DisputeWindow window =
            new DisputeWindow(AssessmentPeriod.calendarMonth(), WorkingCalendar.china(), 5);

    @Test
    void givenSeptember2020ThenTheNationalDayHolidayIsSkippedAndTheMakeUpSaturdayCounts() {
        // 10-01..10-08 holidays; 10-09 Fri, 10-10 Sat (调休上班), 10-12 Mon, 10-13, 10-14
        assertThat(window.lastDay(YearMonth.of(2020, 9))).isEqualTo(LocalDate.of(2020, 10, 14));
        assertThat(window.closesAt(YearMonth.of(2020, 9))).isEqualTo(Instant.parse("2020-10-14T16:00:00Z"));
    }

    @Test
    void givenTheLastMomentOfTheLastDayThenFilingIsOpenAndAtMidnightItIsClosed() {
        YearMonth period = YearMonth.of(2020, 9);

        assertThat(window.open(period, Instant.parse("2020-09-15T00:00:00Z"))).isTrue();
        assertThat(window.open(period, Instant.parse("2020-10-14T15:59:59Z"))).isTrue();
        assertThat(window.open(period, Instant.parse("2020-10-14T16:00:00Z"))).isFalse();
    }

    @Test
    void givenACutOffDayThenTheWindowFollowsThePeriodsEnd() {
        DisputeWindow cutOff25 = new DisputeWindow(AssessmentPeriod.cutOffOn(25), WorkingCalendar.china(), 1);

        // 2020-11 ends on Wednesday 2020-11-25: the next working day is Thursday
        assertThat(cutOff25.lastDay(YearMonth.of(2020, 11))).isEqualTo(LocalDate.of(2020, 11, 26));
    }

    @Test
    void givenAYearTheCalendarDoesNotCoverThenMondayToFridayCount() {
        // 2040-03-31 is a Saturday: Monday to Friday of the next week
        assertThat(window.lastDay(YearMonth.of(2040, 3))).isEqualTo(LocalDate.of(2040, 4, 6));
    }
}
