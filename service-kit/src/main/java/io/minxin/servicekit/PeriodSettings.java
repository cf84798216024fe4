package io.minxin.servicekit;

import io.minxin.events.state.AssessmentPeriod;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The assessment period, one setting for every service that computes a period (metrics, ranking, notice): they
 * must agree, or rankings come out on one period and target alerts and the bulletin on another.
 *
 * @param cutOffDay 0 for calendar months; 1..28 for periods that end on that day of each month (25: the 26th to the
 *     25th)
 */
@ConfigurationProperties("minxin.period")
public record PeriodSettings(@DefaultValue("0") int cutOffDay) {

    public AssessmentPeriod period() {
        return new AssessmentPeriod(cutOffDay);
    }
}
