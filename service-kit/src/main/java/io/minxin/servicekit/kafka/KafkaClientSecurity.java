package io.minxin.servicekit.kafka;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes every Kafka client a service configures through Spring the principal of {@link KafkaClientSettings}: its
 * security properties go into the client configuration maps of Spring Kafka ({@code spring.kafka.properties.*}:
 * intake's producers and health check, metrics-service's projection consumer, the gateway's key-change clients), the
 * Spring Cloud Stream Kafka binder ({@code spring.cloud.stream.kafka.binder.configuration.*}: ranking and notice) and
 * the Kafka Streams binder ({@code spring.cloud.stream.kafka.streams.binder.configuration.*}: metrics-service's
 * topology, its internal topics and dead letters). A client built in code starts from
 * {@link KafkaClientSettings#clientProperties()}.
 *
 * <p>An environment post-processor rather than per-client customizers: the binders build their clients from these
 * maps, and one place that fills them cannot miss a client a later version adds. The source is the lowest of all,
 * so a property set explicitly anywhere still wins.
 */
final class KafkaClientSecurity implements EnvironmentPostProcessor, Ordered {
    static final String SOURCE_NAME = "minxinKafkaClientSecurity";

    /** The client configuration maps that every Kafka client of a service is built from. */
    static final List<String> CLIENT_CONFIGURATION_PREFIXES = List.of(
            "spring.kafka.properties.",
            "spring.cloud.stream.kafka.binder.configuration.",
            "spring.cloud.stream.kafka.streams.binder.configuration.");

    @Override
    public int getOrder() {
        // after the config data (application.yml, profiles), which may set minxin.kafka.* too
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        KafkaClientSettings settings =
                Binder.get(environment).bindOrCreate("minxin.kafka", Bindable.of(KafkaClientSettings.class));
        Map<String, Object> properties = properties(settings);
        if (!properties.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, properties));
        }
    }

    /** Each security property under each client configuration prefix; empty for PLAINTEXT. */
    static Map<String, Object> properties(KafkaClientSettings settings) {
        Map<String, Object> properties = new LinkedHashMap<>();
        settings.securityProperties()
                .forEach((name, value) ->
                        CLIENT_CONFIGURATION_PREFIXES.forEach(prefix -> properties.put(prefix + name, value)));
        return properties;
    }
}
