package io.minxin.notice;

import io.minxin.servicekit.registry.UnitRegistryConfiguration;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 推诿, target and duty alerts, the monthly bulletin and webhook delivery of every notice. */
@SpringBootApplication
@Import(UnitRegistryConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class NoticeApplication {
    public static void main(String[] args) {
        SpringApplication.run(NoticeApplication.class, args);
    }

    /** Every "now" of the service comes from here, so tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
