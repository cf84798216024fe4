package io.minxin.servicekit;

import io.minxin.events.state.AssessmentPeriod;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The settings every service reads the same way: the assessment period. */
@AutoConfiguration
@EnableConfigurationProperties(PeriodSettings.class)
public class SharedSettingsAutoConfiguration {

    @Bean
    AssessmentPeriod assessmentPeriod(PeriodSettings settings) {
        return settings.period();
    }
}
