package io.minxin.notice.disputes;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Disputes (申诉) of units.
 *
 * @param windowWorkingDays a dispute about a case of a period can be filed until the end of this many working
 *     days after the period's last day (the working-day calendar: holidays and 调休 counted)
 */
@ConfigurationProperties("minxin.notice.disputes")
record DisputeSettings(@DefaultValue("5") int windowWorkingDays) {
    DisputeSettings {
        if (windowWorkingDays < 0) {
            throw new IllegalArgumentException("minxin.notice.disputes.window-working-days must not be negative");
        }
    }
}
