package io.minxin.servicekit;

import io.minxin.events.state.AssessmentPeriod;
import io.minxin.servicekit.kafka.KafkaClientSettings;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The settings every service reads the same way: the assessment period, how its Kafka clients connect. */
@AutoConfiguration
@EnableConfigurationProperties({PeriodSettings.class, KafkaClientSettings.class})
public class SharedSettingsAutoConfiguration {

    @Bean
    AssessmentPeriod assessmentPeriod(PeriodSettings settings) {
        return settings.period();
    }
}
