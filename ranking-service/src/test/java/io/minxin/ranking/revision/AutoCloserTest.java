package io.minxin.ranking.revision;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.state.AssessmentPeriod;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AutoCloserTest {

    @Test
    void calendarMonthClosesFiveDaysAfterItsLastDayInShanghai() {
        AutoCloser closer = closer(AssessmentPeriod.calendarMonth());

        assertThat(closer.closesAt("2020-09")).isEqualTo(Instant.parse("2020-10-05T16:00:00Z"));
    }

    @Test
    void cutOffPeriodClosesFiveDaysAfterItsCutOffDay() {
        AutoCloser closer = closer(AssessmentPeriod.cutOffOn(25));

        assertThat(closer.closesAt("2020-10")).isEqualTo(Instant.parse("2020-10-30T16:00:00Z"));
    }

    private static AutoCloser closer(AssessmentPeriod calendar) {
        return new AutoCloser(
                new AutoCloser.Settings(true, 5, Duration.ofMinutes(15)), calendar, null, null, null, null);
    }
}
