package io.minxin.notice.disputes;

import io.minxin.events.calendar.WorkingCalendar;
import io.minxin.events.state.AssessmentPeriod;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The filing window of disputes from its setting, the period cut-off and the working-day calendar. */
@Configuration(proxyBeanMethods = false)
class DisputeConfig {
    @Bean
    DisputeWindow disputeWindow(DisputeSettings settings, AssessmentPeriod periods) {
        return new DisputeWindow(periods, WorkingCalendar.china(), settings.windowWorkingDays());
    }
}
