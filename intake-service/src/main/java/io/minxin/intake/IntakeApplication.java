package io.minxin.intake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Accepts CloudEvents over HTTP and publishes them to Kafka, a batch in one transaction. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IntakeApplication {
    public static void main(String[] args) {
        SpringApplication.run(IntakeApplication.class, args);
    }
}
