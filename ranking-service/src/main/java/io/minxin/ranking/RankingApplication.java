package io.minxin.ranking;

import io.minxin.events.state.AssessmentPeriod;
import io.minxin.servicekit.registry.UnitRegistryConfiguration;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Ranking policies as data, monthly rankings of the handling units, period close and revisions. */
@SpringBootApplication
@Import(UnitRegistryConfiguration.class)
@EnableScheduling
public class RankingApplication {

    public static void main(String[] args) {
        SpringApplication.run(RankingApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.system(AssessmentPeriod.ZONE);
    }
}
