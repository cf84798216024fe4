package io.minxin.metrics.monitoring;

import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Readiness of the stream applications: UP only when every one is RUNNING. The binder's own indicator
 * also counts REBALANCING (restoring state) as up, which is right for liveness but not for serving.
 */
@Component("streams")
class StreamsHealthIndicator implements HealthIndicator {
    private final KafkaStreamsRegistry registry;

    StreamsHealthIndicator(KafkaStreamsRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Health health() {
        List<StreamsBuilderFactoryBean> factoryBeans = registry.streamsBuilderFactoryBeans();
        if (factoryBeans.isEmpty()) {
            return Health.down()
                    .withDetail("reason", "no stream application started yet")
                    .build();
        }
        Health.Builder health = Health.up();
        for (StreamsBuilderFactoryBean factoryBean : factoryBeans) {
            KafkaStreams streams = factoryBean.getKafkaStreams();
            String applicationId =
                    String.valueOf(factoryBean.getStreamsConfiguration().get("application.id"));
            KafkaStreams.State state = streams == null ? KafkaStreams.State.CREATED : streams.state();
            health.withDetail(applicationId, state.name());
            if (state != KafkaStreams.State.RUNNING) {
                health.down();
            }
        }
        return health.build();
    }
}
