package io.minxin.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The MongoDB of metrics-service ({@code minxin.mongodb.*}).
 *
 * @param timeout how long a query may wait for a reachable server before the API answers 503
 */
@ConfigurationProperties("minxin.mongodb")
public record MongoProperties(
        @DefaultValue("mongodb://localhost:27017") String uri,
        @DefaultValue("minxin_metrics") String database,
        @DefaultValue("3s") Duration timeout) {}
