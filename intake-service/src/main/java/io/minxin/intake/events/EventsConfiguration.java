package io.minxin.intake.events;

import io.minxin.events.EventValidator;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EventsConfiguration {
    @Bean
    EventBatchReader eventBatchReader(IntakeProperties intake) {
        EventValidator validator = new EventValidator(Clock.systemUTC(), intake.maxClockSkew());
        return new EventBatchReader(validator, intake.maxBatchEvents(), intake.maxNestingDepth());
    }
}
