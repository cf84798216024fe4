package io.minxin.intake;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Accepts CloudEvents over HTTP and publishes them to Kafka, a batch in one transaction. */
@SpringBootApplication
@ConfigurationPropertiesScan
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Minxin intake",
                        version = "v1",
                        description = "Platform integrations push citizen-appeal lifecycle events (CloudEvents 1.0); "
                                + "each accepted event is on Kafka before the answer."))
public class IntakeApplication {
    public static void main(String[] args) {
        SpringApplication.run(IntakeApplication.class, args);
    }
}
