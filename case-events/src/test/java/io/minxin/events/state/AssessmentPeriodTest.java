package io.minxin.events.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class AssessmentPeriodTest {

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(AssessmentPeriod.ZONE).toInstant();
    }

    @Test
    void calendarMonthEndsAtLocalMidnightNotUtcMidnight() {
        AssessmentPeriod months = AssessmentPeriod.calendarMonth();

        assertThat(months.nameOf(shanghai("2020-09-30T23:59:59"))).isEqualTo("2020-09");
        assertThat(months.nameOf(shanghai("2020-10-01T00:00:00"))).isEqualTo("2020-10");
        // 2020-09-30T16:30Z is already 2020-10-01 00:30 in Shanghai
        assertThat(months.nameOf(Instant.parse("2020-09-30T16:30:00Z"))).isEqualTo("2020-10");
    }

    @Test
    void cutOffDayMovesTheDaysAfterItIntoTheNextPeriod() {
        AssessmentPeriod cutOff25 = AssessmentPeriod.cutOffOn(25);

        assertThat(cutOff25.nameOf(shanghai("2020-09-25T23:59:59"))).isEqualTo("2020-09");
        assertThat(cutOff25.nameOf(shanghai("2020-09-26T00:00:00"))).isEqualTo("2020-10");
        assertThat(cutOff25.nameOf(shanghai("2020-10-25T23:59:59"))).isEqualTo("2020-10");
        assertThat(cutOff25.nameOf(shanghai("2020-12-26T00:00:00"))).isEqualTo("2021-01");
    }

    @Test
    void cutOffPeriodRunsFromTheDayAfterTheCutOffToTheCutOff() {
        AssessmentPeriod cutOff25 = AssessmentPeriod.cutOffOn(25);
        YearMonth october = YearMonth.of(2020, 10);

        assertThat(cutOff25.firstDay(october)).isEqualTo(LocalDate.of(2020, 9, 26));
        assertThat(cutOff25.lastDay(october)).isEqualTo(LocalDate.of(2020, 10, 25));
        assertThat(cutOff25.start(october)).isEqualTo(shanghai("2020-09-26T00:00:00"));
        assertThat(cutOff25.end(october)).isEqualTo(shanghai("2020-10-26T00:00:00"));
    }

    @Test
    void calendarMonthBoundsAreTheFirstAndLastDayOfTheMonth() {
        AssessmentPeriod months = AssessmentPeriod.calendarMonth();
        YearMonth february = YearMonth.of(2020, 2);

        assertThat(months.firstDay(february)).isEqualTo(LocalDate.of(2020, 2, 1));
        assertThat(months.lastDay(february)).isEqualTo(LocalDate.of(2020, 2, 29));
        assertThat(months.end(february)).isEqualTo(shanghai("2020-03-01T00:00:00"));
    }

    @Test
    void refusesCutOffDaysThatSomeMonthsDoNotHave() {
        assertThatThrownBy(() -> AssessmentPeriod.cutOffOn(29)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AssessmentPeriod.cutOffOn(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
