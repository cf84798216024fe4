package io.minxin.servicekit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The environment variables of the release before the one settings vocabulary (every project setting a
 * {@code minxin.*} property, set from the environment as its relaxed name {@code MINXIN_…}) keep working for one
 * release: each one set is passed on to its new property, below the new variable and above {@code application.yml},
 * with a warning naming the variable to use instead. Remove this class in the release after 0.1.
 */
final class OldSettingNames implements EnvironmentPostProcessor, Ordered {
    static final String SOURCE_NAME = "minxinOldSettingNames";

    /** Old environment variable → the property it sets now. */
    static final Map<String, String> RENAMED = renamed();

    private final Log log;

    OldSettingNames(DeferredLogFactory logs) {
        this.log = logs.getLog(OldSettingNames.class);
    }

    @Override
    public int getOrder() {
        // after the config data (application.yml) is loaded, so the source can be put just under the environment
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> passedOn = passedOn(systemEnvironment(environment));
        if (passedOn.isEmpty() || environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        RENAMED.forEach((old, property) -> {
            if (passedOn.containsKey(property)) {
                log.warn("The environment variable " + old + " is deprecated and will be removed in the next release;"
                        + " set " + SettingNames.environmentVariable(property) + " instead");
            }
        });
        MapPropertySource source = new MapPropertySource(SOURCE_NAME, passedOn);
        if (environment.getPropertySources().contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            environment
                    .getPropertySources()
                    .addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
        } else {
            environment.getPropertySources().addLast(source);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> systemEnvironment(ConfigurableEnvironment environment) {
        PropertySource<?> source =
                environment.getPropertySources().get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        return source != null && source.getSource() instanceof Map<?, ?> variables
                ? (Map<String, Object>) variables
                : environment.getSystemEnvironment();
    }

    /** The new properties set by old variables, where the new variable is not set too. */
    static Map<String, Object> passedOn(Map<String, Object> systemEnvironment) {
        Map<String, Object> properties = new LinkedHashMap<>();
        RENAMED.forEach((old, property) -> {
            Object value = systemEnvironment.get(old);
            String newName = SettingNames.environmentVariable(property);
            if (value != null
                    && !systemEnvironment.containsKey(newName)
                    && !systemEnvironment.containsKey(
                            property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT))) {
                properties.put(property, value);
            }
        });
        return properties;
    }

    private static Map<String, String> renamed() {
        Map<String, String> renamed = new LinkedHashMap<>();
        // every service
        renamed.put("PORT", "server.port");
        renamed.put("KAFKA_BOOTSTRAP", "minxin.kafka.bootstrap");
        renamed.put("MONGODB_URI", "minxin.mongodb.uri");
        renamed.put("PERIOD_CUT_OFF_DAY", "minxin.period.cut-off-day");
        // intake-service
        renamed.put("MAX_BATCH_EVENTS", "minxin.intake.max-batch-events");
        renamed.put("MAX_BATCH_BYTES", "minxin.intake.max-batch-bytes");
        renamed.put("MAX_EVENT_BYTES", "minxin.intake.max-event-bytes");
        renamed.put("INTAKE_TX_PREFIX", "minxin.intake.publish.transaction-id-prefix");
        renamed.put("PUBLISH_TIMEOUT", "minxin.intake.publish.timeout");
        renamed.put("PUBLISH_MAX_CONCURRENT", "minxin.intake.publish.max-concurrent");
        renamed.put("PUBLISH_MAX_IN_FLIGHT", "minxin.intake.publish.max-in-flight");
        renamed.put("KAFKA_MAX_BLOCK_MS", "minxin.intake.producer.max-block-ms");
        renamed.put("KAFKA_REQUEST_TIMEOUT_MS", "minxin.intake.producer.request-timeout-ms");
        renamed.put("KAFKA_DELIVERY_TIMEOUT_MS", "minxin.intake.producer.delivery-timeout-ms");
        renamed.put("KAFKA_TRANSACTION_TIMEOUT_MS", "minxin.intake.producer.transaction-timeout-ms");
        renamed.put("KAFKA_LINGER_MS", "minxin.intake.producer.linger-ms");
        // metrics-service
        renamed.put("MONGODB_DATABASE", "minxin.mongodb.database");
        renamed.put("MONGODB_TIMEOUT", "minxin.mongodb.timeout");
        renamed.put("DEFAULT_WORKING_DAYS", "minxin.metrics.default-working-days");
        renamed.put("MAX_EVENTS_PER_CASE", "minxin.metrics.max-events-per-case");
        renamed.put("PROJECTION_GROUP_ID", "minxin.metrics.projection.group-id");
        renamed.put("PROJECTION_BATCH_SIZE", "minxin.metrics.projection.batch-size");
        renamed.put("PROJECTION_MAX_WAIT", "minxin.metrics.projection.max-wait");
        renamed.put("PROJECTION_RETRY_BACKOFF", "minxin.metrics.projection.retry-backoff");
        renamed.put("GAUGES_REFRESH", "minxin.metrics.gauges.refresh");
        renamed.put("METRICS_VIEW_TTL", "minxin.metrics.views.ttl");
        renamed.put("METRICS_VIEW_MAX_STALE", "minxin.metrics.views.max-stale");
        renamed.put("STATE_DIR", "minxin.metrics.streams.state-dir");
        renamed.put("STREAMS_APP_PREFIX", "minxin.metrics.streams.application-prefix");
        renamed.put("STREAMS_COMMIT_INTERVAL_MS", "minxin.metrics.streams.commit-interval-ms");
        renamed.put("STREAMS_STANDBY_REPLICAS", "minxin.metrics.streams.standby-replicas");
        renamed.put("STREAMS_PRODUCER_BATCH_SIZE", "minxin.metrics.streams.producer-batch-size");
        renamed.put("STREAMS_MAX_POLL_RECORDS", "minxin.metrics.streams.max-poll-records");
        renamed.put("STREAMS_REPLICATION_FACTOR", "minxin.metrics.streams.replication-factor");
        // ranking-service
        renamed.put("MINXIN_RANKING_DATABASE", "minxin.mongodb.database");
        renamed.put("MINXIN_RANKING_GROUP", "minxin.ranking.consumer-group");
        renamed.put("MINXIN_RANKING_VIEW_CACHE_MAX", "minxin.ranking.view-cache.max-views");
        renamed.put("MINXIN_RANKING_AUTO_CLOSE", "minxin.ranking.auto-close.enabled");
        renamed.put("MINXIN_RANKING_CLOSE_AFTER_DAYS", "minxin.ranking.auto-close.close-after-days");
        renamed.put("MINXIN_RANKING_AUTO_CLOSE_CHECK", "minxin.ranking.auto-close.check-interval");
        // notice-service
        renamed.put("MINXIN_NOTICE_DATABASE", "minxin.mongodb.database");
        renamed.put("MINXIN_DUTY_SINCE", "minxin.notice.duty.since");
        renamed.put("MINXIN_DUTY_UNTIL", "minxin.notice.duty.until");
        // gateway
        renamed.put("INTAKE_URI", "minxin.gateway.services.intake");
        renamed.put("METRICS_URI", "minxin.gateway.services.metrics");
        renamed.put("RANKING_URI", "minxin.gateway.services.ranking");
        renamed.put("NOTICE_URI", "minxin.gateway.services.notice");
        renamed.put("MINXIN_KEY_STORE", "minxin.gateway.keys.store");
        renamed.put("MINXIN_KEY_CACHE_TTL", "minxin.gateway.keys.cache-ttl");
        renamed.put("MINXIN_RATE_LIMIT_INTEGRATION", "minxin.gateway.rate-limit.permits.integration");
        renamed.put("MINXIN_RATE_LIMIT_DASHBOARD", "minxin.gateway.rate-limit.permits.dashboard");
        renamed.put("MINXIN_RATE_LIMIT_OPERATOR", "minxin.gateway.rate-limit.permits.operator");
        renamed.put("MINXIN_CORS_ALLOWED_ORIGINS", "minxin.gateway.cors.allowed-origins");
        renamed.put("MINXIN_CONNECT_TIMEOUT_MS", "minxin.gateway.timeouts.connect-ms");
        renamed.put("MINXIN_RESPONSE_TIMEOUT_MS", "minxin.gateway.timeouts.response-ms");
        renamed.put("MINXIN_EVENTS_RESPONSE_TIMEOUT_MS", "minxin.gateway.timeouts.events-response-ms");
        renamed.put("MINXIN_BREAKER_WINDOW", "minxin.gateway.breaker.window");
        renamed.put("MINXIN_BREAKER_MIN_CALLS", "minxin.gateway.breaker.minimum-calls");
        renamed.put("MINXIN_BREAKER_OPEN_FOR", "minxin.gateway.breaker.open-for");
        renamed.put("MINXIN_DASHBOARD_CACHE_TTL", "minxin.gateway.dashboard-cache.ttl");
        renamed.put("MINXIN_DASHBOARD_CACHE_SIZE", "minxin.gateway.dashboard-cache.size");
        renamed.put("MINXIN_ACCESS_LOG_LEVEL", "logging.level.io.minxin.gateway.access");
        return Collections.unmodifiableMap(renamed);
    }
}
