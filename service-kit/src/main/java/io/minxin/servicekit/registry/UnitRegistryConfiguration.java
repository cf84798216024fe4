package io.minxin.servicekit.registry;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.minxin.servicekit.kafka.KafkaClientSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The unit directory of a service that divides what it serves by jurisdiction (metrics, ranking, notice import it):
 * a {@link UnitRegistry} fed from {@code unit-activity}, which is also the service's
 * {@link io.minxin.servicekit.scope.Jurisdictions}, so a {@code jurisdiction:<id>} scope covers the units registered
 * there.
 */
@Configuration(proxyBeanMethods = false)
public class UnitRegistryConfiguration {
    /** Start-up waits this long for the directory to be read to the end before the service takes requests. */
    static final Duration START_WAIT = Duration.ofSeconds(20);

    @Bean
    UnitRegistry unitRegistry(ObjectProvider<Clock> clock) {
        return new UnitRegistry(clock.getIfAvailable(Clock::systemUTC));
    }

    /**
     * {@code minxin_unit_registry_units} (units registered) and {@code minxin_unit_registry_ready} (1 once the feed has
     * read unit-activity to its end): how far an instance's answers by jurisdiction can be trusted.
     */
    @Bean
    MeterBinder unitRegistryMetrics(UnitRegistry registry, UnitRegistryFeed feed) {
        return meters -> {
            Gauge.builder("minxin.unit.registry.units", registry, UnitRegistry::units)
                    .description("units with a registration (单位名录) in this instance's unit registry")
                    .register(meters);
            Gauge.builder("minxin.unit.registry.ready", feed, f -> f.isReady() ? 1 : 0)
                    .description("1 once the unit registry has read unit-activity to its end, else 0")
                    .register(meters);
        };
    }

    @Bean
    UnitRegistryFeed unitRegistryFeed(KafkaClientSettings kafka, UnitRegistry registry) {
        return new UnitRegistryFeed(
                () -> {
                    Map<String, Object> config = new HashMap<>(kafka.clientProperties());
                    // no group.id: every instance reads the whole directory, none commits offsets
                    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "unit-registry-" + UUID.randomUUID());
                    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
                    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
                    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
                    return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
                },
                registry,
                START_WAIT);
    }
}
