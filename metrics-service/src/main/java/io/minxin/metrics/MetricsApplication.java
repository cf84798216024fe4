package io.minxin.metrics;

import io.minxin.servicekit.registry.UnitRegistryConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** Case state and per-unit rates from case-events (Kafka Streams), projected into MongoDB and queried over HTTP. */
@SpringBootApplication
@Import(UnitRegistryConfiguration.class)
@ConfigurationPropertiesScan
public class MetricsApplication {
    public static void main(String[] args) {
        SpringApplication.run(MetricsApplication.class, args);
    }
}
